// Customers: list and search, read with their cases, create and edit. Email and phone are
// encrypted on the way in and decrypted (or masked, without pii:read) on the way out.
import { z } from "zod";
import type { createCustomerSchema, updateCustomerSchema } from "@/lib/validations/customer";
import { OPEN_STATUSES } from "@/lib/case-status";
import { recordAudit } from "@/server/audit";
import { emailBlindIndex, emailBlindIndexCandidates } from "@/server/crypto";
import { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { AppError, notFound } from "@/server/errors/app-error";
import type { Caller } from "@/server/services/cases/actor";
import { caseSummarySelect, toCaseSummary, type CaseSummary } from "@/server/services/cases/case-select";
import { decodeCursor, encodeCursor } from "@/server/services/pagination/cursor";
import { cursorKey } from "@/server/services/pagination/cursor-keys";
import { customerTextMatchSql } from "./customer-search-sql";
import { customerRowSelect, toCustomerView, type CustomerView } from "./customer-view";
import { encryptPii } from "./pii";

export type CreateCustomerInput = z.output<typeof createCustomerSchema>;
export type UpdateCustomerInput = z.output<typeof updateCustomerSchema>;

const cursorShape = z.object({ n: cursorKey.text(), id: cursorKey.uuid });

export interface CustomerListItem extends CustomerView {
  openCaseCount: number;
}

/**
 * Search by part of the name (trigram index), exact external id, or, when the text is an email,
 * the exact email through its blind index: the database never sees the address itself. The email
 * match needs pii:read: without it, a hit would confirm an address the caller may not see.
 */
export async function listCustomers(
  db: TenantDb,
  caller: Caller,
  input: { q?: string; limit: number; cursor?: string | null },
): Promise<{ items: CustomerListItem[]; nextCursor: string | null }> {
  const tenantId = requireTenantId();
  const conditions: Prisma.Sql[] = [Prisma.sql`tenant_id = ${tenantId}::uuid`];
  const q = input.q?.trim();
  if (q && q.includes("@") && caller.canReadPii) {
    conditions.push(Prisma.sql`email_blind_index IN (${Prisma.join(emailBlindIndexCandidates(tenantId, q))})`);
  } else if (q) {
    conditions.push(customerTextMatchSql(q, { withCompany: false, externalId: true }));
  }
  if (input.cursor) {
    const c = decodeCursor(input.cursor, cursorShape);
    conditions.push(Prisma.sql`(name, id) > (${c.n}, ${c.id}::uuid)`);
  }
  const rows = await db.$queryRaw<{ id: string; name: string }[]>`
    SELECT id::text AS id, name FROM customers cu
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY name, id
     LIMIT ${input.limit + 1}`;
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  const ids = page.map((r) => r.id);
  const [found, open] = ids.length
    ? await Promise.all([
        db.customer.findMany({ where: { id: { in: ids } }, select: customerRowSelect }),
        db.case.groupBy({ by: ["customerId"], where: { customerId: { in: ids }, status: { in: [...OPEN_STATUSES] } }, _count: { _all: true } }),
      ])
    : [[], []];
  const byId = new Map(found.map((r) => [r.id, r]));
  const openCounts = new Map(open.map((g) => [g.customerId, g._count._all]));
  const items = page.flatMap((r) => {
    const row = byId.get(r.id);
    return row ? [{ ...toCustomerView(row, caller.canReadPii), openCaseCount: openCounts.get(r.id) ?? 0 }] : [];
  });
  const last = page.at(-1);
  return { items, nextCursor: hasMore && last ? encodeCursor({ n: last.name, id: last.id }) : null };
}

export interface CustomerDetail extends CustomerView {
  /** The most recent cases; the cases list with customerId filtered shows them all. */
  cases: CaseSummary[];
  caseCounts: { open: number; total: number };
}

export async function getCustomer(db: TenantDb, caller: Caller, id: string): Promise<CustomerDetail> {
  const row = await db.customer.findFirst({ where: { id }, select: customerRowSelect });
  if (!row) throw notFound("Customer");
  const [cases, total, open] = await Promise.all([
    db.case.findMany({ where: { customerId: id }, select: caseSummarySelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 20 }),
    db.case.count({ where: { customerId: id } }),
    db.case.count({ where: { customerId: id, status: { in: [...OPEN_STATUSES] } } }),
  ]);
  const now = new Date();
  return { ...toCustomerView(row, caller.canReadPii), cases: cases.map((c) => toCaseSummary(c, now)), caseCounts: { open, total } };
}

async function ensureEmailFree(db: TenantDb, tenantId: string, email: string, exceptId?: string): Promise<void> {
  // Every ring key's index: a customer written before a key rotation must still count.
  const taken = await db.customer.findFirst({
    where: { emailBlindIndex: { in: emailBlindIndexCandidates(tenantId, email) }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) {
    throw new AppError("CONFLICT", "A customer with this email already exists", {
      fieldErrors: { email: ["A customer with this email already exists"] },
      existingId: taken.id,
    });
  }
}

function emailColumns(tenantId: string, email: string | null) {
  return { emailCiphertext: encryptPii(tenantId, "email", email), emailBlindIndex: email ? emailBlindIndex(tenantId, email) : null };
}

export async function createCustomer(db: TenantDb, caller: Caller, input: CreateCustomerInput): Promise<CustomerView> {
  const tenantId = requireTenantId();
  if (input.email) await ensureEmailFree(db, tenantId, input.email);
  const row = await db.customer.create({
    data: {
      tenantId,
      name: input.name,
      ...emailColumns(tenantId, input.email ?? null),
      phoneCiphertext: encryptPii(tenantId, "phone", input.phone),
      company: input.company ?? null,
      externalId: input.externalId ?? null,
      notes: input.notes,
      attributes: input.attributes as Prisma.InputJsonValue,
    },
    select: customerRowSelect,
  });
  await recordAudit(db, {
    action: "customer.created",
    targetType: "customer",
    targetId: row.id,
    // Which fields were given, never their values: names, emails and phones are personal data.
    diff: { fields: Object.entries(input).filter(([, v]) => v !== undefined && v !== null && v !== "").map(([k]) => k) },
  });
  return toCustomerView(row, caller.canReadPii);
}

export async function updateCustomer(db: TenantDb, caller: Caller, input: UpdateCustomerInput): Promise<CustomerView> {
  const tenantId = requireTenantId();
  const current = await db.customer.findFirst({ where: { id: input.id }, select: customerRowSelect });
  if (!current) throw notFound("Customer");
  const conflict = (row: typeof current) =>
    new AppError("CONFLICT", "This customer was changed by someone else meanwhile; review the current version", {
      reason: "STALE_VERSION",
      current: toCustomerView(row, caller.canReadPii),
    });
  if (current.version !== input.version) throw conflict(current);

  const data: Prisma.CustomerUpdateManyMutationInput = {};
  const changed: string[] = [];
  if (input.name !== undefined && input.name !== current.name) {
    data.name = input.name;
    changed.push("name");
  }
  if (input.email !== undefined) {
    if (input.email) await ensureEmailFree(db, tenantId, input.email, input.id);
    Object.assign(data, emailColumns(tenantId, input.email));
    changed.push("email");
  }
  if (input.phone !== undefined) {
    data.phoneCiphertext = encryptPii(tenantId, "phone", input.phone);
    changed.push("phone");
  }
  for (const key of ["company", "externalId", "notes"] as const) {
    if (input[key] !== undefined && input[key] !== current[key]) {
      (data as Record<string, unknown>)[key] = input[key];
      changed.push(key);
    }
  }
  if (input.attributes !== undefined) {
    data.attributes = input.attributes as Prisma.InputJsonValue;
    changed.push("attributes");
  }
  if (changed.length > 0) {
    const { count } = await db.customer.updateMany({ where: { id: input.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) {
      const fresh = await db.customer.findFirst({ where: { id: input.id }, select: customerRowSelect });
      if (!fresh) throw notFound("Customer");
      throw conflict(fresh);
    }
    await recordAudit(db, { action: "customer.updated", targetType: "customer", targetId: input.id, diff: { fields: changed } });
  }
  const row = await db.customer.findFirst({ where: { id: input.id }, select: customerRowSelect });
  return toCustomerView(row!, caller.canReadPii);
}
