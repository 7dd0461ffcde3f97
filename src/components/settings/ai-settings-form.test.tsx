import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { aiSettingsSchema, tenantSettingsSchema } from "@/lib/validations/tenant-settings";
import { AiSettingsForm } from "./ai-settings-form";
import { updateTenantSettingsAction } from "./general-actions";

vi.mock("./general-actions", () => ({ updateTenantSettingsAction: vi.fn() }));

const ai = aiSettingsSchema.parse({ autoApply: { priority: 0.9 } });

beforeEach(() => vi.mocked(updateTenantSettingsAction).mockReset());

describe("AiSettingsForm", () => {
  it("sends the AI settings as one patch and shows them saved", async () => {
    const user = userEvent.setup();
    vi.mocked(updateTenantSettingsAction).mockImplementation(async (_slug, values) => ({
      ok: true,
      data: tenantSettingsSchema.parse({ ai: { ...ai, ...values?.ai, autoApply: { ...ai.autoApply, ...values?.ai?.autoApply } } }),
    }));
    render(<AiSettingsForm slug="acme" ai={ai} canManage />);
    expect(screen.getByLabelText(/Use AI assist/)).toBeChecked();
    expect(screen.getByLabelText("Priority")).toHaveValue("0.9");
    await user.click(screen.getByLabelText(/Keep prompts and answers/));
    await user.clear(screen.getByLabelText("Tokens per day"));
    await user.type(screen.getByLabelText("Tokens per day"), "50000");
    await user.selectOptions(screen.getByLabelText("Tags"), "0.8");
    await user.selectOptions(screen.getByLabelText("Priority"), "");
    await user.click(screen.getByRole("button", { name: "Save AI settings" }));
    expect(await screen.findByRole("status")).toHaveTextContent("AI settings saved.");
    expect(updateTenantSettingsAction).toHaveBeenCalledWith("acme", {
      ai: {
        enabled: true,
        triageNewCases: true,
        keepPrompts: true,
        tokensPerDay: 50000,
        runsPerMinute: 30,
        autoApply: { priority: null, category: null, businessUnit: null, tags: 0.8 },
      },
    });
  });

  it("refuses a budget that is not a whole number before sending, and places the server's refusal on its field", async () => {
    const user = userEvent.setup();
    render(<AiSettingsForm slug="acme" ai={ai} canManage />);
    await user.clear(screen.getByLabelText("Requests per minute"));
    await user.type(screen.getByLabelText("Requests per minute"), "many");
    await user.click(screen.getByRole("button", { name: "Save AI settings" }));
    expect(await screen.findByText("Use a whole number")).toBeInTheDocument();
    expect(updateTenantSettingsAction).not.toHaveBeenCalled();

    vi.mocked(updateTenantSettingsAction).mockResolvedValueOnce({
      ok: false,
      error: { code: "BAD_REQUEST", message: "Some fields are not valid", fieldErrors: { "ai.runsPerMinute": ["Too big: expected number to be <=10000"] } },
    });
    await user.clear(screen.getByLabelText("Requests per minute"));
    await user.type(screen.getByLabelText("Requests per minute"), "999999");
    await user.click(screen.getByRole("button", { name: "Save AI settings" }));
    expect(await screen.findByText("Too big: expected number to be <=10000")).toBeInTheDocument();
    expect(screen.getByLabelText("Requests per minute")).toHaveAttribute("aria-invalid", "true");
  });

  it("is read-only for a member who cannot manage settings", () => {
    render(<AiSettingsForm slug="acme" ai={ai} canManage={false} />);
    expect(screen.getByLabelText("Tokens per day")).toBeDisabled();
    expect(screen.queryByRole("button", { name: "Save AI settings" })).not.toBeInTheDocument();
  });
});
