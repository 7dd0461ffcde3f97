import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ConfirmHost } from "@/components/ui/confirm";
import type { ChatWidgetSettings } from "@/lib/validations/chat-widget";
import { AllowedOriginsEditor } from "./allowed-origins-editor";
import { AppearanceForm } from "./appearance-form";
import { rotateChatWidgetSecretAction, updateChatWidgetAction } from "./chat-widget-actions";
import { IdentityVerificationCard } from "./identity-verification-card";
import { installSnippet } from "./install-snippet-card";
import { PauseSwitch } from "./pause-switch";

vi.mock("./chat-widget-actions", () => ({ updateChatWidgetAction: vi.fn(), rotateChatWidgetSecretAction: vi.fn() }));

const settings = (over: Partial<ChatWidgetSettings> = {}): ChatWidgetSettings => ({
  publicId: "w_abcdefghijklmnop",
  enabled: true,
  color: "#4f46e5",
  greeting: "Hi! How can we help?",
  allowedOrigins: [],
  hasSecret: false,
  secretRotatedAt: null,
  logoUrl: null,
  ...over,
});

beforeEach(() => {
  vi.mocked(updateChatWidgetAction).mockReset();
  vi.mocked(rotateChatWidgetSecretAction).mockReset();
});

const row = (n: number) => screen.getByLabelText(`Website ${n}`);

describe("AllowedOriginsEditor", () => {
  it("says that an empty list loads nowhere, and adds a row to type into", async () => {
    const user = userEvent.setup();
    render(<AllowedOriginsEditor slug="acme" origins={[]} />);
    expect(screen.getByText(/loads nowhere but the preview/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Save websites" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Add website" }));
    await waitFor(() => expect(row(1)).toHaveFocus());
    await user.type(row(1), "https://shop.example.com");
    expect(screen.getByRole("button", { name: "Save websites" })).toBeEnabled();
  });

  it("checks each row before saving, keeps errors on their rows when one is removed, and sends the rows as typed", async () => {
    const user = userEvent.setup();
    vi.mocked(updateChatWidgetAction).mockResolvedValue({ ok: true, data: settings({ allowedOrigins: ["https://a.example.com", "https://b.example.com"] }) });
    render(<AllowedOriginsEditor slug="acme" origins={["https://a.example.com"]} />);
    await user.click(screen.getByRole("button", { name: "Add website" }));
    await user.type(row(2), "ftp://files.example.com");
    await user.click(screen.getByRole("button", { name: "Add website" }));
    await user.type(row(3), "https://b.example.com/shop");
    await user.click(screen.getByRole("button", { name: "Save websites" }));

    expect(updateChatWidgetAction).not.toHaveBeenCalled();
    expect(row(1)).not.toHaveAttribute("aria-invalid", "true");
    expect(row(2)).toHaveAccessibleDescription("Use an http:// or https:// address without a user name");
    expect(row(3)).toHaveAccessibleDescription("Enter the website only (https://b.example.com), without a path");

    await user.click(screen.getByRole("button", { name: "Remove website 2 (ftp://files.example.com)" }));
    expect(screen.getAllByRole("listitem")).toHaveLength(2);
    expect(row(2)).toHaveValue("https://b.example.com/shop");
    await waitFor(() => expect(row(2)).toHaveAccessibleDescription("Enter the website only (https://b.example.com), without a path"));

    await user.clear(row(2));
    await user.type(row(2), "https://B.example.com");
    await waitFor(() => expect(row(2)).not.toHaveAttribute("aria-invalid", "true"));
    await user.click(screen.getByRole("button", { name: "Save websites" }));
    expect(updateChatWidgetAction).toHaveBeenCalledWith("acme", { allowedOrigins: ["https://a.example.com", "https://B.example.com"] });
    expect(await screen.findByText("Websites saved.")).toBeInTheDocument();
    // The list shows what the server keeps (normalised).
    expect(row(2)).toHaveValue("https://b.example.com");
  });

  it("puts the server's errors beside their rows, and a refusal of the whole list above the button", async () => {
    const user = userEvent.setup();
    vi.mocked(updateChatWidgetAction)
      .mockResolvedValueOnce({ ok: false, error: { code: "BAD_REQUEST", message: "Some fields are not valid", fieldErrors: { "allowedOrigins.1": ["Use https:// for a public website"] } } })
      .mockResolvedValueOnce({ ok: false, error: { code: "FORBIDDEN", message: "Only admins change the chat widget." } });
    render(<AllowedOriginsEditor slug="acme" origins={["https://a.example.com", "http://b.example.com"]} />);
    await user.click(screen.getByRole("button", { name: "Add website" }));
    await user.type(row(3), "https://c.example.com");
    await user.click(screen.getByRole("button", { name: "Save websites" }));

    expect(await screen.findByText("Use https:// for a public website")).toBeInTheDocument();
    expect(row(2)).toHaveAttribute("aria-invalid", "true");
    expect(row(2)).toHaveAccessibleDescription("Use https:// for a public website");
    expect(row(1)).not.toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByText("Some fields are not valid")).not.toBeInTheDocument();

    await user.clear(row(2));
    await user.type(row(2), "https://b.example.com");
    await user.click(screen.getByRole("button", { name: "Save websites" }));
    expect(await screen.findByText("Only admins change the chat widget.")).toBeInTheDocument();
  });
});

describe("IdentityVerificationCard", () => {
  const card = (over: { hasSecret?: boolean; secretRotatedAt?: Date | null } = {}) => (
    <>
      <IdentityVerificationCard slug="acme" hasSecret={false} secretRotatedAt={null} timeZone="UTC" {...over} />
      <ConfirmHost />
    </>
  );

  it("generates the first secret without asking and shows it once, with a copy button", async () => {
    const user = userEvent.setup();
    const rotatedAt = new Date("2026-12-01T09:30:00Z");
    vi.mocked(rotateChatWidgetSecretAction).mockResolvedValue({ ok: true, data: { secret: "whs_first", settings: settings({ hasSecret: true, secretRotatedAt: rotatedAt }) } });
    const { unmount } = render(card());
    expect(screen.getByText("No secret")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Generate secret" }));

    expect(rotateChatWidgetSecretAction).toHaveBeenCalledWith("acme");
    expect(await screen.findByTestId("new-widget-secret")).toHaveTextContent("whs_first");
    const shown = screen.getByRole("status");
    expect(shown).toHaveTextContent("It will not be shown again.");
    await user.click(within(shown).getByRole("button", { name: "Copy" }));
    expect(await navigator.clipboard.readText()).toBe("whs_first");
    expect(await within(shown).findByRole("button", { name: "Copied" })).toBeInTheDocument();
    expect(screen.getByText("Secret set")).toBeInTheDocument();
    expect(screen.getByText("Last rotated Dec 1, 2026, 9:30 AM (UTC)")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Rotate secret" })).toBeInTheDocument();

    // Coming back to the page shows that a secret is set, never the secret.
    unmount();
    render(card({ hasSecret: true, secretRotatedAt: rotatedAt }));
    expect(screen.getByText("Secret set")).toBeInTheDocument();
    expect(screen.queryByTestId("new-widget-secret")).not.toBeInTheDocument();
  });

  it("rotates a secret only once confirmed, and shows a refusal", async () => {
    const user = userEvent.setup();
    vi.mocked(rotateChatWidgetSecretAction).mockResolvedValue({ ok: false, error: { code: "RATE_LIMITED", message: "Rotated too often." } });
    render(card({ hasSecret: true, secretRotatedAt: new Date("2026-11-01T00:00:00Z") }));
    await user.click(screen.getByRole("button", { name: "Rotate secret" }));
    expect(await screen.findByText("Rotate the secret?")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(rotateChatWidgetSecretAction).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Rotate secret" }));
    await user.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Rotate secret" }));
    await waitFor(() => expect(rotateChatWidgetSecretAction).toHaveBeenCalledTimes(1));
    expect(await screen.findByRole("alert")).toHaveTextContent("Rotated too often.");
    expect(screen.queryByTestId("new-widget-secret")).not.toBeInTheDocument();
  });
});

describe("PauseSwitch", () => {
  it("switches at once, and puts the switch back with the reason when the server refuses", async () => {
    const user = userEvent.setup();
    vi.mocked(updateChatWidgetAction)
      .mockResolvedValueOnce({ ok: true, data: settings({ enabled: false }) })
      .mockResolvedValueOnce({ ok: false, error: { code: "FORBIDDEN", message: "Not allowed." } });
    render(<PauseSwitch slug="acme" enabled />);
    const toggle = screen.getByRole("switch", { name: "Chat widget on" });
    expect(toggle).toBeChecked();
    await user.click(toggle);
    expect(updateChatWidgetAction).toHaveBeenCalledWith("acme", { enabled: false });
    await waitFor(() => expect(screen.getByRole("switch", { name: "Chat widget off" })).not.toBeChecked());

    await user.click(screen.getByRole("switch"));
    expect(await screen.findByRole("alert")).toHaveTextContent("Not allowed.");
    await waitFor(() => expect(screen.getByRole("switch", { name: "Chat widget off" })).not.toBeChecked());
  });
});

describe("AppearanceForm", () => {
  it("checks the colour, shows the server's error beside the greeting, and reports a save", async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    vi.mocked(updateChatWidgetAction)
      .mockResolvedValueOnce({ ok: false, error: { code: "BAD_REQUEST", message: "Some fields are not valid", fieldErrors: { greeting: ["Keep it friendly"] } } })
      .mockResolvedValueOnce({ ok: true, data: settings({ color: "#112233", greeting: "Hello" }) });
    render(<AppearanceForm slug="acme" color="#4f46e5" greeting="Hi" onSaved={onSaved} />);
    await user.clear(screen.getByLabelText("Colour"));
    await user.type(screen.getByLabelText("Colour"), "blue");
    await user.click(screen.getByRole("button", { name: "Save appearance" }));
    expect(await screen.findByText("Use a colour such as #4f46e5")).toBeInTheDocument();
    expect(updateChatWidgetAction).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText("Colour"));
    await user.type(screen.getByLabelText("Colour"), "#112233");
    expect(screen.getByLabelText("Pick a colour")).toHaveValue("#112233");
    await user.click(screen.getByRole("button", { name: "Save appearance" }));
    expect(await screen.findByText("Keep it friendly")).toBeInTheDocument();

    await user.clear(screen.getByLabelText("Greeting"));
    await user.type(screen.getByLabelText("Greeting"), "Hello");
    await user.click(screen.getByRole("button", { name: "Save appearance" }));
    expect(await screen.findByText("Appearance saved.")).toBeInTheDocument();
    expect(updateChatWidgetAction).toHaveBeenLastCalledWith("acme", { color: "#112233", greeting: "Hello" });
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ color: "#112233" }));
  });
});

describe("installSnippet", () => {
  it("is the one line a website adds", () => {
    expect(installSnippet("https://app.example.com", "w_abcdefghijklmnop")).toBe(
      '<script src="https://app.example.com/widget.js" data-tenant="w_abcdefghijklmnop" async></script>',
    );
  });
});
