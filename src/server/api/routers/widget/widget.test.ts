// The chat widget's public API, over HTTP as visitors and host pages call it: a conversation
// becomes a CHAT case, agents answer from the case, and a visitor reaches their own conversation
// and nothing else (not another visitor's, not another tenant's, never an internal note).
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { hashVisitorToken } from "@/server/services/chat/visitors";
import { createLimiter, overrideLimiters } from "@/server/rate-limit/limiters";
import { widgetRouter } from "./router";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";
import { APP_ORIGIN, setUpWidget, signedIdentity, visitorToken, widgetCall } from "@/test/widget-kit";

let tenant: TestTenant;
let other: TestTenant;
let widgetId: string;
let secret: string;
let otherWidgetId: string;
type Caller = Awaited<ReturnType<typeof callerFor>>;
let agent: Caller;

beforeAll(async () => {
  [tenant, other] = await Promise.all([createTestTenant("chat"), createTestTenant("chat-other")]);
  ({ widgetId, secret } = await setUpWidget(tenant));
  ({ widgetId: otherWidgetId } = await setUpWidget(other));
  agent = await callerFor(tenant.users.AGENT, tenant.slug);
});

const send = (token: string, body: string, extra: Record<string, unknown> = {}) => widgetCall("POST", `/${widgetId}/messages`, { token, body: { body, ...extra } });
const conversation = async (token: string, id = widgetId) => (await widgetCall("GET", `/${id}/messages`, { token })).body as { caseNumber: number | null; messages: { id: string; from: string; authorName: string | null; body: string }[] };
const visitorCase = (token: string) => withTenantDb(tenant.id, async (db) => (await db.chatVisitor.findMany({ select: { caseId: true, tokenHash: true } })).find((v) => v.tokenHash === hashVisitorToken(token))?.caseId ?? null);

describe("the chat widget's conversation", () => {
  it("a visitor's first message opens a CHAT case; the agent's public reply reaches the visitor, the internal note never does", async () => {
    const token = await visitorToken(widgetId);
    expect(await conversation(token)).toMatchObject({ caseNumber: null, messages: [] });
    const first = await send(token, "Hello, my parcel never arrived", { name: "Ada Visitor" });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ from: "visitor", body: "Hello, my parcel never arrived", authorName: null });

    const caseId = (await visitorCase(token))!;
    const detail = await agent.cases.get({ id: caseId });
    expect(detail).toMatchObject({ channel: "CHAT", title: "Hello, my parcel never arrived", status: "NEW" });
    expect(detail.customer?.name).toBe("Ada Visitor");

    await agent.cases.addMessage({ caseId, kind: "INTERNAL_NOTE", body: "Looks like a carrier problem" });
    await agent.cases.addMessage({ caseId, kind: "PUBLIC_REPLY", body: "Sorry! Checking with the carrier now." });
    const seen = await conversation(token);
    expect(seen.caseNumber).toBe(detail.number);
    expect(seen.messages.map((m) => [m.from, m.body])).toEqual([
      ["visitor", "Hello, my parcel never arrived"],
      ["agent", "Sorry! Checking with the carrier now."],
    ]);
    // Agents are named by first name only.
    expect(seen.messages[1]!.authorName).toBe(tenant.users.AGENT.name.split(" ")[0]);

    // The case's timeline shows the visitor's message as the customer's.
    const timeline = await agent.cases.timeline({ caseId });
    const customerMessage = timeline.items.find((i) => i.type === "message" && i.body === "Hello, my parcel never arrived");
    expect(customerMessage).toMatchObject({ author: { type: "CUSTOMER", name: "Ada Visitor" } });
  });

  it("a message on a resolved chat opens it again and tells the assignee", async () => {
    const token = await visitorToken(widgetId);
    await send(token, "Where is my refund?");
    const caseId = (await visitorCase(token))!;
    const open = await agent.cases.assign({ id: caseId, version: (await agent.cases.get({ id: caseId })).version, assigneeId: tenant.users.AGENT.id });
    const resolved = await agent.cases.transition({ id: caseId, version: open.version, to: "RESOLVED" });
    expect(resolved.status).toBe("RESOLVED");
    expect((await send(token, "It still has not arrived")).status).toBe(200);
    expect((await agent.cases.get({ id: caseId })).status).toBe("OPEN");
    const inbox = await withPrivilegedDb("test read", (db) => db.notification.count({ where: { tenantId: tenant.id, userId: tenant.users.AGENT.id, caseId, type: "reply" } }));
    expect(inbox).toBeGreaterThan(0);
  });

  it("refuses what a visitor must not send, with field details", async () => {
    const token = await visitorToken(widgetId);
    const empty = await send(token, "   ");
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: "BAD_REQUEST" });
    const long = await send(token, "x".repeat(5_001));
    expect(long.status).toBe(400);
    const badEmail = await send(token, "hi", { email: "not-an-address" });
    expect(badEmail.status).toBe(400);
    // Nothing was written for any of them.
    expect(await visitorCase(token)).toBeNull();
  });
});

describe("visitor tokens", () => {
  it("reach their own conversation only: not another visitor's, not with a made-up token, not on another tenant's widget", async () => {
    const mine = await visitorToken(widgetId);
    const theirs = await visitorToken(widgetId);
    await send(mine, "Mine: order 1234");
    await send(theirs, "Theirs: a private matter");
    expect((await conversation(mine)).messages.map((m) => m.body)).toEqual(["Mine: order 1234"]);
    expect((await conversation(theirs)).messages.map((m) => m.body)).toEqual(["Theirs: a private matter"]);

    const madeUp = await widgetCall("GET", `/${widgetId}/messages`, { token: "cv_madeup" });
    expect(madeUp).toMatchObject({ status: 401, body: { code: "UNAUTHORIZED", details: { reason: "NO_VISITOR_SESSION" } } });
    // A token of this tenant's visitor, presented to another tenant's widget, is nobody there.
    const crossTenant = await widgetCall("GET", `/${otherWidgetId}/messages`, { token: mine });
    expect(crossTenant.status).toBe(401);
    const crossSend = await widgetCall("POST", `/${otherWidgetId}/messages`, { token: mine, body: { body: "hello?" } });
    expect(crossSend.status).toBe(401);
    // Marking another case's message read: not found.
    const theirCase = (await visitorCase(theirs))!;
    const theirMessage = await withTenantDb(tenant.id, (db) => db.caseMessage.findFirstOrThrow({ where: { caseId: theirCase }, select: { id: true } }));
    expect((await widgetCall("POST", `/${widgetId}/read`, { token: mine, body: { upTo: theirMessage.id } })).status).toBe(404);
  });

  it("every widget operation that reads or writes a conversation refuses another tenant's visitor token", async () => {
    const foreign = await visitorToken(otherWidgetId);
    await widgetCall("POST", `/${otherWidgetId}/messages`, { token: foreign, body: { body: "B's private chat" } });
    const bodies: Record<string, unknown> = { messages: { body: "hello" }, typing: { typing: true }, read: { upTo: "0190a8e2-0000-7000-8000-000000000000" } };
    // Every procedure of the router, so a new one cannot be forgotten here.
    const routes = Object.values(widgetRouter._def.procedures).map((p) => (p as { _def: { meta?: { openapi?: { method: string; path: string } } } })._def.meta!.openapi!);
    const open = new Set(["/{widgetId}/config", "/{widgetId}/session"]);
    for (const route of routes.filter((r) => !open.has(r.path))) {
      const last = route.path.split("/").pop()!;
      const res = await widgetCall(route.method as "GET" | "POST", route.path.replace("{widgetId}", widgetId), { token: foreign, body: route.method === "POST" ? bodies[last] : undefined });
      expect([route.path, res.status]).toEqual([route.path, 401]);
    }
  });

  it("continue the conversation when presented again, and come back as a cookie for the widget's page", async () => {
    const first = await widgetCall("POST", `/${widgetId}/session`, { body: {} });
    const token = first.body.visitorToken as string;
    expect(first.headers.get("set-cookie")).toMatch(new RegExp(`^cb_visitor=${token}; Path=/api/widget/v1/${widgetId}; HttpOnly; Secure; SameSite=None; Partitioned`));
    const again = await widgetCall("POST", `/${widgetId}/session`, { token, body: {} });
    expect(again.body.visitorToken).toBe(token);
  });
});

describe("identity verification", () => {
  it("a verified identity attaches to the customer with that external id and continues their open chat", async () => {
    const known = await agent.customers.create({ name: "Grace Known", email: "grace@known.test", externalId: "user-42" });
    const first = await visitorToken(widgetId, signedIdentity(secret, { userId: "user-42", email: "grace@known.test", name: "Grace Known" }));
    await send(first, "Question about my plan");
    const caseId = (await visitorCase(first))!;
    expect((await agent.cases.get({ id: caseId })).customer?.id).toBe(known.id);
    // Another device, the same user: the same conversation.
    const second = await visitorToken(widgetId, signedIdentity(secret, { userId: "user-42", email: "grace@known.test", name: "Grace Known" }));
    expect(second).not.toBe(first);
    expect((await conversation(second)).messages.map((m) => m.body)).toEqual(["Question about my plan"]);
  });

  it("a verified visitor's browser, loaded without the identity (signed out), starts afresh with nothing of theirs", async () => {
    const verified = await visitorToken(widgetId, signedIdentity(secret, { userId: "user-logout", email: "leaving@known.test" }));
    await send(verified, "My address is 1 Private Lane");
    const after = await widgetCall("POST", `/${widgetId}/session`, { token: verified, body: {} });
    expect(after.body.visitorToken).not.toBe(verified);
    expect(after.body.visitor).toMatchObject({ verified: false, email: null });
    expect((await conversation(after.body.visitorToken as string)).messages).toEqual([]);
  });

  it("refuses a tampered, replayed, future or foreign signature, saying why", async () => {
    const good = signedIdentity(secret, { userId: "user-7", email: "seven@known.test" });
    const session = (identity: unknown) => widgetCall("POST", `/${widgetId}/session`, { body: { identity } });
    const tampered = await session({ ...good, email: "someone.else@known.test" });
    expect(tampered).toMatchObject({ status: 400, body: { details: { reason: "IDENTITY_NOT_VERIFIED", why: "BAD_SIGNATURE" } } });
    const replayed = await session(signedIdentity(secret, { userId: "user-7" }, Math.floor(Date.now() / 1000) - 11 * 60));
    expect(replayed.body.details).toMatchObject({ why: "EXPIRED" });
    const future = await session(signedIdentity(secret, { userId: "user-7" }, Math.floor(Date.now() / 1000) + 3_600));
    expect(future.body.details).toMatchObject({ why: "NOT_YET_VALID" });
    // Signed with another tenant's secret.
    const { secret: otherSecret } = await setUpWidget(other);
    const foreign = await session(signedIdentity(otherSecret, { userId: "user-7" }));
    expect(foreign.body.details).toMatchObject({ why: "BAD_SIGNATURE" });
    expect((await session(good)).status).toBe(200);
  });

  it("an unverified visitor who types a known customer's e-mail gets a customer of their own and none of that customer's history", async () => {
    const victim = await agent.customers.create({ name: "Victim Known", email: "victim@known.test", externalId: "user-99" });
    const verified = await visitorToken(widgetId, signedIdentity(secret, { userId: "user-99", email: "victim@known.test" }));
    await send(verified, "My card number ends in 4242");
    const impostor = await visitorToken(widgetId);
    await send(impostor, "Hi, it's me", { email: "victim@known.test", name: "Victim Known" });
    expect((await conversation(impostor)).messages.map((m) => m.body)).toEqual(["Hi, it's me"]);
    const impostorCase = await agent.cases.get({ id: (await visitorCase(impostor))! });
    expect(impostorCase.customer?.id).not.toBe(victim.id);
    // Agents see what the visitor typed, marked as unverified; the verified chat says so.
    expect(await agent.chat.visitor({ caseId: impostorCase.id })).toMatchObject({ name: "Victim Known", email: "victim@known.test", verified: false });
    expect(await agent.chat.visitor({ caseId: (await visitorCase(verified))! })).toMatchObject({ verified: true, email: "victim@known.test" });
    // A case that is not a chat has no visitor.
    expect(await agent.chat.visitor({ caseId: (await agent.cases.create({ title: "By phone", channel: "PHONE" })).id })).toBeNull();
  });
});

describe("where the widget may be used", () => {
  it("answers pages on allowed websites (with CORS), refuses other websites, and lets scripts and the app itself through", async () => {
    const allowed = await widgetCall("GET", `/${widgetId}/config`, { origin: "https://shop.example" });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://shop.example");
    expect(allowed.body).toMatchObject({ name: expect.stringContaining("Tenant chat-"), color: "#4f46e5" });

    const foreign = await widgetCall("GET", `/${widgetId}/config`, { origin: "https://evil.example" });
    expect(foreign).toMatchObject({ status: 403, body: { code: "FORBIDDEN", details: { reason: "WIDGET_ORIGIN_NOT_ALLOWED" } } });
    // It may read why (the embed script says it in the console), and nothing else.
    expect(foreign.headers.get("access-control-allow-origin")).toBe("https://evil.example");
    const foreignSession = await widgetCall("POST", `/${widgetId}/session`, { origin: "https://evil.example", body: {} });
    expect(foreignSession.status).toBe(403);
    expect(foreignSession.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await widgetCall("OPTIONS", `/${widgetId}/messages`, { origin: "https://evil.example" });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();

    expect((await widgetCall("GET", `/${widgetId}/config`)).status).toBe(200);
    expect((await widgetCall("GET", `/${widgetId}/config`, { origin: APP_ORIGIN })).status).toBe(200);
    expect((await widgetCall("GET", "/w_doesnotexist0000000000/config")).status).toBe(404);
  });

  it("a paused widget refuses visitors, saying so; switched on again, it answers", async () => {
    const token = await visitorToken(widgetId);
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    await admin.chatWidget.update({ enabled: false });
    const paused = await send(token, "Anyone there?");
    expect(paused).toMatchObject({ status: 403, body: { details: { reason: "WIDGET_PAUSED" } } });
    await admin.chatWidget.update({ enabled: true });
    expect((await send(token, "Anyone there?")).status).toBe(200);
  });

  it("limits new visitors per address; a visitor who continues is not counted", async () => {
    const restore = overrideLimiters({ widgetSessionIp: createLimiter({ keyPrefix: `test-widget-session-${Date.now()}`, points: 2, durationSeconds: 60 }) });
    try {
      // One address (the kit gives each new visitor an address of its own otherwise).
      const fromOneAddress = (token?: string) => widgetCall("POST", `/${widgetId}/session`, { token, body: {}, ip: "10.251.7.7" });
      const first = (await fromOneAddress()).body.visitorToken as string;
      expect((await fromOneAddress()).status).toBe(200);
      const third = await fromOneAddress();
      expect(third).toMatchObject({ status: 429, body: { code: "TOO_MANY_REQUESTS" } });
      expect((await fromOneAddress(first)).body.visitorToken).toBe(first);
    } finally {
      restore();
    }
  });

  it("rate-limits a visitor who floods, with a Retry-After", async () => {
    const token = await visitorToken(widgetId);
    const answers = [];
    for (let i = 0; i < 22; i++) answers.push(await send(token, `flood ${i}`));
    expect(answers.slice(0, 20).every((a) => a.status === 200)).toBe(true);
    expect(answers.slice(20).map((a) => a.status)).toEqual([429, 429]);
    expect(Number(answers[21]!.headers.get("retry-after"))).toBeGreaterThan(0);
    // Twenty messages, no more.
    expect((await conversation(token)).messages).toHaveLength(20);
  });
});
