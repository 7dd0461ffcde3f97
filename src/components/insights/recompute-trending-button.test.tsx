import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { router } from "@/test/next-navigation";
import { recomputeTrendingAction } from "./insights-actions";
import { RecomputeTrendingButton } from "./recompute-trending-button";
import { Sparkline } from "./sparkline";

vi.mock("./insights-actions", () => ({ recomputeTrendingAction: vi.fn() }));

beforeEach(() => {
  vi.mocked(recomputeTrendingAction).mockReset();
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => vi.useRealTimers());

describe("RecomputeTrendingButton", () => {
  it("asks for a computation, re-reads the page until a newer run is shown, then offers it again", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    vi.mocked(recomputeTrendingAction).mockResolvedValue({ ok: true, data: { jobId: "01a2312d-2260-71e9-8dea-74abe9628f88" } });
    const { rerender } = render(<RecomputeTrendingButton runId="run-1" />);
    await user.click(screen.getByRole("button", { name: "Recompute now" }));
    expect(recomputeTrendingAction).toHaveBeenCalledOnce();
    expect(screen.getByRole("button", { name: "Computing…" })).toBeDisabled();
    await act(() => vi.advanceTimersByTimeAsync(4_100));
    expect(router.refresh).toHaveBeenCalledTimes(2);
    // The page now shows the new run.
    rerender(<RecomputeTrendingButton runId="run-2" />);
    expect(screen.getByRole("button", { name: "Recompute now" })).toBeEnabled();
    await act(() => vi.advanceTimersByTimeAsync(4_100));
    expect(router.refresh).toHaveBeenCalledTimes(2);
  });

  it("says why when it is refused, and gives up waiting after a minute", async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    vi.mocked(recomputeTrendingAction).mockResolvedValueOnce({ ok: false, error: { code: "FORBIDDEN", message: "You may not do this" } });
    render(<RecomputeTrendingButton runId={null} />);
    await user.click(screen.getByRole("button", { name: "Recompute now" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("You may not do this");

    vi.mocked(recomputeTrendingAction).mockResolvedValueOnce({ ok: true, data: { jobId: "01a2312d-2260-71e9-8dea-74abe9628f88" } });
    await user.click(screen.getByRole("button", { name: "Recompute now" }));
    await act(() => vi.advanceTimersByTimeAsync(62_000));
    expect(screen.getByRole("alert")).toHaveTextContent("Still working; the Jobs page shows its progress.");
    expect(screen.getByRole("button", { name: "Recompute now" })).toBeEnabled();
  });
});

describe("Sparkline", () => {
  it("draws one point per hour, scaled to the peak, and says what it shows", () => {
    render(<Sparkline values={[0, 2, 4]} label="printer jam: peak 4" />);
    const line = screen.getByRole("img", { name: "printer jam: peak 4" }).querySelector("polyline")!;
    const points = line.getAttribute("points")!.split(" ").map((p) => p.split(",").map(Number));
    expect(points).toHaveLength(3);
    // The peak at the top (y 2), zero at the bottom (y 22).
    expect(points.map(([, y]) => y)).toEqual([22, 12, 2]);
  });
});
