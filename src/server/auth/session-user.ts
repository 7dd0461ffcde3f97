// A JWT stays valid until it expires; the database decides whether its user still may act:
// the user must exist, the token's epoch must match (a password change or "sign out everywhere"
// bumps it), and the session it names must not have ended (signing out ends it).
import type { Session } from "next-auth";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { listenForAuthChanges, sessionCache } from "./auth-cache";
import { isSessionId, SESSION_ACTIVITY_GRANULARITY_MS } from "./sessions";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  platformRole: string | null;
}

const stale = (at: Date | null, now: number) => !at || now - at.getTime() > SESSION_ACTIVITY_GRANULARITY_MS;

export async function resolveSessionUser(session: Session | null): Promise<SessionUser | null> {
  const id = session?.user?.id;
  const sid = session?.user?.sid;
  // A token from before sessions were recorded names none: it is refused (sign in once more).
  if (!id || !isSessionId(sid)) return null;
  const epoch = session.user.epoch ?? 0;
  listenForAuthChanges();
  // Cached for seconds per session and epoch; signing out, "sign out everywhere" and a password
  // change drop it at once on every instance (auth-cache.ts). Refusals are never cached.
  return (await sessionCache.get(`${sid}:${id}:${epoch}`, async () => {
    const value = await lookUpSessionUser(id, sid, epoch);
    return { value, keep: value !== null, tenantId: null, userIds: [id], sessionId: sid };
  })) as SessionUser | null;
}

async function lookUpSessionUser(id: string, sid: string, epoch: number): Promise<SessionUser | null> {
  return withPrivilegedDb("resolve session user", async (db) => {
    const user = await db.user.findUnique({
      where: { id },
      select: { id: true, email: true, name: true, platformRole: true, sessionEpoch: true, lastActiveAt: true },
    });
    if (!user || user.sessionEpoch !== epoch) return null;
    const current = await db.userSession.findUnique({ where: { id: sid }, select: { userId: true, endedAt: true, lastSeenAt: true } });
    if (!current || current.userId !== id || current.endedAt) return null;
    // "Last active" for the members page (and for pruning idle sessions), written at most every
    // few minutes to spare writes.
    const now = Date.now();
    if (stale(user.lastActiveAt, now)) await db.user.update({ where: { id }, data: { lastActiveAt: new Date(now) }, select: { id: true } });
    if (stale(current.lastSeenAt, now)) await db.userSession.update({ where: { id: sid }, data: { lastSeenAt: new Date(now) }, select: { id: true } });
    return { id: user.id, email: user.email, name: user.name, platformRole: user.platformRole };
  });
}
