import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { tenantSettingsSchema, trendingSettingsSchema } from "@/lib/validations/tenant-settings";
import { updateTenantSettingsAction } from "@/components/settings/general-actions";
import { TrendingSettingsForm } from "./trending-settings-form";

vi.mock("@/components/settings/general-actions", () => ({ updateTenantSettingsAction: vi.fn() }));

const trending = trendingSettingsSchema.parse({});
beforeEach(() => vi.mocked(updateTenantSettingsAction).mockReset());

describe("TrendingSettingsForm", () => {
  it("sends the trending settings as one patch, an empty score as never", async () => {
    const user = userEvent.setup();
    vi.mocked(updateTenantSettingsAction).mockImplementation(async (_slug, values) => ({
      ok: true,
      data: tenantSettingsSchema.parse({ textLanguage: values?.textLanguage, trending: { ...trending, ...values?.trending } }),
    }));
    render(<TrendingSettingsForm slug="acme" trending={trending} textLanguage="english" />);
    expect(screen.getByLabelText("Post to the feed from score")).toHaveValue("6");
    expect(screen.getByLabelText("Fire an alert from score")).toHaveValue("");
    expect(screen.getByLabelText("Language of the cases")).toHaveValue("english");
    await user.selectOptions(screen.getByLabelText("Language of the cases"), "dutch");
    await user.clear(screen.getByLabelText("Post to the feed from score"));
    await user.type(screen.getByLabelText("Fire an alert from score"), "7.5");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Saved; the next computation uses it.");
    expect(updateTenantSettingsAction).toHaveBeenCalledWith("acme", { textLanguage: "dutch", trending: { minCases: 3, feedScore: null, alertScore: 7.5 } });
  });

  it("says what is wrong beside the field, from the form or the server", async () => {
    const user = userEvent.setup();
    vi.mocked(updateTenantSettingsAction).mockResolvedValue({
      ok: false,
      error: { code: "BAD_REQUEST", message: "Some fields are not valid", fieldErrors: { "trending.minCases": ["Use at least 2 cases"] } },
    });
    render(<TrendingSettingsForm slug="acme" trending={trending} textLanguage="english" />);
    await user.type(screen.getByLabelText("Fire an alert from score"), "high");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Use a number, or leave empty for never")).toBeVisible();
    expect(updateTenantSettingsAction).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText("Fire an alert from score"));
    await user.clear(screen.getByLabelText("Fewest cases"));
    await user.type(screen.getByLabelText("Fewest cases"), "1");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Use at least 2 cases")).toBeVisible();
    expect(screen.getByLabelText("Fewest cases")).toHaveAttribute("aria-invalid", "true");
  });
});
