// Attachments from the members' side, over the real routes and procedures on a real database:
// what a file is comes from its bytes, executables are refused whatever their name, images lose
// their metadata, a message claims only its author's unsent uploads, and downloads reach only
// the tenant's members, with headers that keep the browser from running anything.
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { getStorage } from "@/server/storage";
import { purgeExpiredFiles } from "@/server/services/files/purge-expired-files";
import { apiKeyCaller, callerFor, createTestApiKey, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";
import { bytesOf, download, phoneJpeg, pngBytes, uploadAs, uploadByUser, windowsProgram } from "./attachment-test-kit";
import { POST as uploadRoute } from "@/app/api/attachments/route";
import { openAttachment } from "./open-attachment";

let tenant: TestTenant;
let other: TestTenant;
let agentKey: string;
let viewerKey: string;
let otherKey: string;
let caseId: string;
type Caller = Awaited<ReturnType<typeof callerFor>>;
let agent: Caller;

beforeAll(async () => {
  [tenant, other] = await Promise.all([createTestTenant("files"), createTestTenant("files-other")]);
  [agentKey, viewerKey, otherKey] = await Promise.all([
    createTestApiKey(tenant, { role: "AGENT" }),
    createTestApiKey(tenant, { role: "VIEWER" }),
    createTestApiKey(other, { role: "ADMIN" }),
  ]);
  agent = await callerFor(tenant.users.AGENT, tenant.slug);
  caseId = (await createTestCases(tenant, ["A customer sends screenshots"]))[0]!.id;
});

const json = async (response: Response) => (await response.json()) as Record<string, unknown> & { details?: Record<string, unknown> };
const sendWithKey = async (id: string) => (await apiKeyCaller(agentKey)).cases.addMessage({ caseId, kind: "INTERNAL_NOTE", body: "", attachmentIds: [id] });
const fileRows = (tenantId: string) => withTenantDb(tenantId, (db) => db.storedFile.count({ where: { purpose: { startsWith: "attachment" } } }));

describe("uploading", () => {
  it("reads the type from the bytes: a PNG called notes.txt is an image, re-encoded with a thumbnail", async () => {
    const response = await uploadAs(agentKey, await pngBytes(640, 480), "notes.txt");
    expect(response.status).toBe(201);
    const body = await json(response);
    expect(body).toMatchObject({ filename: "notes.txt", contentType: "image/png", image: true, width: 640, height: 480, status: "READY" });
    await sendWithKey(body.id as string);
    const thumbnail = await download(body.id as string, agentKey, { variant: "thumbnail" });
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get("content-type")).toBe("image/webp");
    const meta = await sharp(await bytesOf(thumbnail)).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBe(320);
  });

  it("strips a photo's metadata and applies its orientation to the pixels", async () => {
    const original = await phoneJpeg();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const body = await json(await uploadAs(agentKey, original, "IMG_0001.jpg"));
    expect(body).toMatchObject({ contentType: "image/jpeg", width: 20, height: 60 });
    await sendWithKey(body.id as string);
    const served = await bytesOf(await download(body.id as string, agentKey));
    const meta = await sharp(served).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(served.includes(Buffer.from("Secret Home Address"))).toBe(false);
  });

  it("refuses programs whatever they are called, and names that ask to be run, storing nothing", async () => {
    const before = await fileRows(tenant.id);
    const cases: [Uint8Array, string, string][] = [
      [windowsProgram(), "holiday-photo.png", "program or installer"],
      [Buffer.from("\x7fELF\x02\x01\x01\0" + "\0".repeat(200), "latin1"), "report.pdf", "program or installer"],
      [Buffer.from("echo hello"), "setup.BAT", ".bat"],
      [Buffer.from("#!/bin/sh\nrm -rf ~\n"), "readme.txt", "Scripts"],
    ];
    for (const [bytes, name, says] of cases) {
      const response = await uploadAs(agentKey, bytes, name);
      expect(response.status, name).toBe(422);
      const body = await json(response);
      expect(body).toMatchObject({ code: "UNPROCESSABLE_CONTENT", details: { reason: "FILE_TYPE_REFUSED" } });
      expect(body.message).toContain(says);
      expect(body.requestId).toEqual(expect.any(String));
    }
    expect(await fileRows(tenant.id)).toBe(before);
  });

  it("keeps text as text/plain, an unknown binary as octet-stream, and refuses empty files", async () => {
    const text = await json(await uploadAs(agentKey, Buffer.from("<script>alert(1)</script> naïve café"), "page.html"));
    expect(text).toMatchObject({ contentType: "text/plain", image: false });
    const binary = await json(await uploadAs(agentKey, Buffer.from([0x00, 0x9f, 0x92, 0x96, 0x00, 0x01]), "blob.bin"));
    expect(binary.contentType).toBe("application/octet-stream");
    const empty = await uploadAs(agentKey, Buffer.alloc(0), "empty.txt");
    expect(empty.status).toBe(400);
    expect((await json(empty)).details).toMatchObject({ reason: "EMPTY_FILE" });
  });

  it("holds each tenant to its own size limit, announced or not, and keeps no partial file", async () => {
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    await admin.tenant.updateSettings({ attachmentMaxMb: 1 });
    try {
      const before = await fileRows(tenant.id);
      const big = Buffer.alloc(1024 * 1024 + 1, "a");
      for (const announce of [true, false]) {
        const response = await uploadAs(agentKey, big, "big.txt", { announce });
        expect(response.status).toBe(413);
        expect(await json(response)).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: "Files can be at most 1 MB", details: { maxBytes: 1024 * 1024 } });
      }
      expect(await fileRows(tenant.id)).toBe(before);
      // The other tenant keeps the default (10 MB).
      expect((await uploadAs(otherKey, big, "big.txt")).status).toBe(201);
    } finally {
      await admin.tenant.updateSettings({ attachmentMaxMb: 10 });
    }
  });

  it("a client gone mid-upload is a cancelled upload (400), not a server failure, and leaves no file", async () => {
    const before = await fileRows(tenant.id);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(8192).fill(65));
        controller.error(new Error("aborted"));
      },
    });
    const init: RequestInit & { duplex?: "half" } = { method: "POST", headers: { authorization: `Bearer ${agentKey}` }, body, duplex: "half" };
    const response = await uploadRoute(new Request("http://localhost/api/attachments?filename=half.txt", init));
    expect(response.status).toBe(400);
    expect((await json(response)).details).toMatchObject({ reason: "UPLOAD_ABORTED" });
    expect(await fileRows(tenant.id)).toBe(before);
  });

  it("refuses an image that does not decode, and a viewer (no cases:write)", async () => {
    const broken = Buffer.concat([(await pngBytes()).subarray(0, 60), Buffer.alloc(100, 7)]);
    const response = await uploadAs(agentKey, broken, "broken.png");
    expect(response.status).toBe(422);
    expect((await json(response)).details).toMatchObject({ reason: "IMAGE_UNREADABLE" });
    expect((await uploadAs(viewerKey, await pngBytes(), "a.png")).status).toBe(403);
  });
});

describe("sending and reading", () => {
  it("a reply carries its author's uploads; the timeline shows them and every member who reads cases can download them", async () => {
    const image = await uploadByUser(tenant.id, tenant.users.AGENT.id, await pngBytes(), "screenshot.png");
    const text = await uploadByUser(tenant.id, tenant.users.AGENT.id, Buffer.from("order 1234"), "order.txt");
    // Before it is sent, only its uploader may read it.
    const colleague = { kind: "member" as const, uploader: { userId: tenant.users.ADMIN.id }, permissions: new Set(["cases:read" as const]) };
    await expect(withTenantDb(tenant.id, (db) => openAttachment(db, { id: image.id, variant: "file", reader: colleague }))).rejects.toMatchObject({ code: "NOT_FOUND" });

    const sent = await agent.cases.addMessage({ caseId, kind: "PUBLIC_REPLY", body: "", attachmentIds: [image.id, text.id] });
    expect(sent.message).toMatchObject({ body: "", attachments: [{ id: image.id, image: true }, { id: text.id, contentType: "text/plain" }] });
    const timeline = await agent.cases.timeline({ caseId });
    const item = timeline.items.find((i) => i.id === sent.message.id);
    expect(item?.type === "message" && item.attachments.map((a) => a.filename)).toEqual(["screenshot.png", "order.txt"]);
    // Sent: the files no longer expire.
    const expiring = await withTenantDb(tenant.id, (db) => db.storedFile.count({ where: { attachments: { some: { id: { in: [image.id, text.id] } } }, expiresAt: { not: null } } }));
    expect(expiring).toBe(0);

    const asViewer = await download(image.id, viewerKey);
    expect(asViewer.status).toBe(200);
    expect(asViewer.headers.get("content-disposition")).toMatch(/^inline; filename="screenshot.png"/);
    expect(asViewer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(asViewer.headers.get("content-security-policy")).toContain("sandbox");
    const asText = await download(text.id, viewerKey);
    expect(asText.headers.get("content-disposition")).toMatch(/^attachment; filename="order.txt"/);
    expect(await asText.text()).toBe("order 1234");
  });

  it("refuses a message naming an upload that is not its author's to send, and writes nothing", async () => {
    const mine = await uploadByUser(tenant.id, tenant.users.AGENT.id, Buffer.from("mine"), "mine.txt");
    const colleagues = await uploadByUser(tenant.id, tenant.users.ADMIN.id, Buffer.from("theirs"), "theirs.txt");
    const elsewhere = await uploadByUser(other.id, other.users.AGENT.id, Buffer.from("other tenant"), "other.txt");
    const before = (await agent.cases.timeline({ caseId, limit: 200 })).items.length;
    for (const foreign of [colleagues.id, elsewhere.id]) {
      await expect(agent.cases.addMessage({ caseId, kind: "INTERNAL_NOTE", body: "see file", attachmentIds: [mine.id, foreign] })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        cause: { details: { reason: "ATTACHMENT_UNAVAILABLE" } },
      });
    }
    expect((await agent.cases.timeline({ caseId, limit: 200 })).items.length).toBe(before);
    // An API key sends its own uploads only: not a member's, not another key's.
    const byKey = (await json(await uploadAs(agentKey, Buffer.from("from a script"), "script.txt"))).id as string;
    const otherKey = await createTestApiKey(tenant, { role: "AGENT" });
    for (const [key, id] of [[otherKey, byKey], [agentKey, mine.id]] as const) {
      await expect((await apiKeyCaller(key)).cases.addMessage({ caseId, kind: "INTERNAL_NOTE", body: "", attachmentIds: [id] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await (await apiKeyCaller(agentKey)).cases.addMessage({ caseId, kind: "INTERNAL_NOTE", body: "", attachmentIds: [byKey] });
    // An upload in its last hour before expiry is not taken (the purge may be deleting its bytes).
    const late = await uploadByUser(tenant.id, tenant.users.AGENT.id, Buffer.from("late"), "late.txt");
    await withPrivilegedDb("test", (db) => db.storedFile.updateMany({ where: { attachments: { some: { id: late.id } } }, data: { expiresAt: new Date(Date.now() + 30 * 60_000) } }));
    await expect(agent.cases.addMessage({ caseId, kind: "INTERNAL_NOTE", body: "late", attachmentIds: [late.id] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Sent once, it cannot be sent again.
    await agent.cases.addMessage({ caseId, kind: "INTERNAL_NOTE", body: "", attachmentIds: [mine.id] });
    await expect(agent.cases.addMessage({ caseId, kind: "INTERNAL_NOTE", body: "again", attachmentIds: [mine.id] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(agent.cases.addMessage({ caseId, kind: "INTERNAL_NOTE", body: "", attachmentIds: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a new case carries its files as its first internal note; someone else's upload refuses the case, which is not made", async () => {
    const photo = await uploadByUser(tenant.id, tenant.users.AGENT.id, await pngBytes(), "broken-screen.png");
    const created = await agent.cases.create({ title: "Phone call: broken screen", attachmentIds: [photo.id] });
    const timeline = await agent.cases.timeline({ caseId: created.id });
    const note = timeline.items.find((i) => i.type === "message");
    expect(note).toMatchObject({ kind: "INTERNAL_NOTE", body: "", author: { id: tenant.users.AGENT.id }, attachments: [{ id: photo.id, image: true }] });

    const theirs = await uploadByUser(tenant.id, tenant.users.ADMIN.id, Buffer.from("x"), "theirs.txt");
    const before = await withTenantDb(tenant.id, (db) => db.case.count());
    await expect(agent.cases.create({ title: "Not made", attachmentIds: [theirs.id] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await withTenantDb(tenant.id, (db) => db.case.count())).toBe(before);
  });

  it("another tenant's members and keys get NOT_FOUND for an attachment, as for one that never existed", async () => {
    const sent = await uploadByUser(tenant.id, tenant.users.AGENT.id, await pngBytes(), "private.png");
    await agent.cases.addMessage({ caseId, kind: "PUBLIC_REPLY", body: "here", attachmentIds: [sent.id] });
    for (const response of [
      await download(sent.id, otherKey),
      await download(sent.id, otherKey, { slug: tenant.slug }),
      await download(sent.id, otherKey, { variant: "thumbnail" }),
      await download("not-a-uuid", agentKey),
      await download("0190a4b2-0000-7000-8000-000000000000", agentKey),
    ]) {
      expect([403, 404]).toContain(response.status);
      expect(await json(response)).toMatchObject({ requestId: expect.any(String) });
    }
    expect((await download(sent.id, otherKey)).status).toBe(404);
  });
});

describe("retention", () => {
  it("an unsent upload expires with its files; a deleted message hands its files to the purge", async () => {
    const storage = getStorage();
    const unsent = await uploadByUser(tenant.id, tenant.users.AGENT.id, await pngBytes(), "never-sent.png");
    const sentOne = await uploadByUser(tenant.id, tenant.users.AGENT.id, Buffer.from("keep me"), "sent.txt");
    const message = await agent.cases.addMessage({ caseId, kind: "INTERNAL_NOTE", body: "file", attachmentIds: [sentOne.id] });
    const keysOf = (ids: string[]) =>
      withPrivilegedDb("test", async (db) => (await db.storedFile.findMany({ where: { OR: [{ attachments: { some: { id: { in: ids } } } }, { thumbnailOf: { some: { id: { in: ids } } } }] }, select: { storageKey: true } })).map((f) => f.storageKey));
    const unsentKeys = await keysOf([unsent.id]);
    const sentKeys = await keysOf([sentOne.id]);
    expect(unsentKeys).toHaveLength(2);

    await withPrivilegedDb("test", async (db) => {
      await db.storedFile.updateMany({ where: { storageKey: { in: unsentKeys } }, data: { expiresAt: new Date(Date.now() - 1000) } });
      await db.caseMessage.deleteMany({ where: { id: message.message.id } });
    });
    await withPrivilegedDb("test", async (db) => {
      while ((await purgeExpiredFiles(db, storage, { now: new Date(Date.now() + 1000) })).more);
    });
    const left = await withPrivilegedDb("test", (db) => db.attachment.count({ where: { id: { in: [unsent.id, sentOne.id] } } }));
    expect(left).toBe(0);
    for (const key of [...unsentKeys, ...sentKeys]) await expect(storage.get(key)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
