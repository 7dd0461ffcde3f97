// What the realtime stream carries, shared by the server (which writes and sends it) and the
// browser (which reacts to it). Events name what changed and carry ids and a few non-personal
// fields only: a client that needs data refetches it through the normal procedures, which apply
// the caller's permissions. Presence and who is online are the things sent that are not in the
// event log: both are ephemeral, and both carry names because that is what they show.
import { z } from "zod";
import { text } from "@/lib/validations/text";

export const REALTIME_TOPICS = ["case", "job", "notification", "member", "team", "alert", "feed", "presence"] as const;
export type RealtimeTopic = (typeof REALTIME_TOPICS)[number];

/** Kinds written to the event log, by topic. */
export const LOGGED_EVENT_KINDS = [
  "case.created",
  "case.updated",
  "case.message_added",
  "case.merged",
  "job.updated",
  "notification.created",
  "notification.updated",
  "member.changed",
  "team.changed",
  "alert.created",
  "alert.updated",
  "feed.created",
  "feed.updated",
  "feed.deleted",
] as const;
export type LoggedEventKind = (typeof LOGGED_EVENT_KINDS)[number];

/** One entry of a tenant's event log, as delivered. `seq` orders a tenant's events without gaps. */
export interface LoggedEvent {
  type: "event";
  seq: number;
  kind: LoggedEventKind;
  /** The case, job, notification, member (user), team, alert or feed item the event is about. */
  entityId: string;
  /** Ids and non-personal fields only (a status, a number, a percentage), never names or text. */
  data: Record<string, string | number | boolean | null>;
  /** When the change committed (ISO 8601). */
  at: string;
}

/** Who is on a case right now; replaced as a whole on every change. Never stored. */
export interface PresenceEntry {
  userId: string;
  name: string;
  state: "viewing" | "replying";
}
export interface PresenceSnapshot {
  type: "presence";
  caseId: string;
  members: PresenceEntry[];
}

/**
 * Who of the tenant has an open stream right now, exactly as `realtime.online` lists them (current
 * members only), replaced as a whole whenever someone comes or goes. Sent to members' streams only,
 * right after `ready` and then on every change. Never stored.
 */
export interface OnlineMemberEntry {
  userId: string;
  name: string;
  /** When their oldest open stream opened (ISO 8601). */
  since: string;
}
export interface OnlineSnapshot {
  type: "online";
  members: OnlineMemberEntry[];
}

/**
 * Sent once the stream is open and caught up: `seq` is the last event the client has now.
 * `missed` is true when the client's last event is older than the log keeps (or from another
 * log): some changes cannot be replayed, so the client refetches what it shows.
 */
export interface StreamReady {
  type: "ready";
  seq: number;
  missed: boolean;
}

export type RealtimeMessage = LoggedEvent | PresenceSnapshot | OnlineSnapshot | StreamReady;

export const topicOf = (kind: LoggedEventKind): RealtimeTopic => kind.slice(0, kind.indexOf(".")) as RealtimeTopic;

export const subscribeInput = z.object({
  /** The last event the client saw (tRPC sets it on reconnect from the tracked ids). */
  lastEventId: text()
    .regex(/^\d{1,15}$/, { message: "Use the id of an event this stream sent" })
    .nullish(),
});
