import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { navigation, router } from "@/test/next-navigation";
import { ReportToolbar } from "./report-toolbar";

const props = { from: "2026-11-02", to: "2026-12-01", groupBy: "channel", interval: "day", time: "calendar", today: "2026-12-01" } as const;
const lastUrl = () => new URL(router.replace.mock.calls.at(-1)![0], "http://x");

describe("ReportToolbar", () => {
  it("marks the preset in use and puts a new range, dimension or period in the URL", async () => {
    const user = userEvent.setup();
    navigation.pathname = "/t/acme/insights/reports";
    navigation.searchParams = new URLSearchParams("groupBy=team");
    render(<ReportToolbar {...props} />);
    expect(screen.getByRole("button", { name: "Last 30 days" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("button", { name: "Last 7 days" })).toHaveAttribute("aria-pressed", "false");

    await user.click(screen.getByRole("button", { name: "Last 7 days" }));
    expect(lastUrl().pathname).toBe("/t/acme/insights/reports");
    expect(Object.fromEntries(lastUrl().searchParams)).toEqual({ groupBy: "team", from: "2026-11-25", to: "2026-12-01" });

    await user.selectOptions(screen.getByRole("combobox", { name: "Group by" }), "businessUnit");
    expect(lastUrl().searchParams.get("groupBy")).toBe("businessUnit");
    await user.click(screen.getByRole("button", { name: "Weekly" }));
    expect(lastUrl().searchParams.get("interval")).toBe("week");
    expect(screen.getByRole("button", { name: "Calendar hours" })).toHaveAttribute("aria-pressed", "true");
    await user.click(screen.getByRole("button", { name: "Business hours" }));
    expect(lastUrl().searchParams.get("time")).toBe("business");
  });

  it("applies typed days, in order even when typed the wrong way round; defaults leave the URL", async () => {
    const user = userEvent.setup();
    navigation.pathname = "/t/acme/insights/reports";
    navigation.searchParams = new URLSearchParams("from=2026-11-25&to=2026-12-01&interval=week");
    render(<ReportToolbar {...props} from="2026-11-25" interval="week" />);
    const from = screen.getByLabelText("From");
    const to = screen.getByLabelText("To (inclusive)");
    await user.clear(from);
    await user.type(from, "2026-11-20");
    await user.clear(to);
    await user.type(to, "2026-11-10");
    await user.click(screen.getByRole("button", { name: "Apply" }));
    expect(Object.fromEntries(lastUrl().searchParams)).toMatchObject({ from: "2026-11-10", to: "2026-11-20" });

    await user.click(screen.getByRole("button", { name: "Daily" }));
    expect(lastUrl().searchParams.has("interval")).toBe(false);
    // The default range (the last 30 days) is no range in the URL; the rest of the URL stays.
    await user.click(screen.getByRole("button", { name: "Last 30 days" }));
    expect(lastUrl().search).toBe("?interval=week");
  });
});
