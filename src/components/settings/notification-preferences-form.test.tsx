import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { NotificationPreferenceValue } from "@/lib/notification-kinds";
import { NotificationPreferencesForm } from "./notification-preferences-form";
import { updateNotificationPreferencesAction } from "./notification-preferences-actions";

vi.mock("./notification-preferences-actions", () => ({ updateNotificationPreferencesAction: vi.fn() }));

const initial: NotificationPreferenceValue[] = [
  { kind: "mention", inApp: true, email: "immediate" },
  { kind: "assigned", inApp: true, email: "off" },
];

beforeEach(() => {
  vi.mocked(updateNotificationPreferencesAction).mockReset();
});

describe("NotificationPreferencesForm", () => {
  it("shows a row per kind and when the digest goes out; Save waits for a change", async () => {
    const user = userEvent.setup();
    render(<NotificationPreferencesForm slug="acme" initial={initial} digestHour={8} />);
    expect(screen.getByLabelText("Mentions in the inbox")).toBeChecked();
    expect(screen.getByLabelText("Mentions by e-mail")).toHaveValue("immediate");
    expect(screen.getByText(/goes out at 08:00/)).toBeInTheDocument();
    const save = screen.getByRole("button", { name: "Save preferences" });
    expect(save).toBeDisabled();
    await user.click(screen.getByLabelText("Assignments in the inbox"));
    expect(save).toBeEnabled();
    // Changing it back leaves nothing to save.
    await user.click(screen.getByLabelText("Assignments in the inbox"));
    expect(save).toBeDisabled();
  });

  it("saves only the changed kinds and says so", async () => {
    const user = userEvent.setup();
    vi.mocked(updateNotificationPreferencesAction).mockImplementation(async (_slug, changed) => ({
      ok: true,
      data: { preferences: initial.map((p) => changed.find((c) => c.kind === p.kind) ?? p) },
    }));
    render(<NotificationPreferencesForm slug="acme" initial={initial} digestHour={17} />);
    await user.selectOptions(screen.getByLabelText("Assignments by e-mail"), "digest");
    await user.click(await screen.findByRole("button", { name: "Save preferences" }));
    expect(updateNotificationPreferencesAction).toHaveBeenCalledWith("acme", [{ kind: "assigned", inApp: true, email: "digest" }]);
    expect(await screen.findByRole("status")).toHaveTextContent("Preferences saved.");
    expect(screen.getByRole("button", { name: "Save preferences" })).toBeDisabled();
  });

  it("shows why saving failed", async () => {
    const user = userEvent.setup();
    vi.mocked(updateNotificationPreferencesAction).mockResolvedValue({ ok: false, error: { code: "FORBIDDEN", message: "Not allowed." } });
    render(<NotificationPreferencesForm slug="acme" initial={initial} digestHour={8} />);
    await user.click(screen.getByLabelText("Mentions in the inbox"));
    await user.click(await screen.findByRole("button", { name: "Save preferences" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Not allowed.");
  });
});
