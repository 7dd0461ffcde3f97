// Escalating a case and the tenant's escalation rules: shared by the dialogs, the settings page
// and the procedures. Levels and business units are the tenant's own (settings), so the server
// checks those against the settings; here only their shape.
import { z } from "zod";
import { casePrioritySchema } from "./case";
import { text } from "./text";

const levelSchema = text().trim().min(1, { message: "Choose a level" }).max(40);

export const escalateCaseSchema = z.object({
  id: z.uuid(),
  /** The version the escalating member read; a stale one is a CONFLICT. */
  version: z.number().int().min(1).optional(),
  /** One of the tenant's settings.escalationLevels. */
  level: levelSchema,
  /** The team that takes the case over (and is notified). */
  teamId: z.uuid().nullish(),
  /** One of the tenant's settings.businessUnits. */
  businessUnit: text().trim().min(1).max(60).nullish(),
  priority: casePrioritySchema.nullish(),
  reason: text().trim().min(3, { message: "Say why, in at least 3 characters" }).max(1000, { message: "Use at most 1,000 characters" }),
});
export type EscalateCaseInput = z.input<typeof escalateCaseSchema>;

export const deescalateCaseSchema = z.object({
  id: z.uuid(),
  version: z.number().int().min(1).optional(),
  reason: text().trim().max(1000, { message: "Use at most 1,000 characters" }).optional(),
});
export type DeescalateCaseInput = z.input<typeof deescalateCaseSchema>;

/** A week: a rule that waits longer than that is a report, not an escalation. */
export const MAX_UNASSIGNED_MINUTES = 7 * 24 * 60;

const ruleFields = {
  name: text().trim().min(1, { message: "Name the rule" }).max(80, { message: "Use at most 80 characters" }),
  /** Null: cases of any priority. */
  priority: casePrioritySchema.nullable(),
  unassignedMinutes: z
    .number()
    .int({ message: "Use whole minutes" })
    .min(1, { message: "Use at least 1 minute" })
    .max(MAX_UNASSIGNED_MINUTES, { message: `Use at most ${MAX_UNASSIGNED_MINUTES} minutes (a week)` }),
  level: levelSchema,
  teamId: z.uuid().nullable(),
  enabled: z.boolean(),
};

export const createEscalationRuleSchema = z.object({
  ...ruleFields,
  priority: ruleFields.priority.default(null),
  teamId: ruleFields.teamId.default(null),
  enabled: ruleFields.enabled.default(true),
});
export type CreateEscalationRuleInput = z.input<typeof createEscalationRuleSchema>;

export const updateEscalationRuleSchema = z.object({
  id: z.uuid(),
  name: ruleFields.name.optional(),
  priority: ruleFields.priority.optional(),
  unassignedMinutes: ruleFields.unassignedMinutes.optional(),
  level: ruleFields.level.optional(),
  teamId: ruleFields.teamId.optional(),
  enabled: ruleFields.enabled.optional(),
});
export type UpdateEscalationRuleInput = z.input<typeof updateEscalationRuleSchema>;
