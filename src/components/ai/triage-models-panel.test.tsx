import { render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { TriageModelView } from "@/lib/validations/triage-model";
import "@/test/next-navigation";
import { TriageModelsPanel } from "./triage-models-panel";

vi.mock("./ai-actions", () => ({ trainTriageModelsAction: vi.fn() }));

const model: TriageModelView = {
  field: "priority",
  trainedAt: new Date("2026-12-01T02:41:00Z"),
  language: "english",
  examples: 1200,
  heldOut: 300,
  accuracy: 0.873,
  vocabulary: 4000,
  values: [
    { value: "NORMAL", cases: 800 },
    { value: "URGENT", cases: 250 },
    { value: "LOW", cases: 150 },
  ],
  calibration: [
    { atLeast: 0.5, share: 0.9, cases: 270, accuracy: 0.9 },
    { atLeast: 0.6, share: 0.8, cases: 240, accuracy: 0.92 },
    { atLeast: 0.7, share: 0.64, cases: 192, accuracy: 0.96 },
    { atLeast: 0.8, share: 0.5, cases: 150, accuracy: 0.97 },
    { atLeast: 0.9, share: 0, cases: 0, accuracy: null },
    { atLeast: 0.95, share: 0, cases: 0, accuracy: null },
  ],
};

describe("TriageModelsPanel", () => {
  it("shows each model's held-out accuracy and how often it is right above each confidence", () => {
    render(<TriageModelsPanel models={[model]} training={null} timeZone="Europe/Paris" canManage />);
    const row = screen.getByRole("row", { name: /Priority/ });
    expect(within(row).getByText("87 %")).toBeInTheDocument();
    expect(row).toHaveTextContent("96 % right on 64 %");
    expect(row).toHaveTextContent("none this sure");
    expect(row).toHaveTextContent("1,200 cases, 3 values");
    expect(row).toHaveTextContent("Most: Normal, Urgent, Low");
    expect(screen.getByText("Trained Dec 1, 2026, 3:41 AM (Europe/Paris).")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Train now" })).toBeInTheDocument();
  });

  it("explains what a model needs when there is none, and says a training is waiting; no button without the permission", () => {
    render(<TriageModelsPanel models={[]} training={{ status: "PENDING" }} timeZone="UTC" canManage={false} />);
    expect(screen.getByText(/at least 20 resolved cases/)).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("A training is waiting to run.");
    expect(screen.queryByRole("button", { name: "Train now" })).not.toBeInTheDocument();
  });
});
