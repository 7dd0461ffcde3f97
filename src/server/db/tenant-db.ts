// Runs work for one tenant inside one transaction in which every statement is bound to that tenant:
// the connection switches to the unprivileged role `caseboard_app` (owns nothing, cannot bypass RLS)
// and sets app.tenant_id for the transaction only. The client handed to `fn` also carries the
// tenancy extension. Interactive transactions work as usual: `fn` already runs inside one.
import { env } from "@/env";
import { getDatabase } from "./database";
import { tenancyExtension } from "./tenancy-extension";
import { tenantScope, type TenantScope } from "./tenant-scope";
import type { PrismaClient } from "./generated/client";

function tenantClient(prisma: PrismaClient) {
  return prisma.$extends(tenancyExtension);
}

type TenantClient = ReturnType<typeof tenantClient>;
export type TenantDb = Parameters<Parameters<TenantClient["$transaction"]>[0]>[0];

const clients = new WeakMap<PrismaClient, TenantClient>();

export interface TenantTransactionOptions {
  timeoutMs?: number;
}

export async function withTenantDb<T>(
  tenantId: string,
  fn: (db: TenantDb) => Promise<T>,
  options: TenantTransactionOptions = {},
): Promise<T> {
  if (tenantScope.getStore()) throw new Error("withTenantDb cannot be nested: use the db you were given");
  const { prisma } = await getDatabase();
  let client = clients.get(prisma);
  if (!client) {
    client = tenantClient(prisma);
    clients.set(prisma, client);
  }
  const extended = client;
  const scope: TenantScope = { tenantId, beforeCommit: [], afterCommit: [] };
  const result = await tenantScope.run(scope, () =>
    extended.$transaction(
      async (tx) => {
        // One round trip: set_config('role', …, true) is SET LOCAL ROLE.
        await tx.$executeRaw`SELECT set_config('role', 'caseboard_app', true), set_config('app.tenant_id', ${tenantId}, true)`;
        const value = await fn(tx);
        for (const hook of scope.beforeCommit) await hook(tx);
        return value;
      },
      { timeout: options.timeoutMs ?? env.REQUEST_TIMEOUT_MS, maxWait: env.REQUEST_TIMEOUT_MS },
    ),
  );
  // Outside the tenant scope: what these start must not look like part of the transaction.
  for (const hook of scope.afterCommit) hook();
  return result;
}
