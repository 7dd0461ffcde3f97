// What an alert looks like to callers: its fields, with names beside the ids of the people and
// team it involves, and its labels as the flat string map they are stored as.
import { z } from "zod";
import { alertSeveritySchema, alertSourceSchema, alertStatusSchema } from "@/lib/validations/alert";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";

const person = { select: { id: true, name: true } } as const;

export const alertSelect = {
  id: true,
  title: true,
  description: true,
  severity: true,
  businessUnit: true,
  source: true,
  status: true,
  dedupeKey: true,
  occurrences: true,
  firstFiredAt: true,
  lastFiredAt: true,
  labels: true,
  relatedCaseIds: true,
  acknowledgedAt: true,
  resolvedAt: true,
  resolutionNote: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  assignee: person,
  team: { select: { id: true, name: true } },
  acknowledgedBy: person,
  resolvedBy: person,
} satisfies Prisma.AlertSelect;
type AlertRow = Prisma.AlertGetPayload<{ select: typeof alertSelect }>;

const ref = z.object({ id: z.string(), name: z.string() }).nullable();

export const alertOutput = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  severity: alertSeveritySchema,
  businessUnit: z.string().nullable(),
  source: alertSourceSchema,
  status: alertStatusSchema,
  dedupeKey: z.string().nullable(),
  /** How many times it fired (1 + its recurrences). */
  occurrences: z.number().int(),
  firstFiredAt: z.date(),
  lastFiredAt: z.date(),
  labels: z.record(z.string(), z.string()),
  relatedCaseIds: z.array(z.string()),
  assignee: ref,
  team: ref,
  /** The member who acknowledged / resolved it; null for an API key, Alertmanager or the system. */
  acknowledgedBy: ref,
  acknowledgedAt: z.date().nullable(),
  resolvedBy: ref,
  resolvedAt: z.date().nullable(),
  resolutionNote: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type AlertOutput = z.infer<typeof alertOutput>;

/** Only string values survive: labels are written through a string map, this guards older rows. */
function toLabels(value: Prisma.JsonValue): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

export const toAlert = (row: AlertRow): AlertOutput => ({ ...row, labels: toLabels(row.labels) });

export async function findAlert(db: TenantDb, id: string): Promise<AlertOutput | null> {
  const row = await db.alert.findFirst({ where: { id }, select: alertSelect });
  return row ? toAlert(row) : null;
}

/** An alert of this tenant; another tenant's id is NOT_FOUND like one that never existed. */
export async function loadAlert(db: TenantDb, id: string): Promise<AlertOutput> {
  const alert = await findAlert(db, id);
  if (!alert) throw notFound("Alert");
  return alert;
}
