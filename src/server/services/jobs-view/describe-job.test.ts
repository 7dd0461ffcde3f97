import { describe, expect, it } from "vitest";
import { describeJob, explainJobError, jobRefs, jobStarter, jobTypeName, type JobContext } from "./describe-job";

const USER = "01a22d08-0000-7000-8000-000000000001";
const IMPORT = "01a22d08-0000-7000-8000-000000000003";
const FILE = "01a22d08-0000-7000-8000-000000000004";
const known: Record<string, { label: string; detail: string | null }> = {
  [`user:${USER}`]: { label: "Ada Lovelace", detail: "ada@example.test" },
  [`import:${IMPORT}`]: { label: "customers.csv", detail: "customers" },
  [`file:${FILE}`]: { label: "cases-2026-11-30.csv", detail: "export" },
};
const ctx: JobContext = {
  find: (kind, id) => known[`${kind}:${id}`],
  name: (kind, id) => known[`${kind}:${id}`]?.label ?? `Deleted ${kind}`,
  timeZone: "UTC",
};
const job = (type: string, payload: unknown, result: unknown = null, status = "PENDING") => ({ type, status, payload, result });

describe("job titles", () => {
  it("names each job type, counting what it did once finished", () => {
    expect(describeJob(job("exports.cases", { expected: 40 }), ctx).title).toBe("Export of 40 cases");
    expect(describeJob(job("exports.cases", { expected: 40 }, { rows: 34, fileId: FILE }, "SUCCEEDED"), ctx).title).toBe("Export of 34 cases");
    expect(describeJob(job("exports.cases", {}), ctx).title).toBe("Export of cases");
    expect(describeJob(job("imports.run", { importId: IMPORT }), ctx).title).toBe("Import of customers.csv");
    expect(describeJob(job("imports.run", { importId: FILE }), ctx).title).toBe("Import of a file no longer kept");
    expect(describeJob(job("cases.bulk-update", { input: { target: { ids: [USER, FILE] } }, expected: 2 }), ctx).title).toBe("Bulk update of 2 cases");
    expect(describeJob(job("cases.bulk-update", { input: { target: { filter: {} } }, expected: 5 }, { matched: 1 }), ctx).title).toBe("Bulk update of 1 case");
    expect(describeJob(job("notifications.mail", { ids: [USER] }), ctx).title).toBe("1 notification email");
    expect(describeJob(job("notifications.digest-tenant", {}), ctx).title).toBe("Notification digest emails");
    expect(describeJob(job("cases.escalate-by-rules-tenant", {}), ctx).title).toBe("Escalation rules check");
    expect(describeJob(job("cases.wake-snoozed-tenant", {}), ctx).title).toBe("Waking snoozed cases");
    expect(describeJob(job("alerts.evaluate-rules-tenant", {}), ctx).title).toBe("Alert rules check");
    expect(describeJob(job("customers.rotate-encryption", {}), ctx).title).toBe("Re-encryption of customer contact details");
    expect(jobTypeName("audit.checkpoint")).toBe("Audit log checkpoint");
    expect(jobTypeName("some-task.run")).toBe("Some task run");
  });

  it("offers a finished export's file, and says when it is gone", () => {
    const done = describeJob(job("exports.cases", {}, { rows: 2, fileId: FILE }, "SUCCEEDED"), ctx);
    expect(done.downloads).toEqual([{ label: "Download CSV", fileId: FILE, filename: "cases-2026-11-30.csv" }]);
    const gone = describeJob(job("exports.cases", {}, { rows: 2, fileId: USER }, "SUCCEEDED"), ctx);
    expect(gone.downloads).toEqual([]);
    expect(gone.resultFields).toContainEqual({ label: "File", value: "No longer available (exports are kept for a limited time)" });
  });

  it("knows who started a job", () => {
    expect(jobStarter(job("exports.cases", { actor: { type: "apiKey", id: USER } }))).toEqual({ type: "apiKey", id: USER, scheduled: false });
    expect(jobStarter(job("imports.run", { createdById: USER }))).toEqual({ type: "user", id: USER, scheduled: false });
    expect(jobStarter(job("cases.wake-snoozed-tenant", {}))).toEqual({ type: "system", id: null, scheduled: true });
    expect(jobStarter(job("notifications.mail", {}))).toEqual({ type: "system", id: null, scheduled: false });
    expect(jobRefs(job("imports.run", { importId: IMPORT, actor: { type: "user", id: USER } }, { rejectsFileId: FILE }))).toEqual([
      { kind: "import", id: IMPORT },
      { kind: "file", id: FILE },
      { kind: "user", id: USER },
    ]);
  });
});

describe("job errors in words", () => {
  const err = (status: string, lastError: string | null, type = "exports.cases") => explainJobError({ type, status, lastError });
  it("translates what the runner writes, and says whether it will be retried", () => {
    expect(err("SUCCEEDED", "old")).toBeNull();
    expect(err("DEAD", null)).toBeNull();
    expect(err("FAILED", "Job attempt timed out")).toBe("The export took too long and was stopped. It will be tried again automatically.");
    expect(err("DEAD", "Runner w1 stopped renewing its lease", "imports.run")).toBe(
      "The import was interrupted: the worker running it stopped responding. It will not be tried again unless an admin retries it.",
    );
    expect(err("CANCELLED", "Job cancelled", "cases.bulk-update")).toBe("The bulk update was cancelled.");
    expect(err("DEAD", 'Payload no longer valid for "x": bad', "other.type")).toMatch(/^The job could not run: its settings are no longer valid/);
  });

  it("keeps a job's own message, first line only, as a sentence", () => {
    expect(err("DEAD", "Error: the upstream system said no\n    at handler (x.ts:1:1)")).toBe(
      "The export failed: The upstream system said no. It will not be tried again unless an admin retries it.",
    );
    expect(err("DEAD", "x".repeat(300))!.length).toBeLessThan(300);
  });
});
