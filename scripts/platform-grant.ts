// `npm run platform:grant -- <email> [--revoke]` makes a user a platform administrator (or stops
// them being one). Platform admins see /admin: every tenant, create, suspend, reactivate. The role
// is never set by sign-up or any page, only here, by someone with access to the database.
import { parseArgs } from "node:util";
import { env } from "@/env";
import { PLATFORM_ADMIN_ROLE } from "@/server/api/middlewares/platform-admin";
import { openDatabase } from "@/server/db/connection";
import { setDatabase } from "@/server/db/database";
import { migrationStatus } from "@/server/db/migrations";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { describeTarget, runScript, UsageError } from "./lib/cli";

const USAGE = "usage: npm run platform:grant -- <email> [--revoke]";

runScript(async () => {
  const { values, positionals } = parseArgs({ options: { revoke: { type: "boolean", default: false } }, allowPositionals: true });
  const email = positionals[0]?.trim().toLowerCase();
  if (!email || positionals.length > 1) throw new UsageError(USAGE);

  const db = await openDatabase({ url: env.DATABASE_URL, poolSize: 2 });
  try {
    const status = await migrationStatus(db.sql);
    if (status.pending.length || status.failed.length || status.modified.length) {
      throw new UsageError(`${describeTarget()} is not fully migrated; run \`npm run db:migrate\` first`);
    }
    setDatabase(Promise.resolve(db));
    const platformRole = values.revoke ? null : PLATFORM_ADMIN_ROLE;
    const user = await withPrivilegedDb(`platform admin: ${values.revoke ? "revoke" : "grant"} role from the command line`, async (tx) => {
      const found = await tx.user.findUnique({ where: { email }, select: { id: true, platformRole: true } });
      if (!found) return null;
      await tx.user.update({ where: { id: found.id }, data: { platformRole }, select: { id: true } });
      return found;
    });
    if (!user) throw new UsageError(`no user with email "${email}" in ${describeTarget()}; they must sign up first`);
    const was = user.platformRole ?? "none";
    console.log(
      values.revoke
        ? `${email}: platform role ${was} → none. They lose /admin on their next request.`
        : `${email}: platform role ${was} → ${PLATFORM_ADMIN_ROLE}. They can open /admin now.`,
    );
    return 0;
  } finally {
    await db.close();
  }
});
