// The modules a page sends to the browser on first load, read statically from the source: every
// module a "use client" file imports, and what those import, following `import … from` and
// `export … from` but not `import type` (erased) or `import()` (a chunk loaded later). What a
// server component imports stays on the server and is only followed to find client files; a
// "use server" file (server actions) reaches the browser as references only.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const SRC = path.resolve(import.meta.dirname, "..");
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(SRC, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (fs.existsSync(base + ext)) return base + ext;
  return null;
}

interface ModuleImports {
  isClient: boolean;
  isServerActions: boolean;
  /** Specifiers of imports that load code (type-only ones left out). */
  values: string[];
}

function readImports(file: string): ModuleImports {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const first = source.statements[0];
  const directive = first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) ? first.expression.text : null;
  const values: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) values.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      values.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return { isClient: directive === "use client", isServerActions: directive === "use server", values };
}

export interface ClientImport {
  /** A package (or package subpath) some client module imports. */
  specifier: string;
  /** The chain of project files from the first client file to the importer, relative to src. */
  chain: string[];
}

/** Every package import that ends up in the browser from the given entry files (pages, layouts). */
export function clientPackageImports(entries: string[]): ClientImport[] {
  const found: ClientImport[] = [];
  const seen = new Map<string, boolean>(); // file → visited on the client side?
  const walk = (file: string, client: boolean, chain: string[]) => {
    const imports = readImports(file);
    if (client && imports.isServerActions) return;
    const onClient = client || imports.isClient;
    if (seen.get(file) === true || (seen.has(file) && !onClient)) return;
    seen.set(file, onClient);
    const here = onClient ? [...chain, path.relative(SRC, file)] : chain;
    for (const specifier of imports.values) {
      const local = resolveLocal(file, specifier);
      if (local) walk(local, onClient, here);
      else if (onClient) found.push({ specifier, chain: here });
    }
  };
  for (const entry of entries) walk(path.join(SRC, entry), false, []);
  return found;
}
