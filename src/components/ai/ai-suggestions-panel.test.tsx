import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createTestTrpc, renderWithTrpc } from "@/test/render";
import { decideSuggestionAction, triageCaseAction } from "./ai-actions";
import { AiSuggestionsPanel } from "./ai-suggestions-panel";

vi.mock("./ai-actions", () => ({ decideSuggestionAction: vi.fn(), triageCaseAction: vi.fn() }));

const at = new Date("2026-12-01T09:00:00Z");
const suggestion = (field: string, value: string | string[], over: Record<string, unknown> = {}) => ({
  id: `s-${field}`,
  field,
  value,
  reason: `Because of ${field}`,
  confidence: 0.87,
  status: "PENDING",
  applicable: ["category", "businessUnit", "priority", "tags"].includes(field),
  decidedAt: null,
  createdAt: at,
  ...over,
});
const items = [
  suggestion("priority", "URGENT", { confidence: 0.91 }),
  suggestion("tags", ["checkout", "outage"], { status: "APPLIED" }),
  suggestion("language", "de", { confidence: 1 }),
  suggestion("sentiment", "negative", { confidence: 1 }),
  suggestion("summary", "Payments fail at checkout.", { confidence: 1 }),
];

function setup(canWrite = true, handlers: Record<string, (input: unknown) => unknown> = {}) {
  const testTrpc = createTestTrpc({
    "ai.suggestions": () => ({ items }),
    "cases.get": () => ({ id: "c1", number: 7, version: 4 }),
    "cases.timeline": () => ({ items: [], nextCursor: null }),
    ...handlers,
  });
  return renderWithTrpc(<AiSuggestionsPanel caseId="c1" number={7} canWrite={canWrite} />, testTrpc);
}

beforeEach(() => {
  vi.mocked(decideSuggestionAction).mockReset();
  vi.mocked(triageCaseAction).mockReset();
});

describe("AiSuggestionsPanel", () => {
  it("shows the summary, language and sentiment, each suggestion with confidence and reason, and what was decided", async () => {
    setup();
    expect(await screen.findByText("Payments fail at checkout.")).toBeInTheDocument();
    expect(screen.getByText("German · negative sentiment")).toBeInTheDocument();
    expect(screen.getByText("Urgent")).toBeInTheDocument();
    expect(screen.getByText("91 %")).toBeInTheDocument();
    expect(screen.getByText("Because of priority")).toBeInTheDocument();
    expect(screen.getByText("checkout, outage")).toBeInTheDocument();
    expect(screen.getByText("Applied automatically")).toBeInTheDocument();
    // Decided suggestions and information offer no buttons: one pair, for the priority.
    expect(screen.getAllByRole("button", { name: /^Accept/ })).toHaveLength(1);
  });

  it("accepts at the version the member sees, and shows a refusal", async () => {
    vi.mocked(decideSuggestionAction).mockResolvedValueOnce({ ok: false, error: { code: "CONFLICT", message: "Someone changed this case meanwhile" } });
    const { user } = setup();
    await user.click(await screen.findByRole("button", { name: "Accept Priority: Urgent" }));
    await waitFor(() => expect(decideSuggestionAction).toHaveBeenCalledWith({ caseId: "c1", suggestionId: "s-priority", decision: "accept", version: 4 }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Someone changed this case meanwhile");
  });

  it("asks for a new triage", async () => {
    vi.mocked(triageCaseAction).mockResolvedValueOnce({ ok: true, data: { jobId: "j1" } });
    const { user } = setup();
    await user.click(await screen.findByRole("button", { name: "Suggest again" }));
    expect(triageCaseAction).toHaveBeenCalledWith("c1");
    expect(await screen.findByRole("status")).toHaveTextContent("suggestions appear here in a moment");
  });

  it("is read-only for viewers", async () => {
    setup(false);
    expect(await screen.findByText("Urgent")).toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });
});
