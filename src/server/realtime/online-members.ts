// Who is online as members see it: what this instance has heard (online.ts), limited to current
// members, since someone removed a moment ago is still announced until their stream ends. The one
// answer behind both `realtime.online` and the online snapshots the streams push.
import type { TenantDb } from "@/server/db/tenant-db";
import { listOnline, type OnlineMember } from "./online";

export async function currentOnlineMembers(db: TenantDb, tenantId: string): Promise<OnlineMember[]> {
  const online = listOnline(tenantId);
  if (online.length === 0) return [];
  const members = await db.membership.findMany({ where: { userId: { in: online.map((m) => m.userId) } }, select: { userId: true } });
  const current = new Set(members.map((m) => m.userId));
  return online.filter((m) => current.has(m.userId));
}
