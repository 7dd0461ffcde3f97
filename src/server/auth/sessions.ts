// Server-side sessions behind the next-auth JWT. Each sign-in starts a row in user_sessions and
// the JWT carries its id (sid); every request checks the row (session-user.ts), so signing out
// ends that browser's session at once, while the JWT would otherwise stay valid until it expires.
// "Sign out everywhere" ends every row of the user and bumps their session epoch as well.
import { withPrivilegedDb, type PrivilegedDb } from "@/server/db/privileged-db";
import { invalidateAuth } from "./auth-cache";

/** A JWT lives this long without use (it slides forward while the app is open). */
export const SESSION_MAX_AGE_SECONDS = 24 * 60 * 60;
/** lastSeenAt is written at most this often, to spare a write per request. */
export const SESSION_ACTIVITY_GRANULARITY_MS = 5 * 60_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only ids of our own shape reach the database (a malformed uuid would be a query error). */
export function isSessionId(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/**
 * Starts a session for a user who just proved who they are. The user's rows that can no longer
 * be used (ended, or idle past the JWT's life) go at the same time, so the table stays small
 * without a job.
 */
export function startSession(userId: string, now = new Date()): Promise<string> {
  return withPrivilegedDb("start session", async (db) => {
    const idleSince = new Date(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000 - SESSION_ACTIVITY_GRANULARITY_MS);
    await db.userSession.deleteMany({ where: { userId, OR: [{ endedAt: { not: null } }, { lastSeenAt: { lt: idleSince } }] } });
    const session = await db.userSession.create({ data: { userId, createdAt: now, lastSeenAt: now }, select: { id: true } });
    return session.id;
  });
}

/** Signing out: this browser's session ends; the user's other sessions go on. */
export async function endSession(sessionId: unknown, now = new Date()): Promise<void> {
  if (!isSessionId(sessionId)) return;
  await withPrivilegedDb("end session", async (db) => {
    await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now } });
    invalidateAuth({ sessionId });
  });
}

/** Ends every session of the user (all browsers, this one too) in the caller's transaction. */
export async function endEverySession(db: PrivilegedDb, userId: string, now = new Date()): Promise<number> {
  await db.user.update({ where: { id: userId }, data: { sessionEpoch: { increment: 1 } }, select: { id: true } });
  invalidateAuth({ userId });
  const ended = await db.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
  return ended.count;
}
