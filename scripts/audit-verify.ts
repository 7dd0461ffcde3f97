// `npm run audit:verify [-- --tenant <slug>]` checks the audit log of one tenant, or of every
// tenant: the hash chain, the macs (AUDIT_HMAC_KEYS must hold every key that signed) and the
// signed checkpoint in the file store. Exits 1 if any event was changed, removed (the newest
// ones included, up to the checkpoint) or inserted out of order.
import { parseArgs } from "node:util";
import { env } from "@/env";
import { verifyAuditChain } from "@/server/audit/verify-chain";
import { openDatabase } from "@/server/db/connection";
import { setDatabase } from "@/server/db/database";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { describeTarget, formatInt, runScript, UsageError } from "./lib/cli";

runScript(async () => {
  const { values } = parseArgs({ options: { tenant: { type: "string" } } });
  const db = await openDatabase({ url: env.DATABASE_URL, poolSize: 2 });
  try {
    setDatabase(Promise.resolve(db));
    const tenants = await withPrivilegedDb("audit verification", (tx) =>
      tx.tenant.findMany({ where: values.tenant ? { slug: values.tenant } : {}, select: { id: true, slug: true }, orderBy: { slug: "asc" } }),
    );
    if (values.tenant && tenants.length === 0) throw new UsageError(`no tenant with slug "${values.tenant}" in ${describeTarget()}`);
    let broken = 0;
    for (const tenant of tenants) {
      const report = await withPrivilegedDb("audit verification", (tx) => verifyAuditChain(tx, tenant.id));
      for (const warning of report.warnings) console.log(`WARN    ${tenant.slug}: ${warning}`);
      if (report.ok) {
        const legacy = report.legacyEvents > 0 ? `, ${formatInt(report.legacyEvents)} unkeyed from before signing` : "";
        const anchor = report.checkpoint ? `checkpoint #${report.checkpoint.seq} of ${report.checkpoint.at.toISOString()}` : "no checkpoint yet";
        console.log(`ok      ${tenant.slug}: ${formatInt(report.events)} events${legacy}, chain intact, ${anchor}`);
        continue;
      }
      broken++;
      console.log(`BROKEN  ${tenant.slug}: ${report.breaks.length} of ${formatInt(report.events)} events fail`);
      for (const b of report.breaks.slice(0, 20)) console.log(`        #${b.seq} (${b.eventId}): ${b.reason}`);
    }
    return broken > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
});
