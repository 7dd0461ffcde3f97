// What the admin console shows of a tenant: never its cases or customers, only counts and status.
import { z } from "zod";
import type { Prisma } from "@/server/db/generated/client";

export const adminTenantSelect = {
  id: true,
  name: true,
  slug: true,
  status: true,
  deletionScheduledFor: true,
  createdAt: true,
  _count: { select: { memberships: true, cases: true } },
} satisfies Prisma.TenantSelect;

type Row = Prisma.TenantGetPayload<{ select: typeof adminTenantSelect }>;

export const adminTenantSummary = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  status: z.enum(["ACTIVE", "SUSPENDED"]),
  deletionScheduledFor: z.date().nullable(),
  createdAt: z.date(),
  memberCount: z.number().int(),
  caseCount: z.number().int(),
});
export type AdminTenantSummary = z.infer<typeof adminTenantSummary>;

export function toSummary({ _count, ...row }: Row): AdminTenantSummary {
  return { ...row, memberCount: _count.memberships, caseCount: _count.cases };
}
