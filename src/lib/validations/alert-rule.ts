// Alert rules: a condition over the tenant's cases (kind + params, one schema per kind) and what
// the fired alert carries (severity, business unit, routing, cool-down). Shared by the settings
// form to come and the procedures. Business units, members and teams are the tenant's own, so the
// server checks those; here only their shape.
import { z } from "zod";
import { alertSeveritySchema } from "./alert";
import { caseChannelSchema, tagSchema } from "./case";
import { text } from "./text";

export const ALERT_RULE_KINDS = ["VOLUME_SPIKE", "SLA_BREACHES", "UNASSIGNED_AGE", "BACKLOG", "KEYWORD"] as const;
export const alertRuleKindSchema = z.enum(ALERT_RULE_KINDS);
export type AlertRuleKind = z.infer<typeof alertRuleKindSchema>;

/** A week: longer windows and ages are reports, not alerts. */
const WEEK_MINUTES = 7 * 24 * 60;
const label = text().trim().min(1).max(60);
const count = (what: string) =>
  z.number().int({ message: "Use a whole number" }).min(1, { message: `Use at least 1 ${what}` }).max(1_000_000, { message: "Use at most 1,000,000" });
const minutes = z
  .number()
  .int({ message: "Use whole minutes" })
  .min(1, { message: "Use at least 1 minute" })
  .max(WEEK_MINUTES, { message: `Use at most ${WEEK_MINUTES} minutes (a week)` });

/** Which cases a rule looks at; every field left out matches all. */
export const caseScopeSchema = z.object({
  channel: caseChannelSchema.optional(),
  /** One of the tenant's settings.businessUnits (checked on write). */
  businessUnit: label.optional(),
  category: label.optional(),
  tag: tagSchema.optional(),
});
export type CaseScope = z.infer<typeof caseScopeSchema>;

export const volumeSpikeParamsSchema = z.object({
  scope: caseScopeSchema.default({}),
  /** How many standard deviations above the usual (same hour of the week, last 4 weeks). */
  zScore: z.number().min(1, { message: "Use a z-score of at least 1" }).max(10, { message: "Use a z-score of at most 10" }).default(3),
  /** Fewer cases than this never fire, however quiet the usual is. */
  minCount: count("case").default(10),
});

export const slaBreachesParamsSchema = z.object({
  /** Cases whose first response or resolution came due, unmet, within the window. */
  threshold: count("case"),
  windowMinutes: minutes.default(60),
});

export const unassignedAgeParamsSchema = z.object({
  /** Open cases with no assignee older than this… */
  minutes,
  /** …at least this many of them. */
  threshold: count("case"),
});

export const backlogParamsSchema = z.object({
  threshold: count("case"),
  /** One of the tenant's settings.businessUnits (checked on write). */
  businessUnit: label.optional(),
  /** A team of the tenant (checked on write). */
  teamId: z.uuid().optional(),
});

export const KEYWORD_PHRASES_MAX = 20;
export const keywordParamsSchema = z.object({
  /** Matched case-insensitively in a new case's title or description. */
  phrases: z
    .array(text().trim().min(2, { message: "Use at least 2 characters" }).max(100, { message: "Use at most 100 characters" }))
    .min(1, { message: "Add a phrase" })
    .max(KEYWORD_PHRASES_MAX, { message: `Use at most ${KEYWORD_PHRASES_MAX} phrases` }),
  scope: caseScopeSchema.default({}),
});

/** The condition: kind and its params, one schema per kind. */
export const alertRuleConditionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("VOLUME_SPIKE"), params: volumeSpikeParamsSchema }),
  z.object({ kind: z.literal("SLA_BREACHES"), params: slaBreachesParamsSchema }),
  z.object({ kind: z.literal("UNASSIGNED_AGE"), params: unassignedAgeParamsSchema }),
  z.object({ kind: z.literal("BACKLOG"), params: backlogParamsSchema }),
  z.object({ kind: z.literal("KEYWORD"), params: keywordParamsSchema }),
]);
export type AlertRuleCondition = z.output<typeof alertRuleConditionSchema>;
export type AlertRuleParams<K extends AlertRuleKind> = Extract<AlertRuleCondition, { kind: K }>["params"];

/**
 * Params arrive as a plain object beside `kind` (so an update may change either alone); this
 * checks them against the kind's schema and reports issues under `params.<field>`.
 */
export const ruleParamsInput = z.record(text().max(100), z.unknown());

function checkCondition(value: { kind?: AlertRuleKind; params?: unknown }, ctx: z.RefinementCtx): void {
  if (value.kind === undefined || value.params === undefined) return;
  const parsed = alertRuleConditionSchema.safeParse({ kind: value.kind, params: value.params });
  if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: issue.path } as z.core.$ZodRawIssue);
}

export const ALERT_RULE_COOLDOWN_MAX = WEEK_MINUTES;
const ruleFields = {
  name: text().trim().min(1, { message: "Name the rule" }).max(80, { message: "Use at most 80 characters" }),
  enabled: z.boolean(),
  severity: alertSeveritySchema,
  businessUnit: label.nullable(),
  assigneeId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  cooldownMinutes: z
    .number()
    .int({ message: "Use whole minutes" })
    .min(0, { message: "Use 0 minutes or more" })
    .max(ALERT_RULE_COOLDOWN_MAX, { message: `Use at most ${ALERT_RULE_COOLDOWN_MAX} minutes (a week)` }),
};

/** A rule as it would be saved: what `test` takes when the rule is not saved yet. */
export const alertRuleDefinitionSchema = z
  .object({
    name: ruleFields.name.default("Unsaved rule"),
    kind: alertRuleKindSchema,
    params: ruleParamsInput.default({}),
    cooldownMinutes: ruleFields.cooldownMinutes.default(30),
  })
  .superRefine(checkCondition);

export const createAlertRuleSchema = z
  .object({
    name: ruleFields.name,
    kind: alertRuleKindSchema,
    params: ruleParamsInput.default({}),
    enabled: ruleFields.enabled.default(true),
    severity: ruleFields.severity.default("WARNING"),
    businessUnit: ruleFields.businessUnit.default(null),
    assigneeId: ruleFields.assigneeId.default(null),
    teamId: ruleFields.teamId.default(null),
    cooldownMinutes: ruleFields.cooldownMinutes.default(30),
  })
  .superRefine(checkCondition);
export type CreateAlertRuleInput = z.input<typeof createAlertRuleSchema>;

/** Kind and params change together or params alone (checked against the rule's kind by the server). */
export const updateAlertRuleSchema = z
  .object({
    id: z.uuid(),
    name: ruleFields.name.optional(),
    kind: alertRuleKindSchema.optional(),
    params: ruleParamsInput.optional(),
    enabled: ruleFields.enabled.optional(),
    severity: ruleFields.severity.optional(),
    businessUnit: ruleFields.businessUnit.optional(),
    assigneeId: ruleFields.assigneeId.optional(),
    teamId: ruleFields.teamId.optional(),
    cooldownMinutes: ruleFields.cooldownMinutes.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== undefined && value.params === undefined) ctx.addIssue({ code: "custom", path: ["params"], message: "Give the params of the new kind" });
    checkCondition(value, ctx);
  });
export type UpdateAlertRuleInput = z.input<typeof updateAlertRuleSchema>;

/** A saved rule by id, or a definition not saved yet. */
export const testAlertRuleSchema = z
  .object({ id: z.uuid().optional(), rule: alertRuleDefinitionSchema.optional() })
  .refine((v) => (v.id === undefined) !== (v.rule === undefined), { message: "Name a saved rule (id) or give one (rule), not both", path: ["id"] });
export type TestAlertRuleInput = z.input<typeof testAlertRuleSchema>;
