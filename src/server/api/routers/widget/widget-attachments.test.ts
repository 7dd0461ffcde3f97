// A chat visitor's files, over the widget's HTTP surface: a visitor sends an image, the agent sees
// it on the case, and the visitor reads the agent's files through signed links that work for
// them alone, never for an internal note's file, another visitor, another tenant or after expiry.
import { beforeAll, describe, expect, it } from "vitest";
import { withTenantDb } from "@/server/db/tenant-db";
import { env } from "@/env";
import { attachmentLink } from "@/server/services/chat/attachment-links";
import { hashVisitorToken } from "@/server/services/chat/visitors";
import { pngBytes, uploadByUser, windowsProgram } from "@/server/services/attachments/attachment-test-kit";
import { unsentVisitorBytes } from "@/server/services/attachments/visitor-upload-room";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";
import { setUpWidget, visitorToken, widgetCall, widgetFetch, widgetUpload } from "@/test/widget-kit";

let tenant: TestTenant;
let other: TestTenant;
let widgetId: string;
let otherWidgetId: string;
type Caller = Awaited<ReturnType<typeof callerFor>>;
let agent: Caller;

beforeAll(async () => {
  [tenant, other] = await Promise.all([createTestTenant("chat-files"), createTestTenant("chat-files-other")]);
  ({ widgetId } = await setUpWidget(tenant));
  ({ widgetId: otherWidgetId } = await setUpWidget(other));
  agent = await callerFor(tenant.users.AGENT, tenant.slug);
});

interface Attachment {
  id: string;
  filename: string;
  image: boolean;
  status: string;
  url: string | null;
  thumbnailUrl: string | null;
}
type Message = { id: string; from: string; body: string; attachments: Attachment[] };

const conversation = async (token: string) => (await widgetCall("GET", `/${widgetId}/messages`, { token })).body as { messages: Message[] };
const visitorOf = (token: string) =>
  withTenantDb(tenant.id, async (db) => (await db.chatVisitor.findMany({ select: { id: true, caseId: true, tokenHash: true } })).find((v) => v.tokenHash === hashVisitorToken(token))!);

async function visitorWithImage(): Promise<{ token: string; attachment: Attachment; caseId: string }> {
  const token = await visitorToken(widgetId);
  const uploaded = await widgetUpload(widgetId, token, await pngBytes(800, 600), "broken-parcel.png");
  expect(uploaded.status).toBe(201);
  const sent = await widgetCall("POST", `/${widgetId}/messages`, { token, body: { body: "", attachmentIds: [uploaded.body.id] } });
  expect(sent.status).toBe(200);
  return { token, attachment: (sent.body as unknown as Message).attachments[0]!, caseId: (await visitorOf(token)).caseId! };
}

describe("a visitor's files", () => {
  it("a visitor's image opens a CHAT case; the agent sees it on the case and the visitor through their links", async () => {
    const { attachment, caseId } = await visitorWithImage();
    expect(attachment).toMatchObject({ filename: "broken-parcel.png", image: true, status: "READY" });
    expect(attachment.url).toMatch(new RegExp(`^/api/widget/v1/${widgetId}/attachments/${attachment.id}\\?`));

    const detail = await agent.cases.get({ id: caseId });
    expect(detail).toMatchObject({ channel: "CHAT", title: "Chat from the website" });
    const timeline = await agent.cases.timeline({ caseId });
    const message = timeline.items.find((i) => i.type === "message");
    expect(message?.type === "message" && message.attachments).toMatchObject([{ id: attachment.id, filename: "broken-parcel.png", width: 800, height: 600 }]);

    const full = await widgetFetch(attachment.url!);
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe("image/png");
    expect(full.headers.get("x-content-type-options")).toBe("nosniff");
    const thumbnail = await widgetFetch(attachment.thumbnailUrl!);
    expect(thumbnail.headers.get("content-type")).toBe("image/webp");
  });

  it("the agent's reply files reach the visitor; an internal note's files never do, even through a valid link", async () => {
    const { token, caseId } = await visitorWithImage();
    const visitor = await visitorOf(token);
    const forVisitor = await uploadByUser(tenant.id, tenant.users.AGENT.id, Buffer.from("Return label"), "label.txt");
    const internal = await uploadByUser(tenant.id, tenant.users.AGENT.id, Buffer.from("Fraud check notes"), "fraud.txt");
    await agent.cases.addMessage({ caseId, kind: "PUBLIC_REPLY", body: "Here is your label", attachmentIds: [forVisitor.id] });
    await agent.cases.addMessage({ caseId, kind: "INTERNAL_NOTE", body: "Check this", attachmentIds: [internal.id] });

    const { messages } = await conversation(token);
    const files = messages.flatMap((m) => m.attachments.map((a) => a.filename));
    expect(files).toEqual(["broken-parcel.png", "label.txt"]);
    const label = messages.find((m) => m.body === "Here is your label")!.attachments[0]!;
    const response = await widgetFetch(label.url!);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="label.txt"/);
    expect(await response.text()).toBe("Return label");

    // Even a correctly signed link for this visitor does not open a note's file.
    const forged = attachmentLink({ tenantId: tenant.id, widgetId, visitorId: visitor.id }, internal.id, "file");
    expect((await widgetFetch(forged)).status).toBe(404);
  });

  it("a link works only as signed: not for another visitor, not tampered, not expired, not on another tenant's widget", async () => {
    const { token, attachment } = await visitorWithImage();
    const second = await visitorWithImage();
    const link = new URL(attachment.url!, "http://x");
    const swapped = new URL(link);
    swapped.searchParams.set("v", (await visitorOf(second.token)).id);
    const tampered = new URL(link);
    tampered.searchParams.set("sig", `${link.searchParams.get("sig")!.slice(0, -2)}AA`);
    // As long as a digest in characters, twice as long in bytes: refused, not an error.
    const wide = new URL(link);
    wide.searchParams.set("sig", "é".repeat(43));
    const later = new URL(link);
    later.searchParams.set("exp", String(Number(link.searchParams.get("exp")) + 3600));
    const visitor = await visitorOf(token);
    const expired = attachmentLink({ tenantId: tenant.id, widgetId, visitorId: visitor.id }, attachment.id, "file", Date.now() - 6 * 3_600_000);
    const otherTenant = attachment.url!.replace(widgetId, otherWidgetId);
    // A signed link of the second visitor for the first visitor's file: theirs to sign, not theirs to read.
    const notTheirs = attachmentLink({ tenantId: tenant.id, widgetId, visitorId: (await visitorOf(second.token)).id }, attachment.id, "file");
    for (const bad of [swapped, tampered, wide, later].map((u) => u.pathname + u.search).concat(expired, otherTenant, notTheirs)) {
      const response = await widgetFetch(bad);
      expect(response.status, bad).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe("NOT_FOUND");
    }
    expect((await widgetFetch(attachment.url!)).status).toBe(200);
  });

  it("a visitor sends only their own uploads, uploads need a session and an allowed website, and programs are refused", async () => {
    const first = await visitorToken(widgetId);
    const second = await visitorToken(widgetId);
    const upload = await widgetUpload(widgetId, first, Buffer.from("my receipt"), "receipt.txt");
    expect(upload.status).toBe(201);
    const stolen = await widgetCall("POST", `/${widgetId}/messages`, { token: second, body: { body: "mine now", attachmentIds: [upload.body.id] } });
    expect(stolen.status).toBe(400);
    expect(stolen.body.details).toMatchObject({ reason: "ATTACHMENT_UNAVAILABLE" });
    expect((await conversation(second)).messages).toEqual([]);

    expect((await widgetUpload(widgetId, undefined, Buffer.from("x"), "a.txt")).body.details).toMatchObject({ reason: "NO_VISITOR_SESSION" });
    const refusedSite = await widgetUpload(widgetId, first, Buffer.from("x"), "a.txt", { origin: "https://evil.example" });
    expect(refusedSite.status).toBe(403);
    expect(refusedSite.body.details).toMatchObject({ reason: "WIDGET_ORIGIN_NOT_ALLOWED" });
    // Another tenant's widget does not know this visitor.
    expect((await widgetUpload(otherWidgetId, first, Buffer.from("x"), "a.txt")).status).toBe(401);
    const program = await widgetUpload(widgetId, first, windowsProgram(), "invoice.pdf");
    expect(program.status).toBe(422);
    expect(program.body).toMatchObject({ code: "UNPROCESSABLE_CONTENT", details: { reason: "FILE_TYPE_REFUSED" } });
    const empty = await widgetCall("POST", `/${widgetId}/messages`, { token: first, body: { body: "  ", attachmentIds: [] } });
    expect(empty.status).toBe(400);
  });

  it("visitors' unsent files have a room per tenant: past it, visitors wait with a 429 and nothing is kept; members and sent files are untouched", async () => {
    const token = await visitorToken(widgetId);
    const planted = await widgetUpload(widgetId, token, Buffer.from("a large draft"), "draft.txt");
    expect(planted.status).toBe(201);
    // Fill the room to 10 bytes short: the planted upload stands for everything visitors left unsent.
    await withTenantDb(tenant.id, async (db) => {
      const others = (await unsentVisitorBytes(db, tenant.id)) - "a large draft".length;
      await db.attachment.updateMany({ where: { id: planted.body.id as string }, data: { size: env.WIDGET_UNSENT_UPLOAD_MAX_BYTES - others - 10 } });
    });
    const count = () => withTenantDb(tenant.id, (db) => db.attachment.count());
    const before = await count();

    const refused = await widgetUpload(widgetId, await visitorToken(widgetId), Buffer.from("eleven bytes"), "note.txt");
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: "TOO_MANY_REQUESTS", details: { reason: "UNSENT_UPLOADS_FULL" } });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await count()).toBe(before);
    // Another tenant's visitors have a room of their own.
    expect((await widgetUpload(otherWidgetId, await visitorToken(otherWidgetId), Buffer.from("eleven bytes"), "note.txt")).status).toBe(201);
    // What fits still fits, and a member's upload never counts against visitors' room.
    expect((await widgetUpload(widgetId, token, Buffer.from("tiny"), "tiny.txt")).status).toBe(201);
    await expect(uploadByUser(tenant.id, tenant.users.AGENT.id, Buffer.from("agent's file, any size"), "agent.txt")).resolves.toMatchObject({ filename: "agent.txt" });
    // Sending the draft makes room again.
    const sent = await widgetCall("POST", `/${widgetId}/messages`, { token, body: { body: "here it is", attachmentIds: [planted.body.id] } });
    expect(sent.status).toBe(200);
    expect((await widgetUpload(widgetId, token, Buffer.from("eleven bytes"), "note.txt")).status).toBe(201);
  });
});
