// The explicitly named way to read or write across tenants: sign-in, sign-up, API key lookup,
// platform administration, migrations' seed. Each use states why, and is logged at debug level.
// It runs as `caseboard_privileged`, the only role whose policies span tenants.
import { env } from "@/env";
import { logger } from "@/server/logger";
import { withCommitHooks } from "./after-commit";
import { getDatabase } from "./database";
import { tenantScope } from "./tenant-scope";
import type { PrismaClient } from "./generated/client";

export type PrivilegedDb = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export async function withPrivilegedDb<T>(reason: string, fn: (db: PrivilegedDb) => Promise<T>): Promise<T> {
  // Inside a tenant transaction this would need a second connection (a deadlock on the
  // embedded database) and would mix tenant and cross-tenant work: refuse.
  if (tenantScope.getStore()) throw new Error(`withPrivilegedDb("${reason}") called inside a tenant transaction`);
  const db = await getDatabase();
  // Under overload most requests are refused at their first database call, which is this one
  // (the API key or session lookup): refused here, before Prisma's transaction machinery.
  // (Optional: test doubles of the database may lack it.)
  db.refuseIfBusy?.();
  logger.debug({ reason }, "privileged database access");
  return withCommitHooks(() => privilegedTransaction(db.prisma, fn));
}

/**
 * For code that holds the PrismaClient itself (boot-time seeding, scripts). An interactive
 * transaction: the role and a statement_timeout of the transaction's budget in one statement.
 * (The waits for a connection are bounded by admission control, well before maxWait.)
 */
export function privilegedTransaction<T>(prisma: PrismaClient, fn: (db: PrivilegedDb) => Promise<T>): Promise<T> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(
        `SELECT set_config('role', 'caseboard_privileged', true), set_config('statement_timeout', '${env.REQUEST_TIMEOUT_MS}', true)`,
      );
      return fn(tx);
    },
    { timeout: env.REQUEST_TIMEOUT_MS, maxWait: env.REQUEST_TIMEOUT_MS },
  );
}
