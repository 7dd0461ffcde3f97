// Imports end to end: upload, mapping, the job, counts, rejected rows, idempotency.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestApiKey, createTestTenant, type TestTenant } from "@/test/factories";
import { readStored, runImportJobs, uploadOk } from "./import-test-kit";
import { IMPORT_BATCH_SIZE } from "./run-import";

let tenant: TestTenant;
let key: string;
let admin: Awaited<ReturnType<typeof callerFor>>;

beforeAll(async () => {
  tenant = await createTestTenant("imp");
  key = await createTestApiKey(tenant, { role: "ADMIN" });
  admin = await callerFor(tenant.users.ADMIN, tenant.slug);
  await admin.customers.create({ name: "Known Customer", email: "Known@Example.test" });
});

const casesOf = () =>
  withPrivilegedDb("test check", (db) =>
    db.case.findMany({
      where: { tenantId: tenant.id },
      orderBy: { number: "asc" },
      select: { id: true, title: true, priority: true, status: true, channel: true, tags: true, customerId: true, assigneeId: true, importKey: true, closedAt: true },
    }),
  );

async function importFile(csv: string, mapping: Record<string, string>, entity: "cases" | "customers" = "cases") {
  const uploaded = await uploadOk(key, csv, { entity });
  await admin.imports.setMapping({ id: uploaded.id, mapping });
  await runImportJobs();
  return admin.imports.get({ id: uploaded.id });
}

const CASES_CSV = [
  "Ref,Title,Priority,Status,Channel,Tags,Customer email,Assignee email",
  `R1,Printer on fire,high,open,email,"Hardware; urgent",known@example.test,{agent}`,
  "R2,ok,normal,,,,,",
  `R3,"Two-line
title here",LOW,closed,phone,,,`,
  "R4,Priority unknown,whenever,,,,,",
  "R5,Customer unknown,low,,,,nobody@example.test,",
  "R6,Viewer cannot be assigned,low,,,,,{viewer}",
  "R7,Too few columns",
  "R8,Valid and plain,,,,,,",
].join("\n");

const caseMapping = { title: "Title", priority: "Priority", status: "Status", channel: "Channel", tags: "Tags", customerEmail: "Customer email", assigneeEmail: "Assignee email" };

describe("case import", () => {
  it("imports the good rows, rejects each bad one with its reason, and counts exactly", async () => {
    const csv = CASES_CSV.replace("{agent}", tenant.users.AGENT.email.toUpperCase()).replace("{viewer}", tenant.users.VIEWER.email);
    const done = await importFile(csv, caseMapping);
    expect(done).toMatchObject({ status: "SUCCEEDED", totalRows: 8, importedRows: 3, duplicateRows: 0, rejectedRows: 5, progress: 100 });

    const cases = await casesOf();
    expect(cases.map((c) => c.title)).toEqual(["Printer on fire", "Two-line\ntitle here", "Valid and plain"]);
    const customer = await withPrivilegedDb("test check", (db) => db.customer.findFirstOrThrow({ where: { tenantId: tenant.id }, select: { id: true } }));
    expect(cases[0]).toMatchObject({ priority: "HIGH", status: "OPEN", channel: "EMAIL", tags: ["hardware", "urgent"], customerId: customer.id, assigneeId: tenant.users.AGENT.id });
    expect(cases[1]).toMatchObject({ priority: "LOW", status: "CLOSED", channel: "PHONE", closedAt: expect.any(Date) });
    expect(cases[2]).toMatchObject({ priority: "NORMAL", status: "NEW", channel: "WEB", customerId: null });
    // Ids are UUIDv7 like every other row; each case has its "created" event, by the requester.
    for (const c of cases) expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const events = await withPrivilegedDb("test check", (db) =>
      db.caseEvent.findMany({ where: { caseId: { in: cases.map((c) => c.id) }, type: "created" }, select: { actorType: true, actorId: true, to: true } }),
    );
    expect(events).toHaveLength(3);
    expect(events).toContainEqual({ actorType: "user", actorId: tenant.users.ADMIN.id, to: { status: "OPEN", priority: "HIGH", imported: true } });

    const file = await withPrivilegedDb("test check", (db) => db.storedFile.findFirstOrThrow({ where: { id: done.rejectsFileId! } }));
    expect(file).toMatchObject({ tenantId: tenant.id, purpose: "import-rejects" });
    const rejects = parse(await readStored(file.storageKey), { bom: true }) as string[][];
    expect(rejects[0]).toEqual([...CASES_CSV.split("\n")[0]!.split(","), "error"]);
    expect(rejects.slice(1).map((r) => [r[0], r.at(-1)])).toEqual([
      ["R2", expect.stringMatching(/^title: Use at least 3 characters/)],
      ["R4", expect.stringMatching(/^priority: /)],
      ["R5", "customerEmail: No customer with email nobody@example.test"],
      ["R6", expect.stringMatching(/is a viewer and cannot be assigned/)],
      ["R7", "Expected 8 columns, found 2"],
    ]);
    expect(rejects[1]!.slice(0, 3)).toEqual(["R2", "ok", "normal"]);
  });

  it("adds nothing when the same file is imported again: its rows are duplicates", async () => {
    const before = await casesOf();
    const csv = CASES_CSV.replace("{agent}", tenant.users.AGENT.email.toUpperCase()).replace("{viewer}", tenant.users.VIEWER.email);
    const again = await importFile(csv, caseMapping);
    expect(again).toMatchObject({ status: "SUCCEEDED", totalRows: 8, importedRows: 0, duplicateRows: 3, rejectedRows: 5 });
    expect(await casesOf()).toEqual(before);
    // Duplicates never reach the numbering trigger, so no case number was used up.
    const next = await admin.cases.create({ title: "Created after the re-import" });
    const numbers = await withPrivilegedDb("test check", (db) => db.case.aggregate({ where: { tenantId: tenant.id, importKey: { not: null } }, _max: { number: true } }));
    expect(next.number).toBe(numbers._max.number! + 1);
  });

  it("keys rows by the external id column when mapped, across different files", async () => {
    const mapping = { externalId: "Ref", title: "Title" };
    const first = await importFile("Ref,Title\nX-1,First external\nX-2,Second external\n", mapping);
    expect(first).toMatchObject({ importedRows: 2, duplicateRows: 0, rejectedRows: 0 });
    const second = await importFile('Title,Ref\n"Second, edited title",X-2\nThird external,X-3\nThird again,X-3\n', mapping);
    expect(second).toMatchObject({ totalRows: 3, importedRows: 1, duplicateRows: 2, rejectedRows: 0, rejectsFileId: null });
    const keyed = (await casesOf()).filter((c) => c.importKey?.startsWith("X-"));
    expect(keyed.map((c) => [c.importKey, c.title])).toEqual([
      ["X-1", "First external"],
      ["X-2", "Second external"],
      ["X-3", "Third external"],
    ]);
  });

  it("crosses batch boundaries with exact counts", async () => {
    const n = IMPORT_BATCH_SIZE * 2 + 37;
    const rows = Array.from({ length: n }, (_, i) => (i % 100 === 7 ? "x" : `Batch case ${i}`));
    const done = await importFile(`Title\n${rows.join("\n")}\n`, { title: "Title" });
    const bad = rows.filter((r) => r === "x").length;
    expect(done).toMatchObject({ status: "SUCCEEDED", totalRows: n, importedRows: n - bad, duplicateRows: 0, rejectedRows: bad });
  });
});

describe("rejected rows file", () => {
  it("neutralises every cell a spreadsheet would run as a formula, headers included", async () => {
    // Rows refused for a short title: the file hands back what the uploader sent, formulas and all.
    const csv = ['Title,"=HYPERLINK(""http://evil.test"")"', '=1,+SUM(A1)', '-2,@cmd', '"\t=3",ok'].join("\n");
    const done = await importFile(csv, { title: "Title" });
    expect(done).toMatchObject({ status: "SUCCEEDED", rejectedRows: 3 });
    const file = await withPrivilegedDb("test check", (db) => db.storedFile.findFirstOrThrow({ where: { id: done.rejectsFileId! } }));
    const rejects = parse(await readStored(file.storageKey), { bom: true }) as string[][];
    expect(rejects.map((r) => r.slice(0, 2))).toEqual([
      ["Title", `'=HYPERLINK("http://evil.test")`],
      ["'=1", "'+SUM(A1)"],
      ["'-2", "'@cmd"],
      ["'\t=3", "ok"],
    ]);
    expect(rejects[0]![2]).toBe("error");
  });
});

describe("mapping and cancelling", () => {
  it("requires the required fields and known headers, and starts only once", async () => {
    const uploaded = await uploadOk(key, "Subject,Other\nHello there,x\n");
    expect(uploaded.suggestedMapping).toEqual({ title: "Subject" });
    const error = await expectAppError(admin.imports.setMapping({ id: uploaded.id, mapping: { description: "Other" } }), "BAD_REQUEST");
    expect(error.details?.fieldErrors).toMatchObject({ title: [expect.any(String)] });
    await expectAppError(admin.imports.setMapping({ id: uploaded.id, mapping: { title: "Nope" } }), "BAD_REQUEST");
    const queued = await admin.imports.setMapping({ id: uploaded.id, mapping: { title: "Subject" } });
    expect(queued).toMatchObject({ status: "QUEUED", jobId: expect.any(String) });
    await expectAppError(admin.imports.setMapping({ id: uploaded.id, mapping: { title: "Subject" } }), "CONFLICT");
    expect(await admin.imports.cancel({ id: uploaded.id })).toEqual({ id: uploaded.id, status: "CANCELLED" });
    await runImportJobs();
    expect(await admin.imports.get({ id: uploaded.id })).toMatchObject({ status: "CANCELLED", importedRows: 0 });
  });

  it("lets only roles with imports:create see imports", async () => {
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    await expectAppError(agent.imports.list(), "FORBIDDEN", "PERMISSION_DENIED");
    const { items } = await admin.imports.list({ limit: 100 });
    expect(items.length).toBeGreaterThan(3);
  });
});

describe("customer import", () => {
  it("stores email and phone only encrypted, findable by email, duplicates by external id", async () => {
    const csv = "id,Full name,E-mail,Phone\nC1,Ada Lovelace,ada@example.test,+44 20 7946 0000\nC2,,nobody@example.test,\nC1,Ada Again,ada2@example.test,\n";
    const done = await importFile(csv, { externalId: "id", name: "Full name", email: "E-mail", phone: "Phone" }, "customers");
    expect(done).toMatchObject({ status: "SUCCEEDED", totalRows: 3, importedRows: 1, duplicateRows: 1, rejectedRows: 1 });
    const row = await withPrivilegedDb("test check", (db) =>
      db.customer.findFirstOrThrow({ where: { tenantId: tenant.id, externalId: "C1" }, select: { id: true, emailCiphertext: true, phoneCiphertext: true, importKey: true } }),
    );
    expect(row.importKey).toBe("C1");
    expect(row.emailCiphertext).not.toContain("ada@");
    expect(row.phoneCiphertext).not.toContain("7946");
    const found = await admin.customers.list({ q: "ADA@example.test", limit: 10 });
    expect(found.items.map((c) => [c.name, c.email])).toEqual([["Ada Lovelace", "ada@example.test"]]);
  });
});
