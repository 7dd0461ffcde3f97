// Routing an alert to a member, a team, both, or taking either away. The new assignee hears of
// it, or, given to a team and nobody in it, every member of the team, as for cases; not the
// member who assigned it to themselves.
import type { z } from "zod";
import type { assignAlertSchema } from "@/lib/validations/alert";
import { recordAudit } from "@/server/audit";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError } from "@/server/errors/app-error";
import { requireTeam } from "@/server/services/teams/team-select";
import { requireAlertAssignee } from "./alert-checks";
import { alertChanged } from "./alert-events";
import { loadAlert, type AlertOutput } from "./alert-select";
import { readAlertForWrite, updateAlertAtVersion } from "./alert-version";
import { notifyAlert } from "./notify-alert";

export async function assignAlert(db: TenantDb, callerUserId: string | null, input: z.output<typeof assignAlertSchema>): Promise<AlertOutput> {
  // Another tenant's alert is NOT_FOUND whatever else is wrong with the call.
  const current = await readAlertForWrite(db, input.id, input.version);
  if (input.assigneeId === undefined && input.teamId === undefined) {
    throw new AppError("BAD_REQUEST", "Name an assignee, a team or both", { fieldErrors: { assigneeId: ["Name an assignee, a team or both"] } });
  }
  if (input.assigneeId === "me" && !callerUserId) {
    throw new AppError("BAD_REQUEST", "An API key is no member: name the assignee", { fieldErrors: { assigneeId: ["Name the member"] } });
  }
  const assigneeId = input.assigneeId === "me" ? callerUserId : input.assigneeId;
  if (assigneeId) await requireAlertAssignee(db, assigneeId);
  if (input.teamId) await requireTeam(db, input.teamId);

  const assigneeChanged = assigneeId !== undefined && assigneeId !== current.assigneeId;
  const teamChanged = input.teamId !== undefined && input.teamId !== current.teamId;
  if (!assigneeChanged && !teamChanged) return loadAlert(db, input.id);

  const to = { assigneeId: assigneeId === undefined ? current.assigneeId : assigneeId, teamId: input.teamId === undefined ? current.teamId : input.teamId };
  await updateAlertAtVersion(db, input.id, current.version, to);
  await recordAudit(db, {
    action: "alert.assigned",
    targetType: "alert",
    targetId: input.id,
    diff: { from: { assigneeId: current.assigneeId, teamId: current.teamId }, to },
  });
  alertChanged(input.id, "assigned", { status: current.status, severity: current.severity });
  if (assigneeChanged && to.assigneeId) await notifyAlert(db, { id: input.id, title: current.title, assigneeId: to.assigneeId, teamId: null });
  else if (teamChanged && to.teamId && !to.assigneeId) await notifyAlert(db, { id: input.id, title: current.title, assigneeId: null, teamId: to.teamId });
  return loadAlert(db, input.id);
}
