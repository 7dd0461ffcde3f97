// The upload route: authentication and permission exactly as tRPC, the size limit while
// streaming, content checks, and the standard error shape on every refusal.
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "@/env";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { uploadCsv, uploadOk } from "@/server/services/imports/import-test-kit";
import { createTestApiKey, createTestTenant, type TestTenant } from "@/test/factories";
import { POST } from "./route";

let tenant: TestTenant;
let other: TestTenant;
let adminKey: string;
let agentKey: string;

beforeAll(async () => {
  [tenant, other] = await Promise.all([createTestTenant("upl"), createTestTenant("upl-other")]);
  [adminKey, agentKey] = await Promise.all([createTestApiKey(tenant, { role: "ADMIN" }), createTestApiKey(tenant, { role: "AGENT" })]);
});

async function expectErrorShape(response: Response, status: number, code: string) {
  const body = (await response.json()) as Record<string, unknown>;
  expect(response.status, JSON.stringify(body)).toBe(status);
  expect(body).toEqual({ code, message: expect.any(String), requestId: expect.any(String), ...(body.details ? { details: body.details } : {}) });
  expect(response.headers.get("x-request-id")).toBe(body.requestId);
  return body;
}

const importsOf = (tenantId: string) => withPrivilegedDb("test check", (db) => db.import.count({ where: { tenantId } }));
const filesOf = (tenantId: string) => withPrivilegedDb("test check", (db) => db.storedFile.count({ where: { tenantId } }));

describe("POST /api/imports/upload", () => {
  it("stores the file and answers the import with its headers and a suggested mapping", async () => {
    const received = await uploadOk(adminKey, "Title,PRIORITY,customer_email,Notes\nPrinter broken,high,,x\n", { filename: "../../etc/passwd" });
    expect(received).toMatchObject({
      entity: "cases",
      filename: "passwd",
      headers: ["Title", "PRIORITY", "customer_email", "Notes"],
      suggestedMapping: { title: "Title", priority: "PRIORITY", customerEmail: "customer_email" },
    });
    const row = await withPrivilegedDb("test check", (db) => db.import.findFirstOrThrow({ where: { id: received.id } }));
    expect(row).toMatchObject({ tenantId: tenant.id, status: "UPLOADED", entity: "cases" });
  });

  it("refuses a body over IMPORT_MAX_BYTES while streaming (413) and keeps nothing", async () => {
    const [imports, files] = [await importsOf(tenant.id), await filesOf(tenant.id)];
    const line = "a,b,c,d,e,f,g,h\n".repeat(64 * 1024); // 1 MiB
    let sent = 0;
    // No content-length: the limit must hold while the body streams.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > env.IMPORT_MAX_BYTES) return controller.close();
        controller.enqueue(new TextEncoder().encode(sent === 0 ? "h1,h2,h3,h4,h5,h6,h7,h8\n" + line : line));
        sent += line.length;
      },
    });
    const response = await uploadCsv(adminKey, body);
    const error = await expectErrorShape(response, 413, "PAYLOAD_TOO_LARGE");
    expect(error.details).toMatchObject({ maxBytes: env.IMPORT_MAX_BYTES });
    expect([await importsOf(tenant.id), await filesOf(tenant.id)]).toEqual([imports, files]);
  });

  it("refuses an announced size over the limit before reading the body", async () => {
    const response = await uploadCsv(adminKey, "a\n1\n", { headers: { "content-length": String(env.IMPORT_MAX_BYTES + 1) } });
    await expectErrorShape(response, 413, "PAYLOAD_TOO_LARGE");
  });

  it("refuses a body that ends short of its announced length (a proxy cut it off)", async () => {
    const response = await uploadCsv(adminKey, "title\nx\n", { headers: { "content-length": "20" } });
    const error = await expectErrorShape(response, 400, "BAD_REQUEST");
    expect(error.details).toMatchObject({ reason: "INCOMPLETE_UPLOAD" });
  });

  it("refuses binary files, other encodings, empty files and files without a usable header row (422)", async () => {
    const before = await importsOf(tenant.id);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const latin1 = new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]);
    for (const [body, reason] of [
      [png, "NOT_CSV_TEXT"],
      [latin1, "NOT_CSV_TEXT"],
      ["", "EMPTY_FILE"],
      ["title,title\nx,y\n", "DUPLICATE_HEADER"],
      ['title,"unclosed\nx\n', "INVALID_CSV"],
    ] as const) {
      const error = await expectErrorShape(await uploadCsv(adminKey, body), 422, "UNPROCESSABLE_CONTENT");
      expect(error.details).toMatchObject({ reason });
    }
    expect(await importsOf(tenant.id)).toBe(before);
  });

  it("asks for the entity (400)", async () => {
    await expectErrorShape(await uploadCsv(adminKey, "title\nx\n", { entity: "tickets" }), 400, "BAD_REQUEST");
  });

  it("refuses a cross-site post with the session cookie (403) before reading anything; an API key may post from anywhere", async () => {
    const before = await importsOf(tenant.id);
    const cookiePost = (headers: Record<string, string>) =>
      POST(
        new Request(`http://caseboard.test/api/imports/upload?entity=cases&tenant=${tenant.slug}`, {
          method: "POST",
          headers: { host: "caseboard.test", cookie: "next-auth.session-token=whatever", ...headers },
          body: "title\nx\n",
        }),
      );
    const crossSite: Record<string, string>[] = [{ "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "https://evil.example" }, { origin: "null" }];
    for (const headers of crossSite) {
      const error = await expectErrorShape(await cookiePost(headers), 403, "FORBIDDEN");
      expect(error.details).toMatchObject({ reason: "CROSS_SITE_REQUEST" });
    }
    expect(await importsOf(tenant.id)).toBe(before);
    const fromScript = await uploadCsv(adminKey, "title\nx\n", { headers: { origin: "https://elsewhere.example", "sec-fetch-site": "cross-site" } });
    expect(fromScript.status).toBe(201);
    expect(fromScript.headers.get("cache-control")).toBe("private, no-store");
  });

  it("refuses roles without imports:create (403), other tenants (404) and missing or bad credentials (401)", async () => {
    const before = await importsOf(tenant.id);
    const forbidden = await expectErrorShape(await uploadCsv(agentKey, "title\nx\n"), 403, "FORBIDDEN");
    expect(forbidden.details).toMatchObject({ reason: "PERMISSION_DENIED", permission: "imports:create" });
    await expectErrorShape(await uploadCsv(adminKey, "title\nx\n", { slug: other.slug }), 404, "NOT_FOUND");
    await expectErrorShape(await uploadCsv("cb_nope_not-a-real-key", "title\nx\n"), 401, "UNAUTHORIZED");
    expect(await importsOf(tenant.id)).toBe(before);
    expect(await importsOf(other.id)).toBe(0);
  });
});
