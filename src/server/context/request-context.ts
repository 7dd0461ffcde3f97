// The request context: created once per request (or job), frozen, and carried by
// AsyncLocalStorage to every layer and log line. Code reads it; nothing mutates it.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Role } from "@/server/db/generated/enums";
import type { Permission } from "@/server/auth/permissions";

export type Actor =
  | { readonly type: "user"; readonly id: string }
  | { readonly type: "apiKey"; readonly id: string }
  | { readonly type: "system"; readonly id: string }
  /** A platform administrator acting on a tenant from /admin (never through tenant procedures). */
  | { readonly type: "platformAdmin"; readonly id: string };

export interface RequestContext {
  readonly requestId: string;
  readonly ip?: string;
  readonly userAgent?: string;
  readonly actor?: Actor;
  readonly tenant?: { readonly id: string; readonly slug: string };
  readonly role?: Role;
  readonly permissions?: ReadonlySet<Permission>;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(Object.freeze({ ...context }), fn);
}

/** Narrows the current context (e.g. once the tenant is known) for everything `fn` calls. */
export function runWithNarrowedContext<T>(extra: Partial<RequestContext>, fn: () => T): T {
  const base = storage.getStore();
  if (!base) throw new Error("runWithNarrowedContext called outside a request context");
  return runWithContext({ ...base, ...extra }, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}
