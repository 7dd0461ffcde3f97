// A visitor's live view of their chat: the tenant's realtime stream (stream.ts: catch-up from the
// log after a reconnect, a bounded buffer, the hub's presence), narrowed to their own case and
// turned into what the widget shows. Events carry ids only; each message is read again here, as
// the visitor may read it (a public message of their case), so a note never reaches them.
import type { WidgetStreamEvent } from "@/lib/validations/chat-widget";
import { withTenantDb } from "@/server/db/tenant-db";
import { eventStream } from "@/server/realtime/stream";
import { visitorMessage } from "./conversation";
import { newestCustomerMessage } from "./visitor-activity";
import { findVisitor, type VisitorRow } from "./visitors";
import { findWidget } from "./widget-lookup";

export interface WidgetStreamOptions {
  tenantId: string;
  widgetId: string;
  visitorToken: string;
  /** The seq of the last event the client had (Last-Event-ID), null for a new stream. */
  lastSeq: number | null;
  signal: AbortSignal;
}

/** `seq` is the tenant log's position, the SSE id a reconnecting client resumes from. */
export type WidgetStreamItem = { seq: number | null; event: WidgetStreamEvent };

const readVisitor = (tenantId: string, token: string) => withTenantDb(tenantId, (db) => findVisitor(db, token));

/** Null when the token is nobody's in this tenant (the caller answers 401 before streaming). */
export async function openWidgetStream(options: WidgetStreamOptions): Promise<AsyncGenerator<WidgetStreamItem> | null> {
  const visitor = await readVisitor(options.tenantId, options.visitorToken);
  return visitor ? widgetStream(options, visitor) : null;
}

async function* widgetStream(options: WidgetStreamOptions, first: VisitorRow): AsyncGenerator<WidgetStreamItem> {
  const { tenantId } = options;
  let visitor = first;
  let typing = "";
  let seen = visitor.agentSeenUpTo;
  const stream = eventStream({
    tenantId,
    // Receives the case events of the tenant's log; everything not the visitor's is dropped below.
    receiver: { userId: null, permissions: new Set(["cases:read"]) },
    lastSeq: options.lastSeq,
    signal: options.signal,
    // The stream ends when the widget is paused or its tenant suspended; the widget then says so.
    recheck: async () => ((await findWidget(options.widgetId))?.available ? { userId: null, permissions: new Set(["cases:read"]) } : null),
  });
  for await (const item of stream) {
    if (item.type === "event") {
      // The visitor's first message made their case (its event names them): from now on its events
      // are theirs. Learnt from the event, not by reading the visitor again on every new case: with
      // N visitors waiting, that was N reads per case, N² for N first messages.
      if (item.kind === "case.message_added" && item.data.chatVisitorId === visitor.id) visitor = { ...visitor, caseId: item.entityId };
      // A new message of theirs, or one whose file the malware scan has just decided (sent again whole).
      const ofMessage = item.kind === "case.message_added" || (item.kind === "case.updated" && typeof item.data.attachmentId === "string");
      if (!ofMessage || item.entityId !== visitor.caseId) continue;
      const messageId = String(item.data.messageId ?? "");
      const message = await withTenantDb(tenantId, (db) => visitorMessage(db, visitor, messageId, { tenantId, widgetId: options.widgetId, visitorId: visitor.id }));
      if (message) yield { seq: item.seq, event: { type: "message", message } };
    } else if (item.type === "presence" && item.caseId === visitor.caseId) {
      // Agents replying now, by first name; the visitor's own entry is theirs, not an agent's.
      const agents = item.members.filter((m) => m.userId !== visitor.id);
      const names = agents.filter((m) => m.state === "replying").map((m) => m.name.split(/\s+/)[0] ?? m.name);
      if (names.join("\n") !== typing) {
        typing = names.join("\n");
        yield { seq: null, event: { type: "typing", agents: names } };
      }
      // A member with the case open has what the visitor wrote so far in front of them.
      if (agents.length) {
        const caseId = visitor.caseId;
        const newest = await withTenantDb(tenantId, (db) => newestCustomerMessage(db, caseId));
        if (newest && newest !== seen) {
          seen = newest;
          yield { seq: null, event: { type: "seen", upTo: newest } };
        }
      }
    }
  }
}
