// Who is acting, for case events: the request's actor (user or API key), else the system.
import { currentContext, type Actor } from "@/server/context/request-context";

export function currentActor(): Actor {
  return currentContext()?.actor ?? { type: "system", id: "system" };
}

/** A member or an API key, whom background work started by the request acts as. */
export type Requester = Extract<Actor, { type: "user" | "apiKey" }>;

/** The request's actor when it is a member or an API key; null for the system and platform admins. */
export function currentRequester(): Requester | null {
  const actor = currentContext()?.actor;
  return actor && (actor.type === "user" || actor.type === "apiKey") ? actor : null;
}

/** What services need to know about the caller besides the tenant (which the transaction carries). */
export interface Caller {
  /** The signed-in member; null for API keys, which act for the tenant, not as a person. */
  userId: string | null;
  /** Holds pii:read: sees customers' email and phone in clear. */
  canReadPii: boolean;
}
