// The router's procedures by path, for tests that must cover every one of them (isolation,
// suspension) and fail when a new one arrives without a case.
import { appRouter } from "@/server/api/root";
import type { ProcedureMeta } from "@/server/api/trpc";

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>;

export const allProcedurePaths = (): string[] => Object.keys(procedures).sort();

/** Procedures that declare a permission: those the tenant middleware guards. */
export const tenantProcedurePaths = (): string[] => allProcedurePaths().filter((path) => procedures[path]!._def.meta?.permission);

/** Platform administration (platformAdminProcedure): not tenant-scoped; only platform admins pass. */
export const platformAdminProcedurePaths = (): string[] => allProcedurePaths().filter((path) => procedures[path]!._def.meta?.platformAdmin);

/** Calls `path` (e.g. "cases.get") on a caller from createCaller. */
export function callProcedure(caller: object, path: string, input?: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  if (typeof fn !== "function") throw new Error(`no procedure at ${path}`);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}
