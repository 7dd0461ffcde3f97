// Generates the Prisma client. Generation itself runs on WebAssembly, but the CLI first tries
// to download a native schema engine, which fails offline. When no engine is installed, point
// PRISMA_SCHEMA_ENGINE_BINARY at a placeholder so the CLI skips the download; a machine that has
// the real engine keeps using it.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { tmpdir } from "node:os";

const require = createRequire(import.meta.url);
const enginesDir = dirname(require.resolve("@prisma/engines/package.json"));
const hasEngine = readdirSync(enginesDir).some((f) => f.startsWith("schema-engine"));
const env = { ...process.env };
if (!hasEngine && !env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const placeholder = join(tmpdir(), "caseboard-no-schema-engine");
  if (!existsSync(placeholder)) writeFileSync(placeholder, "");
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
execFileSync(process.execPath, [require.resolve("prisma/build/index.js"), "generate"], { stdio: "inherit", env });
