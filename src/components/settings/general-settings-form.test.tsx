import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { router } from "@/test/next-navigation";
import { tenantSettingsSchema } from "@/lib/validations/tenant-settings";
import { CancelDeletionButton } from "./danger-zone-cancel-button";
import { DangerZone } from "./danger-zone";
import { cancelDeletionAction, scheduleDeletionAction, updateTenantAction, updateTenantSettingsAction } from "./general-actions";
import { GeneralNameForm } from "./general-name-form";
import { GeneralSettingsForm } from "./general-settings-form";

vi.mock("./general-actions", () => ({
  updateTenantAction: vi.fn(),
  updateTenantSettingsAction: vi.fn(),
  scheduleDeletionAction: vi.fn(),
  cancelDeletionAction: vi.fn(),
}));

const settings = tenantSettingsSchema.parse({ timeZone: "Europe/Berlin", businessUnits: ["EMEA"] });
const assignees = [{ userId: "0b5c3a4e-7f0a-4d8e-9a57-3f6f0a1b2c3d", name: "Ada" }];

beforeEach(() => {
  for (const fn of [updateTenantAction, updateTenantSettingsAction, scheduleDeletionAction, cancelDeletionAction]) vi.mocked(fn).mockReset();
});

describe("GeneralSettingsForm", () => {
  it("shows the current settings, read-only and without a save button for members who cannot manage", () => {
    render(<GeneralSettingsForm slug="acme" settings={settings} assignees={assignees} canManage={false} />);
    expect(screen.getByLabelText("Time zone")).toHaveValue("Europe/Berlin");
    expect(screen.getByLabelText("Time zone")).toBeDisabled();
    expect(screen.getByLabelText("Mon")).toBeChecked();
    expect(screen.getByLabelText("Sat")).not.toBeChecked();
    // Categories and business units are edited as lists beside this form (choice-list-editor).
    expect(screen.queryByLabelText("Business units")).not.toBeInTheDocument();
    expect(screen.getByLabelText("Escalation levels")).toHaveValue("Tier 2\nManagement");
    expect(screen.getByLabelText("Largest attachment (MB)")).toHaveValue(10);
    expect(screen.getByLabelText("Largest attachment (MB)")).toBeDisabled();
    expect(screen.queryByRole("button", { name: "Save settings" })).not.toBeInTheDocument();
  });

  it("keeps Save off until something changes, and checks the hours and lists with the procedure's schema", async () => {
    const user = userEvent.setup();
    render(<GeneralSettingsForm slug="acme" settings={settings} assignees={assignees} canManage />);
    const save = screen.getByRole("button", { name: "Save settings" });
    expect(save).toBeDisabled();
    for (const day of ["Mon", "Tue", "Wed", "Thu", "Fri"]) await user.click(screen.getByLabelText(day));
    await user.clear(screen.getByLabelText("Escalation levels"));
    await user.click(save);
    expect(await screen.findAllByRole("alert")).toHaveLength(2);
    expect(screen.getByLabelText("Escalation levels")).toHaveAttribute("aria-invalid", "true");
    expect(updateTenantSettingsAction).not.toHaveBeenCalled();
  });

  it("saves its own settings as the procedure takes them, leaving the lists out, and says so", async () => {
    const user = userEvent.setup();
    vi.mocked(updateTenantSettingsAction).mockImplementation(async (_slug, values) => ({ ok: true, data: { ...settings, ...values, ai: settings.ai, trending: settings.trending } }));
    render(<GeneralSettingsForm slug="acme" settings={settings} assignees={assignees} canManage />);
    await user.click(screen.getByLabelText("Sat"));
    await user.type(screen.getByLabelText("Escalation levels"), "\n  Legal  \n\n");
    await user.selectOptions(screen.getByLabelText("Default assignee"), "Ada");
    await user.selectOptions(screen.getByLabelText("Language of the cases"), "Mixed (no stemming)");
    await user.clear(screen.getByLabelText("Largest attachment (MB)"));
    await user.type(screen.getByLabelText("Largest attachment (MB)"), "25");
    await user.click(await screen.findByRole("button", { name: "Save settings" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Settings saved.");
    expect(updateTenantSettingsAction).toHaveBeenCalledWith("acme", {
      timeZone: settings.timeZone,
      workingHours: { ...settings.workingHours, days: [1, 2, 3, 4, 5, 6] },
      escalationLevels: [...settings.escalationLevels, "Legal"],
      defaultAssigneeId: assignees[0]!.userId,
      textLanguage: "simple",
      attachmentMaxMb: 25,
    });
    // Saved: nothing left to save.
    expect(screen.getByRole("button", { name: "Save settings" })).toBeDisabled();
  });

  it("takes a whole number of MB from 1 to 100 as the largest attachment", async () => {
    const user = userEvent.setup();
    render(<GeneralSettingsForm slug="acme" settings={settings} assignees={assignees} canManage />);
    const size = screen.getByLabelText("Largest attachment (MB)");
    for (const [typed, error] of [
      ["0", "Use at least 1 MB"],
      ["101", "Use at most 100 MB"],
      ["2.5", "Enter a whole number of MB, from 1 to 100"],
      ["", "Enter a whole number of MB, from 1 to 100"],
    ] as const) {
      await user.clear(size);
      if (typed) await user.type(size, typed);
      await user.click(screen.getByRole("button", { name: "Save settings" }));
      expect(await screen.findByRole("alert")).toHaveTextContent(error);
      expect(size).toHaveAttribute("aria-invalid", "true");
    }
    expect(updateTenantSettingsAction).not.toHaveBeenCalled();
  });

  it("puts the server's field errors on their inputs, or shows its message", async () => {
    const user = userEvent.setup();
    vi.mocked(updateTenantSettingsAction)
      .mockResolvedValueOnce({ ok: false, error: { code: "VALIDATION", message: "Invalid", fieldErrors: { "workingHours.end": ["End must be after start"] } } })
      .mockResolvedValueOnce({ ok: false, error: { code: "FORBIDDEN", message: "You cannot change settings." } });
    render(<GeneralSettingsForm slug="acme" settings={settings} assignees={assignees} canManage />);
    await user.click(screen.getByLabelText("Sun"));
    await user.click(await screen.findByRole("button", { name: "Save settings" }));
    expect(await screen.findByText("End must be after start")).toBeInTheDocument();
    expect(screen.getByLabelText("End")).toHaveAttribute("aria-invalid", "true");
    await user.click(await screen.findByRole("button", { name: "Save settings" }));
    expect(await screen.findByText("You cannot change settings.")).toBeInTheDocument();
  });

  it("keeps a stored time zone the browser does not list", () => {
    render(<GeneralSettingsForm slug="acme" settings={{ ...settings, timeZone: "Mars/Olympus_Mons" }} assignees={[]} canManage={false} />);
    expect(screen.getByLabelText("Time zone")).toHaveValue("Mars/Olympus_Mons");
    expect(screen.getByRole("option", { name: "Mars/Olympus Mons" })).toBeInTheDocument();
  });
});

describe("GeneralNameForm", () => {
  it("says where links will redirect when the address changes, and saves", async () => {
    const user = userEvent.setup();
    vi.mocked(updateTenantAction).mockResolvedValue({ ok: true, data: { slug: "acme-eu", name: "Acme EU" } });
    render(<GeneralNameForm slug="acme" name="Acme" canManage />);
    expect(screen.getByText("Your workspace lives at /t/acme")).toBeInTheDocument();
    await user.clear(screen.getByLabelText("Address"));
    await user.type(screen.getByLabelText("Address"), "acme-eu");
    expect(screen.getByText("Links to /t/acme/… will redirect to /t/acme-eu/…")).toBeInTheDocument();
    await user.type(screen.getByLabelText("Organisation name"), " EU");
    await user.click(await screen.findByRole("button", { name: "Save" }));
    expect(updateTenantAction).toHaveBeenCalledWith("acme", { name: "Acme EU", slug: "acme-eu" });
    expect(await screen.findByRole("status")).toHaveTextContent("Saved.");
  });

  it("refuses a reserved or malformed address before asking the server, and shows the server's errors", async () => {
    const user = userEvent.setup();
    vi.mocked(updateTenantAction)
      .mockResolvedValueOnce({ ok: false, error: { code: "CONFLICT", message: "Taken", fieldErrors: { slug: ["That address is taken"] } } })
      .mockResolvedValueOnce({ ok: false, error: { code: "INTERNAL_SERVER_ERROR", message: "Something went wrong.", requestId: "req-1" } });
    render(<GeneralNameForm slug="acme" name="Acme" canManage />);
    const address = screen.getByLabelText("Address");
    await user.clear(address);
    await user.type(address, "admin");
    await user.click(await screen.findByRole("button", { name: "Save" }));
    expect(await screen.findByText("This address is reserved")).toBeInTheDocument();
    await user.clear(address);
    await user.type(address, "Bad Slug!");
    await user.click(await screen.findByRole("button", { name: "Save" }));
    expect(await screen.findByText(/Use lower-case letters/)).toBeInTheDocument();
    expect(updateTenantAction).not.toHaveBeenCalled();

    await user.clear(address);
    await user.type(address, "acme-two");
    await user.click(await screen.findByRole("button", { name: "Save" }));
    expect(await screen.findByText("That address is taken")).toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: "Save" }));
    expect(await screen.findByText("Something went wrong. (request req-1)")).toBeInTheDocument();
  });

  it("is read-only for members who cannot manage", () => {
    render(<GeneralNameForm slug="acme" name="Acme" canManage={false} />);
    expect(screen.getByLabelText("Organisation name")).toBeDisabled();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });
});

describe("DangerZone", () => {
  it("deletes only once the address is typed out", async () => {
    const user = userEvent.setup();
    vi.mocked(scheduleDeletionAction).mockResolvedValue({ ok: false, error: { code: "FORBIDDEN", message: "Only owners can delete." } });
    render(<DangerZone slug="acme" name="Acme" graceDays={1} />);
    expect(screen.getByText(/After 1 day every case/)).toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: "Delete organisation…" }));
    const confirm = screen.getByRole("button", { name: "Delete this organisation" });
    expect(confirm).toBeDisabled();
    await user.type(screen.getByLabelText("Type acme to confirm"), "acm");
    expect(confirm).toBeDisabled();
    await user.type(screen.getByLabelText("Type acme to confirm"), "e");
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    expect(scheduleDeletionAction).toHaveBeenCalledWith("acme", "acme");
    expect(await screen.findByRole("alert")).toHaveTextContent("Only owners can delete.");

    await user.click(await screen.findByRole("button", { name: "Keep it" }));
    expect(screen.queryByLabelText("Type acme to confirm")).not.toBeInTheDocument();
  });

  it("counts the grace period in days", () => {
    render(<DangerZone slug="acme" name="Acme" graceDays={30} />);
    expect(screen.getByText(/After 30 days every case, customer, file and audit record of Acme/)).toBeInTheDocument();
  });
});

describe("CancelDeletionButton", () => {
  it("cancels the deletion and goes back to the settings, or shows why it could not", async () => {
    const user = userEvent.setup();
    vi.mocked(cancelDeletionAction).mockResolvedValueOnce({ ok: false, error: { code: "FORBIDDEN", message: "Only owners can cancel." } }).mockResolvedValueOnce({ ok: true, data: { deletionScheduledFor: null } });
    render(<CancelDeletionButton slug="acme" />);
    await user.click(await screen.findByRole("button", { name: "Cancel deletion" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Only owners can cancel.");
    expect(router.push).not.toHaveBeenCalled();
    await user.click(await screen.findByRole("button", { name: "Cancel deletion" }));
    await waitFor(() => expect(router.push).toHaveBeenCalledWith("/t/acme/settings/general"));
    expect(router.refresh).toHaveBeenCalled();
  });
});
