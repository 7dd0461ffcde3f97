// Who may receive an event: decided per event and per receiver, from the receiver's current role.
// Events carry no personal data, but even their existence (a notification, a job) is not for
// everyone.
import type { Permission } from "@/server/auth/permissions";
import type { StoredEvent } from "./event-log";

export interface Receiver {
  /** The signed-in member, or the member on whose authority an API key acts. */
  userId: string | null;
  permissions: ReadonlySet<Permission>;
}

export function mayReceive(receiver: Receiver, event: Pick<StoredEvent, "kind" | "userId" | "data">): boolean {
  if (event.userId && event.userId !== receiver.userId) return false;
  switch (event.kind) {
    case "case.created":
    case "case.updated":
    case "case.message_added":
    case "case.merged":
      return receiver.permissions.has("cases:read");
    case "notification.created":
    case "notification.updated":
      return event.userId !== null && event.userId === receiver.userId;
    case "member.changed":
    case "team.changed":
      return receiver.permissions.has("members:read");
    case "alert.created":
    case "alert.updated":
      return receiver.permissions.has("alerts:read");
    case "feed.created":
    case "feed.updated":
    case "feed.deleted":
      // The item's id only: whether its audience includes the receiver, feed.get decides.
      return receiver.permissions.has("feed:read");
    case "job.updated":
      // Like jobs.list: every member sees the tenant's jobs and their progress.
      return receiver.permissions.has("tenant:read");
  }
}

/**
 * Who may be pushed the tenant's online members: members who may read the member list, as
 * `realtime.online` asks. Not API keys: an integration's stream makes nobody online and it asks
 * GET /members/online when it wants the list, so its stream stays the log's events and presence.
 */
export function mayReceiveOnline(receiver: Receiver, isMember: boolean): boolean {
  return isMember && receiver.permissions.has("members:read");
}
