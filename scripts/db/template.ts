// `npm run db:template` builds the development database's template (migrated, demo data loaded)
// unless the current one exists, so the next fresh .data/pglite is a copy instead of initdb +
// migrations + seed. `npm ci` runs it (scripts/db/template-postinstall.mjs); run it by hand after
// pulling new migrations to keep a reset of .data/pglite fast.
import "../lib/quiet-logs";
import { relative } from "node:path";
import { ensureDemoTemplate } from "@/server/services/seed/demo-template";
import { formatMs, runScript } from "../lib/cli";

runScript(async () => {
  const started = Date.now();
  const { template, built } = await ensureDemoTemplate();
  const where = relative(process.cwd(), template.dir);
  console.log(
    built
      ? `Demo database template built in ${formatMs(Date.now() - started)}: ${where}`
      : `Demo database template up to date: ${where} (built ${template.builtAt.toISOString()})`,
  );
});
