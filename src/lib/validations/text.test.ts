// The shared text type refuses what Postgres cannot store, and every procedure's input uses it:
// a new z.string() in an input would bring the 500s back, so this walks all of them.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "@/server/api/root";
import { hasNoNul, isWellFormed, text, TEXT_MESSAGES } from "./text";

describe("text()", () => {
  const name = text().trim().min(1).max(20);

  it("refuses a NUL byte and unpaired surrogates, with one clear message", () => {
    for (const [value, message] of [
      ["a\u0000b", TEXT_MESSAGES.nul],
      ["\u0000", TEXT_MESSAGES.nul],
      ["lone \uD800 high", TEXT_MESSAGES.surrogate],
      ["lone \uDC00 low", TEXT_MESSAGES.surrogate],
      ["reversed \uDE00\uD83D", TEXT_MESSAGES.surrogate],
      ["ends high \uD83D", TEXT_MESSAGES.surrogate],
    ] as const) {
      const result = name.safeParse(value);
      expect(result.error?.issues.map((i) => i.message), JSON.stringify(value)).toEqual([message]);
    }
  });

  it("keeps emoji, right-to-left and combining text, and still trims and bounds", () => {
    for (const value of ["😀 ok", "שלום עולם", "مرحبا", "e\u0301te\u0301", "\u202Eevil", "tab\there"]) expect(name.parse(value)).toBe(value);
    expect(name.parse("  padded  ")).toBe("padded");
    expect(name.safeParse("x".repeat(21)).success).toBe(false);
  });
});

// ---- Every procedure input ----------------------------------------------------------------------

/** String formats whose own pattern already excludes NUL and surrogates. */
const SAFE_FORMATS = new Set(["uuid", "guid", "email"]);

interface Def {
  type: string;
  format?: string;
  coerce?: boolean;
  checks?: { _zod: { def: { check: string; fn?: unknown } } }[];
  [key: string]: unknown;
}
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** Paths (procedure.field) of strings that are not text() and dates that are not bounded. */
function unsafeLeaves(schema: z.ZodType, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const walk = (child: unknown, suffix = "") => (child ? unsafeLeaves(child as z.ZodType, path + suffix, seen) : []);
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  switch (def.type) {
    case "string": {
      if (def.format && SAFE_FORMATS.has(def.format)) return [];
      const fns = checks.map((c) => c.fn);
      return fns.includes(hasNoNul) && fns.includes(isWellFormed) ? [] : [`${path} (string${def.format ? `:${def.format}` : ""})`];
    }
    case "date": {
      const kinds = checks.map((c) => c.check);
      return kinds.includes("greater_than") && kinds.includes("less_than") ? [] : [`${path} (unbounded date)`];
    }
    case "object":
      return [
        ...Object.entries(def.shape as Record<string, unknown>).flatMap(([key, child]) => walk(child, `.${key}`)),
        ...walk(def.catchall, ".*"),
      ];
    case "array":
      return walk(def.element, "[]");
    case "record":
      return [...walk(def.keyType, "{key}"), ...walk(def.valueType, "{}")];
    case "union":
      return (def.options as unknown[]).flatMap((o) => walk(o));
    case "intersection":
      return [...walk(def.left), ...walk(def.right)];
    case "tuple":
      return [...(def.items as unknown[]).flatMap((item, i) => walk(item, `[${i}]`)), ...walk(def.rest, "[]")];
    case "pipe":
      return [...walk(def.in), ...walk(def.out)];
    case "lazy":
      return walk((def.getter as () => unknown)());
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return walk(def.innerType);
    default:
      // Enums, literals, numbers, booleans, transforms: nothing Postgres would refuse as text.
      return [];
  }
}

describe("procedure inputs", () => {
  it("(the walk finds a plain string or an unbounded date wherever it hides)", () => {
    const loose = z.object({ a: z.string().optional(), b: z.array(z.union([z.uuid(), z.string()])), c: z.record(text(), z.coerce.date()) });
    expect(unsafeLeaves(loose, "x")).toEqual(["x.a (string)", "x.b[] (string)", "x.c{} (unbounded date)"]);
  });

  it("use text() for every string and dateInput() for every date", () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodType[] } }>;
    expect(Object.keys(procedures).length).toBeGreaterThan(40);
    const unsafe = Object.entries(procedures).flatMap(([name, p]) => p._def.inputs.flatMap((input) => unsafeLeaves(input, name)));
    expect(unsafe).toEqual([]);
  });
});
