import { screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { exportReportAction } from "@/components/insights/insights-actions";
import { createTestTrpc, renderWithTrpc } from "@/test/render";
import { ReportExportButton } from "./report-export-button";

vi.mock("@/components/insights/insights-actions", () => ({ exportReportAction: vi.fn() }));

const JOB = "01a2312d-2260-71e9-8dea-74abe9628f88";
const query = { from: "2026-11-01", to: "2026-11-30", groupBy: "team", interval: "week", time: "calendar" } as const;

beforeEach(() => vi.mocked(exportReportAction).mockReset());

describe("ReportExportButton", () => {
  it("exports the report on screen, follows the job and offers the file", async () => {
    vi.mocked(exportReportAction).mockResolvedValue({ ok: true, data: { jobId: JOB } });
    const { user, calls } = renderWithTrpc(<ReportExportButton slug="acme" query={query} />, createTestTrpc({ "jobs.get": () => ({ id: JOB, status: "SUCCEEDED", progress: 100, result: { fileId: "f1" } }) }));
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    expect(exportReportAction).toHaveBeenCalledWith(query);
    expect(await screen.findByRole("link", { name: "Download CSV" })).toHaveAttribute("href", expect.stringContaining("f1"));
    expect(calls.find((c) => c.path === "jobs.get")?.input).toEqual({ id: JOB });
  });

  it("says why when the export is refused", async () => {
    vi.mocked(exportReportAction).mockResolvedValue({ ok: false, error: { code: "FORBIDDEN", message: "You may not export" } });
    const { user } = renderWithTrpc(<ReportExportButton slug="acme" query={query} />);
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("You may not export");
  });
});
