// Who is online reaches streams as it changes: each transition of a tenant's online members (a
// member's stream opens or closes, an announcement expires) is one `online` message to each of that
// tenant's member streams; a heartbeat is none; another tenant's streams and API keys' get nothing.
import { describe, expect, it } from "vitest";
import type { OnlineSnapshot, RealtimeMessage } from "@/lib/realtime/events";
import { createTestApiKey, createTestTenant } from "@/test/factories";
import { openStream } from "@/test/realtime-stream";
import { getBus } from "./bus";
import { ONLINE_SWEEP_MS } from "./online";

const isOnline = (m: RealtimeMessage): m is OnlineSnapshot => m.type === "online";
/** The online messages among `ms`, each as its sorted member ids. */
const told = (ms: RealtimeMessage[]) => ms.filter(isOnline).map((m) => m.members.map((x) => x.userId).sort());
const showing = (...ids: string[]) => (m: RealtimeMessage) => isOnline(m) && m.members.map((x) => x.userId).sort().join() === [...ids].sort().join();

describe("online messages on the stream", () => {
  it("one per change to the tenant's member streams, none for a renewal, none elsewhere", async () => {
    const [a, b] = [await createTestTenant("rt-online-a"), await createTestTenant("rt-online-b")];
    const { VIEWER: watcherUser, AGENT: agentUser, OWNER: owner } = a.users;
    const watcher = await openStream({ user: watcherUser, slug: a.slug });
    // A stream opens with what is true now (here: its own member).
    const opening = await watcher.readUntil(showing(watcherUser.id));
    expect(opening.map((m) => m.type)).toContain("ready");
    const outsider = await openStream({ user: b.users.OWNER, slug: b.slug });
    await outsider.readUntil(showing(b.users.OWNER.id));
    const key = await openStream({ apiKey: await createTestApiKey(a, { role: "ADMIN" }) });
    await watcher.drain(300);

    // A colleague's stream opens (a stream runs once read) and is told who is there; the watcher
    // gets one message, with both.
    const agent = await openStream({ user: agentUser, slug: a.slug });
    await agent.readUntil(showing(agentUser.id, watcherUser.id));
    expect(told(await watcher.drain(600))).toEqual([[agentUser.id, watcherUser.id].sort()]);

    // A stream held by an instance that will die, then its heartbeat: one message, then none.
    const announce = (expiresAt: number) =>
      getBus().publish({ type: "online", tenantId: a.id, userId: owner.id, name: owner.name, connectionId: crypto.randomUUID(), state: "online", since: Date.now(), expiresAt });
    const connectionId = crypto.randomUUID();
    const renew = (expiresAt: number) =>
      getBus().publish({ type: "online", tenantId: a.id, userId: owner.id, name: owner.name, connectionId, state: "online", since: Date.now(), expiresAt });
    await renew(Date.now() + 1_000);
    expect(told(await watcher.drain(600))).toEqual([[agentUser.id, owner.id, watcherUser.id].sort()]);
    await renew(Date.now() + 1_500);
    // A second stream of the same member is no change either.
    await announce(Date.now() + 1_200);
    expect(told(await watcher.drain(600))).toEqual([]);

    // Not renewed: it expires, and the sweep says so once.
    const expired = await watcher.readUntil(isOnline, 2_000 + ONLINE_SWEEP_MS * 2);
    expect(told(expired)).toEqual([[agentUser.id, watcherUser.id].sort()]);
    expect(told(await watcher.drain(600))).toEqual([]);

    // The colleague's stream closes: one message, without them.
    agent.close();
    // Over SSE the server ends the generator when the client goes; here it ends once pulled.
    await agent.drain(100);
    expect(told(await watcher.drain(600))).toEqual([[watcherUser.id]]);

    // Tenant B heard none of it, and the API key's stream is never told.
    expect(told(await outsider.drain(100))).toEqual([]);
    expect(told(await key.drain(100))).toEqual([]);
    for (const s of [watcher, outsider, key]) s.close();
  });
});
