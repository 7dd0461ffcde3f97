// "Sign out everywhere": every browser the user is signed in on is refused from its next request
// (sessions ended, epoch bumped), and every tenant the user belongs to gets the audit row.
import { endEverySession } from "@/server/auth/sessions";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { auditInEveryTenant } from "./account-audit";

export function signOutEverywhere(userId: string, now = new Date()): Promise<{ sessionsEnded: number }> {
  return withPrivilegedDb("sign out everywhere", async (db) => {
    const sessionsEnded = await endEverySession(db, userId, now);
    await auditInEveryTenant(db, userId, "account.signed_out_everywhere", { sessionsEnded });
    return { sessionsEnded };
  });
}
