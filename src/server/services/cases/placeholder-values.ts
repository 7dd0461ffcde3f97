// The values of the reply placeholders (src/lib/canned-placeholders.ts) for a case and the member
// writing: what a canned response or a macro's reply is filled with. The member's and the
// tenant's names are read once for a macro over many cases, not once per case.
import { firstName, type PlaceholderValues } from "@/lib/canned-placeholders";
import type { TenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";

/** What a case contributes to the placeholders. */
export const placeholderCaseSelect = { number: true, title: true, customer: { select: { name: true } } } as const;
type PlaceholderCase = { number: number; title: string; customer: { name: string } | null };

/** Fills the placeholders of any case for this member. */
export async function placeholderFiller(db: TenantDb, userId: string | null): Promise<(found: PlaceholderCase) => PlaceholderValues> {
  const agent = userId ? await db.membership.findFirst({ where: { userId }, select: { user: { select: { name: true } } } }) : null;
  const tenant = await db.tenant.findFirstOrThrow({ select: { name: true } });
  const agentName = agent?.user.name ?? "";
  return (found) => {
    const customerName = found.customer?.name ?? "";
    return {
      "customer.name": customerName,
      "customer.firstName": firstName(customerName),
      "agent.name": agentName,
      "agent.firstName": firstName(agentName),
      "case.number": String(found.number),
      "case.title": found.title,
      "tenant.name": tenant.name,
    };
  };
}

export async function placeholderValues(db: TenantDb, userId: string | null, caseId: string): Promise<PlaceholderValues> {
  const found = await db.case.findFirst({ where: { id: caseId }, select: placeholderCaseSelect });
  if (!found) throw notFound("Case");
  return (await placeholderFiller(db, userId))(found);
}
