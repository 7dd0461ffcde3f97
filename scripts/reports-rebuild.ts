// `npm run reports:rebuild [-- --tenant <slug>]` counts every case of one tenant, or of every
// tenant, into the report rollups again: a repair after a restore or a hand edit of the cases.
// The rollups follow the cases on their own (the per-minute job); this forgets them and recounts,
// a batch of cases per transaction, so the app stays usable meanwhile.
import { parseArgs } from "node:util";
import { env } from "@/env";
import { openDatabase } from "@/server/db/connection";
import { setDatabase } from "@/server/db/database";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { countCaseChanges, resetRollups } from "@/server/services/insights/reports/count-case-changes";
import { describeTarget, formatInt, runScript, UsageError } from "./lib/cli";

runScript(async () => {
  const { values } = parseArgs({ options: { tenant: { type: "string" } } });
  const db = await openDatabase({ url: env.DATABASE_URL, poolSize: 2 });
  try {
    setDatabase(Promise.resolve(db));
    const tenants = await withPrivilegedDb("report rollups rebuild", (tx) =>
      tx.tenant.findMany({ where: values.tenant ? { slug: values.tenant } : {}, select: { id: true, slug: true }, orderBy: { slug: "asc" } }),
    );
    if (values.tenant && tenants.length === 0) throw new UsageError(`no tenant with slug "${values.tenant}" in ${describeTarget()}`);
    for (const tenant of tenants) {
      const started = performance.now();
      const withDb = <R>(fn: Parameters<typeof withTenantDb<R>>[1]) => withTenantDb(tenant.id, fn, { timeoutMs: 300_000 });
      await withDb((tx) => resetRollups(tx));
      const run = await countCaseChanges(withDb, { maxBatches: Number.POSITIVE_INFINITY });
      console.log(`ok      ${tenant.slug}: ${formatInt(run.changed)} cases counted in ${formatInt(Math.round(performance.now() - started))} ms`);
    }
    return 0;
  } finally {
    await db.close();
  }
});
