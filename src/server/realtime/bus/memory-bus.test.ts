// The in-process bus: what the networked buses promise, within one process.
import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/server/logger";
import { createMemoryBus } from "./memory-bus";
import { MAX_MESSAGE_BYTES, type BusMessage, type EventBus } from "./types";

const log = (seq: number, tenantId = "tenant-a"): BusMessage => ({ type: "log", tenantId, seq });
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

let bus: EventBus;
afterEach(async () => {
  vi.restoreAllMocks();
  await bus?.close();
});

describe("memory bus", () => {
  it("delivers a message to every subscriber, after publish has returned", async () => {
    bus = createMemoryBus();
    const first: BusMessage[] = [];
    const second: BusMessage[] = [];
    bus.subscribe((m) => first.push(m));
    bus.subscribe((m) => second.push(m));

    const published = bus.publish(log(1));
    // Nothing is delivered while the publisher is still running.
    expect(first).toEqual([]);
    expect(second).toEqual([]);
    expect(await published).toBe(true);
    await settle();
    expect(first).toEqual([log(1)]);
    expect(second).toEqual([log(1)]);
  });

  it("never re-enters a publisher from a listener that publishes", async () => {
    bus = createMemoryBus();
    const order: string[] = [];
    bus.subscribe((m) => {
      if (m.type !== "log") return;
      order.push(`received ${m.seq}`);
      if (m.seq < 3) {
        void bus.publish(log(m.seq + 1));
        order.push(`published ${m.seq + 1}`);
      }
    });
    await bus.publish(log(1));
    await settle();
    expect(order).toEqual(["received 1", "published 2", "received 2", "published 3", "received 3"]);
  });

  it("delivers the message as it would arrive over the network: a frozen copy, unknown fields dropped", async () => {
    bus = createMemoryBus();
    const error = vi.spyOn(logger, "error").mockImplementation(() => {});
    const seen: BusMessage[] = [];
    bus.subscribe((m) => {
      (m as { tenantId: string }).tenantId = "changed";
    });
    bus.subscribe((m) => seen.push(m));
    const original = { ...log(4), extra: "not part of a message" } as unknown as BusMessage;
    await bus.publish(original);
    await settle();
    expect(seen).toEqual([log(4)]);
    expect(seen[0]).not.toBe(original);
    // The listener that tried to change it for the others failed, and was logged.
    expect(error.mock.calls.filter((c) => String(c[1]).includes("message listener failed"))).toHaveLength(1);
    original.tenantId = "publisher's own object";
    expect(seen[0]!.tenantId).toBe("tenant-a");
  });

  it("stops delivering to a listener once unsubscribed, including a message already published", async () => {
    bus = createMemoryBus();
    const kept: BusMessage[] = [];
    const dropped: BusMessage[] = [];
    bus.subscribe((m) => kept.push(m));
    const unsubscribe = bus.subscribe((m) => dropped.push(m));
    await bus.publish(log(1));
    await settle();
    const published = bus.publish(log(2));
    unsubscribe();
    unsubscribe();
    await published;
    await bus.publish(log(3));
    await settle();
    expect(dropped).toEqual([log(1)]);
    expect(kept).toEqual([log(1), log(2), log(3)]);
  });

  it("subscribing the same function twice gives two subscriptions, each removed on its own", async () => {
    bus = createMemoryBus();
    const seen: BusMessage[] = [];
    const listener = (m: BusMessage) => seen.push(m);
    const first = bus.subscribe(listener);
    bus.subscribe(listener);
    await bus.publish(log(1));
    await settle();
    first();
    await bus.publish(log(2));
    await settle();
    expect(seen).toEqual([log(1), log(1), log(2)]);
  });

  it("a listener that throws is logged and the others still receive the message", async () => {
    bus = createMemoryBus();
    const error = vi.spyOn(logger, "error").mockImplementation(() => {});
    const before: BusMessage[] = [];
    const after: BusMessage[] = [];
    bus.subscribe((m) => before.push(m));
    bus.subscribe(() => {
      throw new Error("listener bug");
    });
    bus.subscribe((m) => after.push(m));
    await bus.publish(log(1));
    await bus.publish(log(2));
    await settle();
    expect(before).toEqual([log(1), log(2)]);
    expect(after).toEqual([log(1), log(2)]);
    const failures = error.mock.calls.filter((c) => String(c[1]).includes("message listener failed"));
    expect(failures).toHaveLength(2);
    expect((failures[0]![0] as { err: Error }).err.message).toBe("listener bug");
  });

  it("refuses, with false and a log line, a message too large or malformed; never throws", async () => {
    bus = createMemoryBus();
    const error = vi.spyOn(logger, "error").mockImplementation(() => {});
    const seen: BusMessage[] = [];
    bus.subscribe((m) => seen.push(m));
    const presence = (name: string): BusMessage => ({
      type: "presence",
      tenantId: "tenant-a",
      caseId: "case-1",
      userId: "user-1",
      name,
      state: "viewing",
      instanceId: bus.instanceId,
      expiresAt: Date.now() + 30_000,
    });
    const fits = presence("é".repeat(3_000)); // 6000 bytes of name: under the limit
    expect(await bus.publish(presence("x".repeat(MAX_MESSAGE_BYTES)))).toBe(false);
    expect(await bus.publish({ type: "log", tenantId: "tenant-a", seq: -1 })).toBe(false);
    expect(await bus.publish({ type: "log", tenantId: "tenant-a", seq: Number.NaN })).toBe(false);
    expect(await bus.publish({ type: "unknown" } as unknown as BusMessage)).toBe(false);
    expect(await bus.publish(fits)).toBe(true);
    await settle();
    expect(seen).toEqual([fits]);
    const messages = error.mock.calls.map((c) => String(c[1]));
    expect(messages.filter((m) => m.includes("too large"))).toHaveLength(1);
    expect(messages.filter((m) => m.includes("malformed"))).toHaveLength(3);
    // The presence name is personal: it never reaches a log line.
    expect(JSON.stringify(error.mock.calls)).not.toContain("xxxxxxxx");
  });

  it("after close, delivers nothing (not even what was published just before) and publish answers false", async () => {
    bus = createMemoryBus();
    const seen: BusMessage[] = [];
    bus.subscribe((m) => seen.push(m));
    const pending = bus.publish(log(1));
    await bus.close();
    expect(await pending).toBe(true);
    expect(await bus.publish(log(2))).toBe(false);
    bus.subscribe((m) => seen.push(m));
    await settle();
    expect(seen).toEqual([]);
  });

  it("never fires onReconnect: nothing can be missed in process", async () => {
    bus = createMemoryBus();
    const reconnected = vi.fn();
    bus.onReconnect(reconnected);
    bus.subscribe(() => {});
    await bus.publish(log(1));
    await settle();
    expect(reconnected).not.toHaveBeenCalled();
    expect(bus.kind).toBe("memory");
  });
});
