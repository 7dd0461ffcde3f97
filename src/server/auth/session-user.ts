// A JWT stays valid until it expires; the database decides whether its user still may act:
// the user must exist and the token's epoch must match (a password change bumps it).
import type { Session } from "next-auth";
import { withPrivilegedDb } from "@/server/db/privileged-db";

const ACTIVITY_GRANULARITY_MS = 5 * 60_000;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  platformRole: string | null;
}

export async function resolveSessionUser(session: Session | null): Promise<SessionUser | null> {
  const id = session?.user?.id;
  if (!id) return null;
  const user = await withPrivilegedDb("resolve session user", async (db) => {
    const row = await db.user.findUnique({
      where: { id },
      select: { id: true, email: true, name: true, platformRole: true, sessionEpoch: true, lastActiveAt: true },
    });
    // "Last active" for the members page, written at most every few minutes to spare writes.
    if (row && (!row.lastActiveAt || Date.now() - row.lastActiveAt.getTime() > ACTIVITY_GRANULARITY_MS)) {
      await db.user.update({ where: { id }, data: { lastActiveAt: new Date() }, select: { id: true } });
    }
    return row;
  });
  if (!user || user.sessionEpoch !== (session.user.epoch ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name, platformRole: user.platformRole };
}
