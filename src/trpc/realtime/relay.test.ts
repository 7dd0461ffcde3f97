import { describe, expect, it } from "vitest";
import type { RealtimeMessage } from "@/lib/realtime/events";
import type { ConnectionState } from "./connection-state";
import { createStreamRelay, streamName, type Relay, type RelayRole } from "./relay";
import { event, FakeChannelHub, FakeLocks, fakeOpener, presence, ready, settle } from "./test-fakes";

interface Tab {
  relay: Relay;
  messages: RealtimeMessage[];
  states: ConnectionState[];
  roles: RelayRole[];
}

function browser(options: { locks?: boolean; channels?: boolean; initialSeq?: number } = {}) {
  const locks = new FakeLocks();
  const hub = new FakeChannelHub();
  const { open, opened } = fakeOpener();
  const tab = (slug = "acme"): Tab => {
    const messages: RealtimeMessage[] = [];
    const states: ConnectionState[] = [];
    const roles: RelayRole[] = [];
    const relay = createStreamRelay({
      name: streamName(slug),
      locks: options.locks === false ? null : locks,
      createChannel: options.channels === false ? null : hub.create,
      open,
      onMessage: (m) => messages.push(m),
      onState: (s) => states.push(s),
      onRole: (r) => roles.push(r),
      initialSeq: options.initialSeq,
    });
    return { relay, messages, states, roles };
  };
  return { tab, opened, locks, hub };
}

const seqs = (messages: RealtimeMessage[]) =>
  messages.map((m) => (m.type === "presence" ? `p:${m.caseId}` : m.type === "online" ? `o:${m.members.length}` : m.type === "ready" ? `r${m.seq}` : m.seq));

describe("stream relay: one stream per browser and tenant", () => {
  it("opens from the position the server rendered, so a change between render and stream is replayed, once", async () => {
    const b = browser({ initialSeq: 9 });
    const tab = b.tab();
    await settle();
    expect(b.opened[0]!.lastEventId).toBe("9");
    const stream = b.opened[0]!;
    for (const seq of [9, 10]) stream.push(event(seq));
    stream.push(ready(10));
    await settle();
    expect(seqs(tab.messages)).toEqual([10, "r10"]);
  });

  it("elects one leader; it opens the only stream and every tab gets every message in order", async () => {
    const b = browser();
    const first = b.tab();
    const second = b.tab();
    const third = b.tab();
    await settle();

    expect(first.relay.role).toBe("leader");
    expect(second.relay.role).toBe("follower");
    expect(third.relay.role).toBe("follower");
    expect(b.opened).toHaveLength(1);
    expect(b.opened[0]!.lastEventId).toBeNull();

    const stream = b.opened[0]!;
    stream.push(ready(4));
    stream.setState("live");
    for (const seq of [5, 6, 7]) stream.push(event(seq));
    await settle();

    for (const tab of [first, second, third]) {
      expect(seqs(tab.messages)).toEqual(["r4", 5, 6, 7]);
      expect(tab.states.at(-1)).toBe("live");
      expect(tab.relay.lastSeq).toBe(7);
    }
  });

  it("hands over when the leader closes: the next tab resumes from the last seq it saw", async () => {
    const b = browser();
    const first = b.tab();
    const second = b.tab();
    await settle();
    const stream = b.opened[0]!;
    stream.push(ready(10));
    stream.push(event(11));
    stream.push(event(12));
    await settle();

    first.relay.dispose();
    await settle();

    expect(stream.closed).toBe(true);
    expect(second.relay.role).toBe("leader");
    expect(b.opened).toHaveLength(2);
    expect(b.opened[1]!.lastEventId).toBe("12");

    // The server replays from there; an event the tab already had is not handed out twice.
    const next = b.opened[1]!;
    next.push(event(12));
    next.push(event(13));
    next.push(ready(13));
    expect(seqs(second.messages)).toEqual(["r10", 11, 12, 13, "r13"]);
  });

  it("a tab that opens later learns the state, position and presence from the leader", async () => {
    const b = browser();
    b.tab();
    await settle();
    const stream = b.opened[0]!;
    stream.push(ready(20));
    stream.setState("live");
    stream.push(presence("case-a", "Ava", "Ben"));
    stream.push(presence("case-b", "Cy"));
    stream.push(presence("case-b")); // emptied: not told to newcomers
    await settle();

    const late = b.tab();
    await settle();
    expect(late.relay.role).toBe("follower");
    expect(late.states.at(-1)).toBe("live");
    expect(late.relay.lastSeq).toBe(20);
    expect(late.messages).toEqual([presence("case-a", "Ava", "Ben")]);
  });

  it("who is online reaches every tab, and is no presence (a newcomer reads realtime.online itself)", async () => {
    const b = browser();
    const leader = b.tab();
    const follower = b.tab();
    await settle();
    const online: RealtimeMessage = { type: "online", members: [{ userId: "u1", name: "Ava", since: "2026-01-05T09:30:00.000Z" }] };
    b.opened[0]!.push(ready(5));
    b.opened[0]!.push(online);
    await settle();
    expect(leader.messages).toEqual([ready(5), online]);
    expect(follower.messages).toEqual([ready(5), online]);
    const late = b.tab();
    await settle();
    expect(late.messages).toEqual([]);
  });

  it("a follower's retry reaches the leader's stream", async () => {
    const b = browser();
    b.tab();
    const follower = b.tab();
    await settle();
    follower.relay.retry();
    await settle();
    expect(b.opened[0]!.retries).toBe(1);
  });

  it("keeps tenants apart: each slug has its own leader and stream", async () => {
    const b = browser();
    const acme = b.tab("acme");
    const globex = b.tab("globex");
    await settle();
    expect(acme.relay.role).toBe("leader");
    expect(globex.relay.role).toBe("leader");
    expect(b.opened).toHaveLength(2);
    b.opened[0]!.push(event(1));
    await settle();
    expect(globex.messages).toEqual([]);
  });

  it("a follower that closes before it was ever leader leaves the queue without opening anything", async () => {
    const b = browser();
    const first = b.tab();
    const second = b.tab();
    await settle();
    second.relay.dispose();
    first.relay.dispose();
    await settle();
    expect(b.opened).toHaveLength(1);
    expect(b.locks.isHeld(streamName("acme"))).toBe(false);
  });

  it("after `missed` the server's lower position wins, so later events are not taken for duplicates", async () => {
    const b = browser();
    const tab = b.tab();
    await settle();
    const stream = b.opened[0]!;
    stream.push(event(500));
    stream.push(ready(3, true));
    stream.push(event(4));
    expect(seqs(tab.messages)).toEqual([500, "r3", 4]);
    expect(tab.relay.lastSeq).toBe(4);
  });

  it.each([
    ["Web Locks", { locks: false }],
    ["BroadcastChannel", { channels: false }],
  ])("without %s every tab opens its own stream", async (_missing, options) => {
    const b = browser(options);
    const first = b.tab();
    const second = b.tab();
    await settle();
    expect(first.relay.role).toBe("solo");
    expect(second.relay.role).toBe("solo");
    expect(b.opened).toHaveLength(2);
    b.opened[0]!.push(event(1));
    b.opened[1]!.push(event(1));
    expect(seqs(first.messages)).toEqual([1]);
    expect(seqs(second.messages)).toEqual([1]);
    expect(b.hub.posted).toEqual([]);
  });
});
