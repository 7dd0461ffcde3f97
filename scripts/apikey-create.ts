// `npm run apikey:create -- --tenant acme --role AGENT --name "My script" [--expires-days 90]`
// creates an API key for a tenant and prints its secret. Only a hash is stored: the secret is
// shown here once and cannot be recovered.
import { parseArgs } from "node:util";
import { env } from "@/env";
import { generateApiKey } from "@/server/auth/api-keys";
import { openDatabase } from "@/server/db/connection";
import { setDatabase } from "@/server/db/database";
import { migrationStatus } from "@/server/db/migrations";
import { Role } from "@/server/db/generated/enums";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { describeTarget, runScript, UsageError } from "./lib/cli";

const USAGE = 'usage: npm run apikey:create -- --tenant <slug> --role <OWNER|ADMIN|AGENT|VIEWER> --name "<label>" [--expires-days <days>]';
const ROLES = Object.values(Role);

function isRole(value: string): value is Role {
  return (ROLES as string[]).includes(value);
}

runScript(async () => {
  const { values } = parseArgs({
    options: {
      tenant: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      "expires-days": { type: "string" },
    },
  });
  if (!values.tenant) throw new UsageError(`--tenant is required\n${USAGE}`);
  if (!values.name?.trim()) throw new UsageError(`--name is required (it tells keys apart in the key list)\n${USAGE}`);
  if (!values.role) throw new UsageError(`--role is required\n${USAGE}`);
  const role = values.role.toUpperCase();
  if (!isRole(role)) throw new UsageError(`unknown role "${values.role}"; expected one of ${ROLES.join(", ")}`);
  let expiresAt: Date | null = null;
  if (values["expires-days"] !== undefined) {
    const days = Number(values["expires-days"]);
    if (!Number.isInteger(days) || days < 1 || days > 3650) {
      throw new UsageError(`--expires-days expects whole days between 1 and 3650, got "${values["expires-days"]}"`);
    }
    expiresAt = new Date(Date.now() + days * 86_400_000);
  }

  const db = await openDatabase({ url: env.DATABASE_URL, poolSize: 2 });
  try {
    // Not migrated here: this script should change nothing but the key table.
    const status = await migrationStatus(db.sql);
    if (status.pending.length || status.failed.length || status.modified.length) {
      throw new UsageError(`${describeTarget()} is not fully migrated; run \`npm run db:migrate\` first`);
    }
    setDatabase(Promise.resolve(db));
    const { key, prefix, hash } = generateApiKey();
    const created = await withPrivilegedDb("create API key from the command line", async (tx) => {
      const tenant = await tx.tenant.findUnique({ where: { slug: values.tenant }, select: { id: true, name: true, status: true } });
      if (!tenant) return null;
      const apiKey = await tx.apiKey.create({
        data: { tenantId: tenant.id, name: values.name!.trim(), prefix, hash, role, expiresAt },
        select: { id: true },
      });
      return { tenant, apiKey };
    });
    if (!created) {
      const known = await withPrivilegedDb("list tenants for an error message", (tx) =>
        tx.tenant.findMany({ select: { slug: true }, orderBy: { slug: "asc" }, take: 20 }),
      );
      throw new UsageError(
        `no tenant with slug "${values.tenant}" in ${describeTarget()}` +
          (known.length ? `; known tenants: ${known.map((t) => t.slug).join(", ")}` : "; it has no tenants (run `npm run db:seed`)"),
      );
    }
    console.log(`Created API key ${created.apiKey.id} for ${created.tenant.name} (${values.tenant}), role ${role}` +
      `${expiresAt ? `, expires ${expiresAt.toISOString().slice(0, 10)}` : ", no expiry"}.`);
    if (created.tenant.status !== "ACTIVE") console.log(`Note: the tenant is ${created.tenant.status}; its keys are refused until it is active again.`);
    console.log("\nThe secret is shown only now; store it somewhere safe:\n");
    console.log(`  ${key}\n`);
    console.log(`Use it as:  Authorization: Bearer ${key.slice(0, 12)}…`);
    return 0;
  } finally {
    await db.close();
  }
});
