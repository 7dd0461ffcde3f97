// Alert schemas shared by the alerts procedures (and the alerts page to come). Business units,
// members, teams and related cases are the tenant's own, so the server checks those against the
// tenant; here only their shape.
import { z } from "zod";
import { dateInput } from "./date";
import { optionalText, text } from "./text";

export const ALERT_SEVERITIES = ["INFO", "WARNING", "CRITICAL"] as const;
export const ALERT_SOURCES = ["RULE", "API", "SYSTEM", "ALERTMANAGER"] as const;
export const ALERT_STATUSES = ["ACTIVE", "ACKNOWLEDGED", "RESOLVED"] as const;
export const alertSeveritySchema = z.enum(ALERT_SEVERITIES);
export const alertSourceSchema = z.enum(ALERT_SOURCES);
export const alertStatusSchema = z.enum(ALERT_STATUSES);
export type AlertSeverity = z.infer<typeof alertSeveritySchema>;
export type AlertStatus = z.infer<typeof alertStatusSchema>;

export const ALERT_TITLE_MAX = 200;
export const ALERT_DESCRIPTION_MAX = 5000;
export const ALERT_LABELS_MAX = 64;
export const ALERT_LABEL_KEY_MAX = 100;
export const ALERT_LABEL_VALUE_MAX = 1000;
export const ALERT_RELATED_CASES_MAX = 50;

const alertTitle = text().trim().min(3, { message: "Use at least 3 characters" }).max(ALERT_TITLE_MAX, { message: `Use at most ${ALERT_TITLE_MAX} characters` });
const alertDescription = text().max(ALERT_DESCRIPTION_MAX, { message: `Use at most ${ALERT_DESCRIPTION_MAX} characters` });
/** One of the tenant's settings.businessUnits; the server checks it. */
const businessUnit = text().trim().min(1).max(60);

/** A flat string map, as Alertmanager's labels are: bounded in count, key and value length. */
export const alertLabelsSchema = z
  .record(text().min(1).max(ALERT_LABEL_KEY_MAX), text().max(ALERT_LABEL_VALUE_MAX))
  .refine((labels) => Object.keys(labels).length <= ALERT_LABELS_MAX, { message: `Use at most ${ALERT_LABELS_MAX} labels` });

const relatedCaseIds = z.array(z.uuid()).max(ALERT_RELATED_CASES_MAX, { message: `Relate at most ${ALERT_RELATED_CASES_MAX} cases` });
const dedupeKey = text().trim().min(1).max(200);
/** The version the caller read; a stale one is a CONFLICT (optional: scripts may not care). */
const version = z.number().int().min(1).optional();

export const createAlertSchema = z.object({
  title: alertTitle,
  description: alertDescription.default(""),
  severity: alertSeveritySchema.default("WARNING"),
  businessUnit: businessUnit.nullish(),
  labels: alertLabelsSchema.default({}),
  relatedCaseIds: relatedCaseIds.default([]),
  /** Repeated firings with the same key are one alert: counted, and reopened when resolved. */
  dedupeKey: dedupeKey.nullish(),
  /** A member who may work alerts; applies when the alert is created (a recurrence keeps its assignment). */
  assigneeId: z.uuid().nullish(),
  teamId: z.uuid().nullish(),
});
export type CreateAlertInput = z.input<typeof createAlertSchema>;

export const updateAlertSchema = z.object({
  id: z.uuid(),
  version,
  title: alertTitle.optional(),
  description: alertDescription.optional(),
  severity: alertSeveritySchema.optional(),
  businessUnit: businessUnit.nullable().optional(),
  labels: alertLabelsSchema.optional(),
  relatedCaseIds: relatedCaseIds.optional(),
});
export type UpdateAlertInput = z.input<typeof updateAlertSchema>;

export const alertTransitionSchema = z.object({ id: z.uuid(), version });

export const resolveAlertSchema = alertTransitionSchema.extend({
  note: text().trim().max(2000, { message: "Use at most 2,000 characters" }).optional(),
});

/** A member, a team, both, or null to clear either; at least one of them named. */
export const assignAlertSchema = z.object({
  id: z.uuid(),
  version,
  /** A member's user id, "me" (the signed-in caller), or null (nobody). */
  assigneeId: z.union([z.uuid(), z.literal("me")]).nullable().optional(),
  teamId: z.uuid().nullable().optional(),
});
export type AssignAlertInput = z.input<typeof assignAlertSchema>;

/** The list's filters (combined with AND); count takes the same minus status and severity. */
export const alertCountFilterSchema = z.object({
  businessUnit: optionalText(60),
  source: alertSourceSchema.optional(),
  /** On lastFiredAt: inclusive lower and exclusive upper bounds. */
  from: dateInput().optional(),
  to: dateInput().optional(),
  /** A team's id, or "none" (in no team). */
  teamId: z.union([z.uuid(), z.literal("none")]).optional(),
  /** A member's user id, "me" (the caller) or "none" (unassigned). */
  assigneeId: z.union([z.uuid(), z.literal("me"), z.literal("none")]).optional(),
});
export type AlertCountFilter = z.output<typeof alertCountFilterSchema>;

export const alertListFilterSchema = alertCountFilterSchema.extend({
  status: z.array(alertStatusSchema).max(ALERT_STATUSES.length).optional(),
  severity: z.array(alertSeveritySchema).max(ALERT_SEVERITIES.length).optional(),
});
export type AlertListFilter = z.output<typeof alertListFilterSchema>;
