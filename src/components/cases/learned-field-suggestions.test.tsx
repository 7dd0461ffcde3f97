import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { createTestTrpc, renderWithTrpc } from "@/test/render";
import { LearnedFieldSuggestions } from "./learned-field-suggestions";

const items = [
  { field: "category", value: "Hardware", confidence: 0.91, accuracy: 0.88, examples: 240 },
  { field: "businessUnit", value: "Field", confidence: 0.7, accuracy: 0.8, examples: 240 },
  { field: "priority", value: "URGENT", confidence: 0.62, accuracy: 0.7, examples: 240 },
];

function setup(props: { title: string; description?: string; current?: Record<string, string> }) {
  const onPick = vi.fn();
  const trpc = createTestTrpc({ "ai.learnedTriage": () => ({ items }) });
  const view = renderWithTrpc(
    <LearnedFieldSuggestions
      title={props.title}
      description={props.description ?? ""}
      current={{ category: "", businessUnit: "", priority: "NORMAL", ...props.current }}
      onPick={onPick}
    />,
    trpc,
  );
  return { ...view, onPick, calls: trpc.calls };
}

describe("LearnedFieldSuggestions", () => {
  it("offers each learned value with its confidence once typing pauses, and takes one on click", async () => {
    const { user, onPick, calls } = setup({ title: "Printer jammed", description: "toner everywhere" });
    const category = await screen.findByRole("button", { name: "Use category Hardware (91 % sure)" });
    expect(screen.getByRole("button", { name: "Use priority Urgent (62 % sure)" })).toBeInTheDocument();
    expect(calls.filter((c) => c.path === "ai.learnedTriage").map((c) => c.input)).toEqual([{ title: "Printer jammed", description: "toner everywhere" }]);
    await user.click(category);
    expect(onPick).toHaveBeenCalledWith("category", "Hardware");
  });

  it("leaves out a value the form already has", async () => {
    setup({ title: "Printer jammed again", current: { category: "Hardware" } });
    await screen.findByRole("button", { name: /Use business unit Field/ });
    expect(screen.queryByRole("button", { name: /Use category/ })).not.toBeInTheDocument();
  });

  it("does not ask about a text too short to say anything", async () => {
    const { calls } = setup({ title: "Hi" });
    await new Promise((resolve) => setTimeout(resolve, 600));
    await waitFor(() => expect(calls).toEqual([]));
    expect(screen.queryByRole("group", { name: "Suggested from your resolved cases" })).not.toBeInTheDocument();
  });
});
