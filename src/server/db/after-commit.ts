// Work that must wait until the current transaction has committed (telling other instances about
// a change: before the commit they would re-read the old state). Inside a tenant transaction it
// runs with the realtime wake-ups; inside a privileged one when that commits; outside any, now.
// After a rollback it never runs.
import { AsyncLocalStorage } from "node:async_hooks";
import { tenantScope } from "./tenant-scope";

/** The privileged transaction's own after-commit list (privileged-db.ts opens it). */
export const privilegedCommitScope = new AsyncLocalStorage<(() => void)[]>();

export function afterCommit(fn: () => void): void {
  const tenant = tenantScope.getStore();
  if (tenant) return void tenant.afterCommit.push(fn);
  const privileged = privilegedCommitScope.getStore();
  if (privileged) return void privileged.push(fn);
  fn();
}

/** Runs `work` with an after-commit list, and the list once `work` (the transaction) has resolved. */
export async function withCommitHooks<T>(work: () => Promise<T>): Promise<T> {
  const hooks: (() => void)[] = [];
  const result = await privilegedCommitScope.run(hooks, work);
  for (const hook of hooks) hook();
  return result;
}
