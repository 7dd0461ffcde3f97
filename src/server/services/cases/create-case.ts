import type { z } from "zod";
import type { createCaseSchema } from "@/lib/validations/case";
import { recordAudit } from "@/server/audit";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import type { CaseChannel } from "@/lib/validations/case";
import type { TenantSettings } from "@/lib/validations/tenant-settings";
import { createNotifications } from "@/server/services/notifications/notifications";
import { nextRoundRobinAssignee } from "@/server/services/teams/round-robin";
import { requireTeam } from "@/server/services/teams/team-select";
import { currentActor, type Caller } from "./actor";
import { requireAssignableMember } from "./assign-case";
import { recordCaseEvents } from "./case-events";
import type { CaseDetail } from "./case-select";
import { loadCaseDetail } from "./load-case";
import { computeSlaDue } from "./sla";
import { checkCaseClassification, loadTenantSettings } from "./tenant-settings";
import { ensureCustomerExists } from "./update-case";
import { aiAvailable } from "@/server/ai/provider";
import { enqueue } from "@/server/jobs";
import { claimAttachments } from "@/server/services/attachments/claim";
import { requestUploader } from "@/server/services/attachments/uploader";
import { learnedTriageCaseJob } from "@/server/services/triage-model/triage-model-jobs";
import { triageCaseJob } from "@/server/services/suggestions/triage-job";

type TeamRef = { id: string; name: string; autoAssign: boolean };

/**
 * Files given with a new case: its description is a field, not a message, so they arrive as the
 * case's first internal note, by its creator. Internal, because whoever opened the case decides
 * what reaches the customer: a chat visitor never sees them.
 */
async function attachOpeningFiles(db: TenantDb, caller: Caller, caseId: string, attachmentIds: string[], at: Date): Promise<void> {
  const note = await db.caseMessage.create({
    data: { tenantId: requireTenantId(), caseId, kind: "INTERNAL_NOTE", authorType: caller.userId ? "MEMBER" : "SYSTEM", authorId: caller.userId, body: "", createdAt: at },
    select: { id: true },
  });
  await claimAttachments(db, { ids: attachmentIds, messageId: note.id, uploader: requestUploader() });
}

/** A new case: numbered by the database, SLA targets from its priority, on the timeline and audited. */
export async function createCase(db: TenantDb, caller: Caller, input: z.output<typeof createCaseSchema>): Promise<CaseDetail> {
  const settings = await loadTenantSettings(db);
  checkCaseClassification(settings, input);
  if (input.customerId) await ensureCustomerExists(db, input.customerId);
  const team = input.teamId ? await requireTeam(db, input.teamId) : await defaultTeamOf(db, input.channel);
  if (input.assigneeId) await requireAssignableMember(db, input.assigneeId);
  const assigneeId = input.assigneeId ?? (await initialAssignee(db, settings, team));
  const now = new Date();
  const created = await db.case.create({
    data: {
      tenantId: requireTenantId(),
      title: input.title,
      description: input.description,
      channel: input.channel,
      priority: input.priority,
      tags: [...new Set(input.tags)],
      createdById: caller.userId,
      customerId: input.customerId ?? null,
      category: input.category ?? null,
      businessUnit: input.businessUnit ?? null,
      assigneeId,
      teamId: team?.id ?? null,
      createdAt: now,
      ...computeSlaDue(now, input.priority, settings),
    },
    select: { id: true, number: true },
  });
  await recordCaseEvents(db, [
    { caseId: created.id, type: "created", to: { status: "NEW", priority: input.priority }, at: now },
    ...(team ? [{ caseId: created.id, type: "team_changed" as const, from: null, to: { id: team.id, name: team.name }, at: now }] : []),
  ]);
  await recordAudit(db, {
    action: "case.created",
    targetType: "case",
    targetId: created.id,
    diff: {
      number: created.number,
      title: input.title,
      priority: input.priority,
      channel: input.channel,
      teamId: team?.id ?? null,
      assigneeId,
      ...(input.attachmentIds?.length ? { attachments: input.attachmentIds.length } : {}),
    },
  });
  if (input.attachmentIds?.length) await attachOpeningFiles(db, caller, created.id, input.attachmentIds, now);
  // Triage by the tenant's learned model, when it has one, and by the AI, when the deployment has a
  // provider and the tenant wants it (the jobs commit with the case; the learned one is quick).
  if (await db.triageModel.findFirst({ select: { field: true } })) {
    await enqueue(learnedTriageCaseJob, { caseId: created.id }, { db });
  }
  if (settings.ai.enabled && settings.ai.triageNewCases && aiAvailable()) {
    await enqueue(triageCaseJob, { caseId: created.id }, { db });
  }
  // Chosen, or given by round-robin or the tenant's default: lands in their inbox, unless they made the case.
  if (assigneeId && assigneeId !== caller.userId) {
    await createNotifications(db, [{ userId: assigneeId, type: "assigned", caseId: created.id, actorId: currentActor().id }]);
  }
  return loadCaseDetail(db, { id: created.id }, caller);
}

/** The team that takes new cases of this channel, if one does. */
async function defaultTeamOf(db: TenantDb, channel: CaseChannel): Promise<TeamRef | null> {
  return db.team.findFirst({ where: { defaultChannel: channel }, select: { id: true, name: true, autoAssign: true } });
}

/**
 * Who a new case goes to. In a team that assigns automatically: its next available, online member
 * (nobody: it waits unassigned in the team). In a team that does not: nobody, the team picks it up.
 * Without a team: the tenant's default assignee, when it has one.
 */
async function initialAssignee(db: TenantDb, settings: TenantSettings, team: TeamRef | null): Promise<string | null> {
  if (team) return team.autoAssign ? nextRoundRobinAssignee(db, team.id) : null;
  return settings.defaultAssigneeId && (await isAssignableMember(db, settings.defaultAssigneeId)) ? settings.defaultAssigneeId : null;
}

/** A member of this tenant who may work cases (viewers only read). */
export async function isAssignableMember(db: TenantDb, userId: string): Promise<boolean> {
  const membership = await db.membership.findFirst({ where: { userId }, select: { role: true } });
  return membership !== null && membership.role !== "VIEWER";
}
