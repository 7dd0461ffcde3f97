// Prisma's schema engine compiled to WebAssembly, driven through a driver adapter.
// The CLI's native engine is a download this project must not depend on; the WASM build
// ships inside an npm package, so authoring and drift checks work offline.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";

type AdapterFactory = Parameters<typeof bindMigrationAwareSqlAdapterFactory>[0];

let instantiated: Promise<void> | undefined;

function instantiate(): Promise<void> {
  instantiated ??= (async () => {
    // The .wasm file is not in the package's exports map: resolve it beside the JS entry.
    const require = createRequire(import.meta.url);
    const wasmPath = join(dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return instantiated;
}

export async function openSchemaEngine(schemaPath: string, adapterFactory: AdapterFactory) {
  await instantiate();
  const schema = await readFile(schemaPath, "utf8");
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
  return { engine, schema };
}

/** SQL that takes the database behind the adapter to the state schema.prisma describes ("" when none). */
export async function diffDatabaseToSchema(schemaPath: string, adapterFactory: AdapterFactory): Promise<string> {
  const { engine, schema } = await openSchemaEngine(schemaPath, adapterFactory);
  const result = await engine.diff({
    // "schemaDatasource" is the database the adapter connects to.
    from: { tag: "schemaDatasource", files: [{ path: schemaPath, content: schema }], configDir: process.cwd() },
    to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = (result.stdout ?? "").trim();
  return sql === "-- This is an empty migration." ? "" : sql;
}
