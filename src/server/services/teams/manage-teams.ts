// Teams: created, changed and deleted by those who manage settings. A name is unique per tenant
// (case-insensitively, so "Billing" and "billing" are not two teams), and so is a channel's
// default team; each write is audited and tells open pages to refresh their teams.
import type { z } from "zod";
import type { CaseChannel } from "@/lib/validations/case";
import type { createTeamSchema, updateTeamSchema } from "@/lib/validations/team";
import type { TenantSettings } from "@/lib/validations/tenant-settings";
import { recordAudit } from "@/server/audit";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId, tenantKey } from "@/server/db/tenant-scope";
import { AppError, notFound } from "@/server/errors/app-error";
import { emitEvents } from "@/server/realtime/emit";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { requireTeamMemberIds } from "./team-members";
import { loadTeam, requireTeam, type TeamOutput } from "./team-select";

function checkBusinessUnit(settings: TenantSettings, businessUnit: string | null | undefined): void {
  // Strict, unlike a case's: a team is routing, and a unit the tenant does not list routes nothing.
  if (businessUnit && !settings.businessUnits.includes(businessUnit)) {
    const message = settings.businessUnits.length ? `Choose one of: ${settings.businessUnits.join(", ")}` : "Add business units in the general settings first";
    throw new AppError("BAD_REQUEST", "Some fields are not valid", { fieldErrors: { businessUnit: [message] } });
  }
}

async function ensureNameFree(db: TenantDb, name: string, exceptId?: string): Promise<void> {
  const taken = await db.team.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) {
    throw new AppError("CONFLICT", "A team with this name already exists", { fieldErrors: { name: ["A team with this name already exists"] }, existingId: taken.id });
  }
}

async function ensureChannelFree(db: TenantDb, channel: CaseChannel, exceptId?: string): Promise<void> {
  const taken = await db.team.findFirst({ where: { defaultChannel: channel, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true, name: true } });
  if (taken) {
    const message = `${taken.name} already takes new ${channel.toLowerCase()} cases`;
    throw new AppError("CONFLICT", message, { fieldErrors: { defaultChannel: [message] }, existingId: taken.id });
  }
}

const teamChanged = (id: string, change: string) => emitEvents({ kind: "team.changed", entityId: id, data: { change } });

export async function createTeam(db: TenantDb, input: z.output<typeof createTeamSchema>): Promise<TeamOutput> {
  checkBusinessUnit(await loadTenantSettings(db), input.businessUnit);
  await ensureNameFree(db, input.name);
  if (input.defaultChannel) await ensureChannelFree(db, input.defaultChannel);
  const memberIds = await requireTeamMemberIds(db, input.memberIds, "memberIds");
  const tenantId = requireTenantId();
  const { id } = await db.team.create({
    data: {
      tenantId,
      name: input.name,
      description: input.description,
      businessUnit: input.businessUnit ?? null,
      defaultChannel: input.defaultChannel ?? null,
      autoAssign: input.autoAssign,
    },
    select: { id: true },
  });
  if (memberIds.length) await db.teamMember.createMany({ data: memberIds.map((userId) => ({ tenantId, teamId: id, userId })) });
  await recordAudit(db, {
    action: "team.created",
    targetType: "team",
    targetId: id,
    diff: { name: input.name, defaultChannel: input.defaultChannel ?? null, autoAssign: input.autoAssign, members: memberIds },
  });
  teamChanged(id, "created");
  return loadTeam(db, id);
}

export async function updateTeam(db: TenantDb, input: z.output<typeof updateTeamSchema>): Promise<TeamOutput> {
  const current = await db.team.findFirst({
    where: { id: input.id },
    select: { name: true, description: true, businessUnit: true, defaultChannel: true, autoAssign: true },
  });
  if (!current) throw notFound("Team");
  const data: Prisma.TeamUpdateInput = {};
  const from: Record<string, unknown> = {};
  const to: Record<string, unknown> = {};
  for (const key of ["name", "description", "businessUnit", "defaultChannel", "autoAssign"] as const) {
    const next = input[key];
    if (next === undefined || next === current[key]) continue;
    (data as Record<string, unknown>)[key] = next;
    from[key] = current[key];
    to[key] = next;
  }
  if ("businessUnit" in to) checkBusinessUnit(await loadTenantSettings(db), input.businessUnit);
  if ("name" in to) await ensureNameFree(db, input.name!, input.id);
  if (input.defaultChannel && "defaultChannel" in to) await ensureChannelFree(db, input.defaultChannel, input.id);
  if (Object.keys(to).length > 0) {
    await db.team.update({ where: tenantKey(input.id), data, select: { id: true } });
    await recordAudit(db, { action: "team.updated", targetType: "team", targetId: input.id, diff: { from, to } });
    teamChanged(input.id, "updated");
  }
  return loadTeam(db, input.id);
}

/** Its cases keep their assignee and lose the team (the foreign key sets it null); its members simply leave it. */
export async function deleteTeam(db: TenantDb, id: string): Promise<{ id: string }> {
  const team = await requireTeam(db, id);
  const cases = await db.case.count({ where: { teamId: id } });
  await db.team.delete({ where: tenantKey(id), select: { id: true } });
  await recordAudit(db, { action: "team.deleted", targetType: "team", targetId: id, diff: { name: team.name, cases } });
  teamChanged(id, "deleted");
  return { id };
}
