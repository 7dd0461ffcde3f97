// Reads prisma/schema.prisma as text, so tests can hold code and migrations to what the schema
// declares without going through the generated client.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface SchemaModel {
  name: string;
  /** Field names, in declaration order. */
  fields: string[];
  /** The table name: @@map if present, else the model name. */
  table: string;
}

export function readSchemaModels(path = join(process.cwd(), "prisma", "schema.prisma")): SchemaModel[] {
  const text = readFileSync(path, "utf8").replace(/\/\/.*$/gm, "");
  const models: SchemaModel[] = [];
  for (const match of text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const [, name, body] = match;
    const lines = body!.split("\n").map((l) => l.trim()).filter(Boolean);
    const fields = lines.filter((l) => !l.startsWith("@@")).map((l) => l.split(/\s+/)[0]!);
    const table = body!.match(/@@map\("([^"]+)"\)/)?.[1] ?? name!;
    models.push({ name: name!, fields, table });
  }
  return models;
}

/** Models whose rows belong to one tenant: those with a tenantId field. */
export function tenantOwnedSchemaModels(): SchemaModel[] {
  return readSchemaModels().filter((m) => m.fields.includes("tenantId"));
}
