// The values of the reply placeholders (src/lib/canned-placeholders.ts) for one case and the
// member writing: what a canned response or a macro's reply is filled with.
import { firstName, type PlaceholderValues } from "@/lib/canned-placeholders";
import type { TenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";

export async function placeholderValues(db: TenantDb, userId: string | null, caseId: string): Promise<PlaceholderValues> {
  const found = await db.case.findFirst({ where: { id: caseId }, select: { number: true, title: true, customer: { select: { name: true } } } });
  if (!found) throw notFound("Case");
  const agent = userId ? await db.membership.findFirst({ where: { userId }, select: { user: { select: { name: true } } } }) : null;
  const tenant = await db.tenant.findFirstOrThrow({ select: { name: true } });
  const customerName = found.customer?.name ?? "";
  const agentName = agent?.user.name ?? "";
  return {
    "customer.name": customerName,
    "customer.firstName": firstName(customerName),
    "agent.name": agentName,
    "agent.firstName": firstName(agentName),
    "case.number": String(found.number),
    "case.title": found.title,
    "tenant.name": tenant.name,
  };
}
