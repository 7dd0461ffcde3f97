import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createTestTrpc, renderWithTrpc } from "@/test/render";
import { CaseSummaryCard } from "./case-summary-card";

const summary = { summary: "Charged twice; refund promised.", keyPoints: ["Finance approved on Monday"], nextStep: "Confirm the refund", messages: 9, createdAt: new Date() };

describe("CaseSummaryCard", () => {
  it("shows the summary collapsed, with its key points and next step when opened", async () => {
    const { user } = renderWithTrpc(<CaseSummaryCard caseId="c1" />, createTestTrpc({ "ai.summary": () => ({ summary }) }));
    expect(await screen.findByText("Charged twice; refund promised.")).toBeInTheDocument();
    expect(screen.getByText(/9 messages/)).toBeInTheDocument();
    const details = screen.getByText("Charged twice; refund promised.").closest("details")!;
    expect(details).not.toHaveAttribute("open");
    await user.click(screen.getByText("Charged twice; refund promised."));
    expect(details).toHaveAttribute("open");
    expect(screen.getByText("Finance approved on Monday")).toBeVisible();
    expect(screen.getByText("Confirm the refund")).toBeVisible();
  });

  it("shows nothing while a thread has no summary", async () => {
    const { container, calls } = renderWithTrpc(<CaseSummaryCard caseId="c1" />, createTestTrpc({ "ai.summary": () => ({ summary: null }) }));
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.map((c) => c.path)).toEqual(["ai.summary"]);
    expect(container).toBeEmptyDOMElement();
  });
});
