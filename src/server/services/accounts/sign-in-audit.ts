// Sign-in outcomes in the audit log of every tenant the account belongs to, with IP and user agent
// (never the password). A failure for an address without an account belongs to no tenant: it is
// only logged, and that log line does not carry the address either.
import { randomUUID } from "node:crypto";
import { runWithContext } from "@/server/context/request-context";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { logger } from "@/server/logger";
import { auditInEveryTenant } from "./account-audit";
import { guardedSignIn, SignInLocked } from "./sign-in-guard";
import { verifyCredentials } from "./verify-credentials";

export type SignInOutcome = "succeeded" | "failed" | "locked";

export interface SignInClient {
  ip: string;
  userAgent?: string;
  requestId?: string;
}

export async function auditSignIn(email: string, outcome: SignInOutcome, client: SignInClient, userId?: string): Promise<void> {
  const context = { requestId: client.requestId ?? randomUUID(), ip: client.ip, userAgent: client.userAgent?.slice(0, 500) };
  try {
    await runWithContext(context, () =>
      withPrivilegedDb("audit sign-in", async (db) => {
        const id = userId ?? (await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } }))?.id;
        if (!id) {
          logger.info({ ip: client.ip, outcome }, "sign-in for an unknown account");
          return;
        }
        await auditInEveryTenant(db, id, `auth.sign_in.${outcome}`);
      }),
    );
  } catch (error) {
    // The audit must not decide whether someone can sign in; a failure here is an operator's problem.
    logger.error({ err: error, outcome }, "sign-in audit failed");
  }
}

/** Sign-in as the credentials provider runs it: lockout guard, password check, audit of the outcome. */
export async function signInWithAudit(email: string, password: string, client: SignInClient) {
  let user: Awaited<ReturnType<typeof verifyCredentials>>;
  try {
    user = await guardedSignIn(email, client.ip, () => verifyCredentials(email, password));
  } catch (error) {
    if (error instanceof SignInLocked) await auditSignIn(email, "locked", client);
    throw error;
  }
  await auditSignIn(email, user ? "succeeded" : "failed", client, user?.id);
  return user;
}
