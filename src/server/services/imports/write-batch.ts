// Writes one batch of validated rows in the caller's tenant transaction with INSERT … ON CONFLICT
// DO NOTHING on (tenant, import key): a row whose key exists is a duplicate, not an error, and a
// second run of the same file adds nothing. References (customer by email through its blind
// index, assignee by member email) are resolved here, a batch at a time.
import type { TenantSettings } from "@/lib/validations/tenant-settings";
import { AppError } from "@/server/errors/app-error";
import { emailBlindIndex, emailBlindIndexCandidates } from "@/server/crypto";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { currentActor } from "@/server/services/cases/actor";
import { computeSlaDue } from "@/server/services/cases/sla";
import { checkCaseClassification } from "@/server/services/cases/tenant-settings";
import { encryptPii } from "@/server/services/customers/pii";
import { insertImportedCases, type CaseInsertRow } from "./insert-cases";
import type { CaseCandidate, CustomerCandidate } from "./map-row";

export interface PendingRow<C> {
  row: number;
  record: string[];
  importKey: string;
  candidate: C;
}

export interface BatchOutcome {
  imported: number;
  duplicates: number;
  /** Rows refused while resolving references, with the reason. */
  rejected: { row: number; record: string[]; error: string }[];
}

export interface CaseImportSettings {
  tenantId: string;
  settings: TenantSettings;
  /** Member emails (lower case) → user id and role. */
  members: Map<string, { userId: string; role: string }>;
  createdById: string | null;
}

/** Members by email, for assignees: read once per import. */
export async function loadMembersByEmail(db: TenantDb): Promise<CaseImportSettings["members"]> {
  const rows = await db.membership.findMany({ select: { role: true, user: { select: { id: true, email: true } } } });
  return new Map(rows.map((m) => [m.user.email.toLowerCase(), { userId: m.user.id, role: m.role }]));
}

async function customersByEmail(db: TenantDb, tenantId: string, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const candidates = new Map(emails.map((e) => [e, emailBlindIndexCandidates(tenantId, e)]));
  const found = await db.customer.findMany({
    where: { emailBlindIndex: { in: [...candidates.values()].flat() } },
    select: { id: true, emailBlindIndex: true },
  });
  const byIndex = new Map(found.map((c) => [c.emailBlindIndex, c.id]));
  const result = new Map<string, string>();
  for (const [email, indexes] of candidates) {
    const id = indexes.map((i) => byIndex.get(i)).find(Boolean);
    if (id) result.set(email, id);
  }
  return result;
}

/**
 * The rows whose key is new: not in the table yet (one index lookup for the batch) and not
 * repeated earlier in the batch. Filtering first matters for cases: the numbering trigger runs
 * before ON CONFLICT is checked, so inserting a duplicate would still use up a case number.
 */
async function newRows<C>(db: TenantDb, model: "case" | "customer", rows: PendingRow<C>[]): Promise<{ fresh: PendingRow<C>[]; duplicates: number }> {
  const keys = rows.map((r) => r.importKey);
  const where = { importKey: { in: keys } };
  const found = keys.length
    ? model === "case"
      ? await db.case.findMany({ where, select: { importKey: true } })
      : await db.customer.findMany({ where, select: { importKey: true } })
    : [];
  const seen = new Set(found.map((r) => r.importKey));
  const fresh = rows.filter((r) => !seen.has(r.importKey) && (seen.add(r.importKey), true));
  return { fresh, duplicates: rows.length - fresh.length };
}

/** `checkOnly`: resolve and check the rows, write nothing (a resumed import rebuilding its rejected rows). */
export async function writeCaseBatch(
  db: TenantDb,
  ctx: CaseImportSettings,
  batch: PendingRow<CaseCandidate>[],
  options: { checkOnly?: boolean } = {},
): Promise<BatchOutcome> {
  const rejected: BatchOutcome["rejected"] = [];
  const { fresh: rows, duplicates: known } = await newRows(db, "case", batch);
  const emails = [...new Set(rows.map((r) => r.candidate.customerEmail).filter((e): e is string => Boolean(e)))];
  const customers = await customersByEmail(db, ctx.tenantId, emails);
  const now = new Date();
  const sla = new Map<string, ReturnType<typeof computeSlaDue>>();
  const defaultAssignee = ctx.settings.defaultAssigneeId;
  const defaultAssignable = [...ctx.members.values()].some((m) => m.userId === defaultAssignee && m.role !== "VIEWER");
  const data: CaseInsertRow[] = [];
  for (const { row, record, importKey, candidate: c } of rows) {
    const errors: string[] = [];
    try {
      checkCaseClassification(ctx.settings, c.input);
    } catch (error) {
      const fieldErrors = error instanceof AppError ? error.details?.fieldErrors : undefined;
      errors.push(fieldErrors ? Object.entries(fieldErrors).map(([k, v]) => `${k}: ${v.join(", ")}`).join("; ") : String(error));
    }
    const customerId = c.customerEmail ? customers.get(c.customerEmail) : undefined;
    if (c.customerEmail && !customerId) errors.push(`customerEmail: No customer with email ${c.customerEmail}`);
    const member = c.assigneeEmail ? ctx.members.get(c.assigneeEmail) : undefined;
    if (c.assigneeEmail && !member) errors.push(`assigneeEmail: No member with email ${c.assigneeEmail}`);
    else if (member?.role === "VIEWER") errors.push(`assigneeEmail: ${c.assigneeEmail} is a viewer and cannot be assigned`);
    if (errors.length > 0) {
      rejected.push({ row, record, error: errors.join("; ") });
      continue;
    }
    let due = sla.get(c.input.priority);
    if (!due) sla.set(c.input.priority, (due = computeSlaDue(now, c.input.priority, ctx.settings)));
    const closed = c.status === "CLOSED";
    data.push({
      title: c.input.title,
      description: c.input.description,
      channel: c.input.channel,
      priority: c.input.priority,
      status: c.status,
      tags: [...new Set(c.input.tags)],
      category: c.input.category ?? null,
      businessUnit: c.input.businessUnit ?? null,
      customerId: customerId ?? null,
      assigneeId: member?.userId ?? (c.assigneeEmail === null && defaultAssignable ? (defaultAssignee ?? null) : null),
      importKey,
      resolvedAt: c.status === "RESOLVED" || closed ? now : null,
      closedAt: closed ? now : null,
      firstResponseDueAt: due.firstResponseDueAt ?? null,
      resolutionDueAt: due.resolutionDueAt ?? null,
    });
  }
  if (options.checkOnly) return { imported: 0, duplicates: known, rejected };
  const imported = await insertImportedCases(db, { tenantId: ctx.tenantId, createdById: ctx.createdById, actor: currentActor(), now }, data);
  // Rows that lost a race with a concurrent import of the same keys count as duplicates too.
  return { imported, duplicates: known + data.length - imported, rejected };
}

export async function writeCustomerBatch(db: TenantDb, tenantId: string, batch: PendingRow<CustomerCandidate>[]): Promise<BatchOutcome> {
  const { fresh: rows, duplicates: known } = await newRows(db, "customer", batch);
  const data: Prisma.CustomerCreateManyInput[] = rows.map(({ importKey, candidate: { input } }) => ({
    tenantId,
    name: input.name,
    // PII only ever stored encrypted, through the customers service's helpers.
    emailCiphertext: encryptPii(tenantId, "email", input.email),
    emailBlindIndex: input.email ? emailBlindIndex(tenantId, input.email) : null,
    phoneCiphertext: encryptPii(tenantId, "phone", input.phone),
    company: input.company ?? null,
    externalId: input.externalId ?? null,
    notes: input.notes,
    attributes: input.attributes as Prisma.InputJsonValue,
    importKey,
  }));
  // A customer whose email or external id already exists is the same customer: a duplicate too.
  const { count } = data.length ? await db.customer.createMany({ data, skipDuplicates: true }) : { count: 0 };
  return { imported: count, duplicates: known + data.length - count, rejected: [] };
}
