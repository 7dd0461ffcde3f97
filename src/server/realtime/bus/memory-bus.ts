// The in-process bus, for the embedded database (one process, so "every instance" is this one).
// It behaves like the networked buses where a consumer could tell: delivery is asynchronous (a
// publisher is never re-entered by its own listeners), each message is decoded from its JSON
// (frozen, and without whatever the schema does not know), and the same size limit refuses the
// same messages.
import { randomUUID } from "node:crypto";
import { decodeMessage, encodeMessage, ListenerSet, type BusMessage, type EventBus } from "./types";

export function createMemoryBus(): EventBus {
  const messages = new ListenerSet<[BusMessage]>("memory", "message");
  let closed = false;

  return {
    kind: "memory",
    instanceId: randomUUID(),
    async publish(message) {
      if (closed) return false;
      const payload = encodeMessage(message, "memory");
      if (payload === null) return false;
      queueMicrotask(() => {
        if (closed) return;
        const delivered = decodeMessage(payload, "memory");
        if (delivered) messages.emit(delivered);
      });
      return true;
    },
    subscribe(listener) {
      if (closed) return () => {};
      return messages.add(listener);
    },
    // Nothing to reconnect: no message is ever missed.
    onReconnect() {
      return () => {};
    },
    async close() {
      closed = true;
      messages.clear();
    },
  };
}
