import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ConfirmHost } from "@/components/ui/confirm";
import { ApiKeysPanel } from "./api-keys-panel";
import { MembersTable } from "./members-table";
import { createApiKeyAction, removeMemberAction, revokeApiKeyAction, updateMemberRoleAction } from "./settings-actions";

vi.mock("./settings-actions", () => ({
  createApiKeyAction: vi.fn(),
  revokeApiKeyAction: vi.fn(),
  updateMemberRoleAction: vi.fn(),
  removeMemberAction: vi.fn(),
}));

const day = 86_400_000;
const key = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  name: `Key ${id}`,
  prefix: `p${id}`,
  role: "AGENT" as const,
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: null,
  createdAt: new Date(Date.now() - 10 * day),
  createdBy: { id: "u1", name: "Ada" },
  ...over,
});

beforeEach(() => {
  for (const fn of [createApiKeyAction, revokeApiKeyAction, updateMemberRoleAction, removeMemberAction]) vi.mocked(fn).mockReset();
});

describe("ApiKeysPanel", () => {
  it("lists keys with their status: active, expired or revoked (which cannot be revoked again)", () => {
    render(
      <ApiKeysPanel
        slug="acme"
        myRole="ADMIN"
        keys={[key("1"), key("2", { expiresAt: new Date(Date.now() - day) }), key("3", { revokedAt: new Date(), createdBy: null })]}
      />,
    );
    const [, active, expired, revoked] = screen.getAllByRole("row");
    expect(active).toHaveTextContent("Key 1cb_p1_…agentAda");
    expect(within(active!).getByText("Active")).toBeInTheDocument();
    expect(within(expired!).getByText("Expired")).toBeInTheDocument();
    expect(within(revoked!).getByText("Revoked")).toBeInTheDocument();
    expect(revoked).toHaveTextContent("—");
    expect(within(revoked!).queryByRole("button", { name: "Revoke" })).not.toBeInTheDocument();
  });

  it("says when there are no keys, and offers only roles up to the member's own", () => {
    render(<ApiKeysPanel slug="acme" myRole="AGENT" keys={[]} />);
    expect(screen.getByText("No keys yet.")).toBeInTheDocument();
    const roles = within(screen.getByLabelText("Role")).getAllByRole("option").map((o) => o.textContent);
    expect(roles).toEqual(["Agent", "Viewer"]);
  });

  it("checks the name, creates a key and shows its secret once", async () => {
    const user = userEvent.setup();
    vi.mocked(createApiKeyAction).mockResolvedValue({ ok: true, data: { secret: "cb_abc_secret", prefix: "abc" } });
    render(<ApiKeysPanel slug="acme" myRole="OWNER" keys={[]} />);
    await user.type(screen.getByLabelText("Name"), "x");
    await user.click(await screen.findByRole("button", { name: "Create key" }));
    expect(await screen.findByText("Use at least 2 characters")).toBeInTheDocument();
    expect(createApiKeyAction).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText("Name"), "CRM sync");
    await user.selectOptions(screen.getByLabelText("Role"), "VIEWER");
    await user.selectOptions(screen.getByLabelText("Expires"), "Never");
    await user.click(await screen.findByRole("button", { name: "Create key" }));
    expect(createApiKeyAction).toHaveBeenCalledWith("acme", { name: "xCRM sync", role: "VIEWER", expiresInDays: null });
    expect(await screen.findByTestId("new-api-key")).toHaveTextContent("cb_abc_secret");
    expect(screen.getByRole("status")).toHaveTextContent("It will not be shown again.");
    // The form is cleared for the next key, keeping the choices.
    expect(screen.getByLabelText("Name")).toHaveValue("");
    expect(screen.getByLabelText("Role")).toHaveValue("VIEWER");
  });

  it("shows why the server refused to create a key", async () => {
    const user = userEvent.setup();
    vi.mocked(createApiKeyAction).mockResolvedValue({ ok: false, error: { code: "FORBIDDEN", message: "You cannot create keys." } });
    render(<ApiKeysPanel slug="acme" myRole="ADMIN" keys={[]} />);
    await user.type(screen.getByLabelText("Name"), "CRM sync");
    await user.click(await screen.findByRole("button", { name: "Create key" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("You cannot create keys.");
  });

  it("revokes a key only once confirmed", async () => {
    const user = userEvent.setup();
    vi.mocked(revokeApiKeyAction).mockResolvedValue({ ok: true, data: { id: "1" } });
    render(
      <>
        <ApiKeysPanel slug="acme" myRole="ADMIN" keys={[key("1")]} />
        <ConfirmHost />
      </>,
    );
    await user.click(await screen.findByRole("button", { name: "Revoke" }));
    expect(await screen.findByText("Revoke “Key 1”?")).toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(revokeApiKeyAction).not.toHaveBeenCalled();
    await user.click(await screen.findByRole("button", { name: "Revoke" }));
    await user.click(await screen.findByRole("button", { name: "Revoke key" }));
    await waitFor(() => expect(revokeApiKeyAction).toHaveBeenCalledWith("acme", "1"));
  });
});

const member = (userId: string, role: "OWNER" | "ADMIN" | "AGENT" | "VIEWER", over: Record<string, unknown> = {}) => ({
  userId,
  name: `Member ${userId}`,
  email: `${userId}@example.com`,
  role,
  joinedAt: new Date("2026-01-02T00:00:00Z"),
  lastActiveAt: null,
  ...over,
});

describe("MembersTable", () => {
  const members = [member("o", "OWNER"), member("a", "ADMIN"), member("g", "AGENT")];

  it("shows roles as badges, with no actions, to members who cannot manage", () => {
    render(<MembersTable slug="acme" members={members} myRole="AGENT" canManage={false} />);
    expect(screen.getByRole("heading", { name: "Members (3)" })).toBeInTheDocument();
    expect(screen.getByText("owner")).toBeInTheDocument();
    expect(screen.queryByRole("columnheader", { name: "Actions" })).not.toBeInTheDocument();
    expect(screen.queryByRole("combobox")).not.toBeInTheDocument();
  });

  it("lets an admin manage members up to their own role, not above", () => {
    render(<MembersTable slug="acme" members={members} myRole="ADMIN" canManage />);
    expect(screen.queryByLabelText("Role of Member o")).not.toBeInTheDocument();
    const select = screen.getByLabelText("Role of Member g");
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(["Admin", "Agent", "Viewer"]);
    expect(screen.getAllByRole("button", { name: "Remove" })).toHaveLength(2);
  });

  it("changes a role and says it saved; a refusal puts the old role back and shows why", async () => {
    const user = userEvent.setup();
    vi.mocked(updateMemberRoleAction)
      .mockResolvedValueOnce({ ok: true, data: { role: "VIEWER" } })
      .mockResolvedValueOnce({ ok: false, error: { code: "FORBIDDEN", message: "The last owner cannot be demoted." } });
    render(<MembersTable slug="acme" members={members} myRole="OWNER" canManage />);
    await user.selectOptions(screen.getByLabelText("Role of Member g"), "VIEWER");
    expect(updateMemberRoleAction).toHaveBeenCalledWith("acme", "g", "VIEWER");
    expect(await screen.findByText("Saved")).toBeInTheDocument();
    expect(screen.getByLabelText("Role of Member g")).toHaveValue("VIEWER");

    await user.selectOptions(screen.getByLabelText("Role of Member o"), "AGENT");
    expect(await screen.findByRole("alert")).toHaveTextContent("The last owner cannot be demoted.");
    await waitFor(() => expect(screen.getByLabelText("Role of Member o")).toHaveValue("OWNER"));
  });

  it("removes a member once confirmed, and shows a refusal", async () => {
    const user = userEvent.setup();
    vi.mocked(removeMemberAction).mockResolvedValue({ ok: false, error: { code: "FORBIDDEN", message: "Not allowed." } });
    render(
      <>
        <MembersTable slug="acme" members={[member("g", "AGENT")]} myRole="ADMIN" canManage />
        <ConfirmHost />
      </>,
    );
    await user.click(await screen.findByRole("button", { name: "Remove" }));
    await user.click(await screen.findByRole("button", { name: "Remove member" }));
    expect(removeMemberAction).toHaveBeenCalledWith("acme", "g");
    expect(await screen.findByRole("alert")).toHaveTextContent("Not allowed.");
  });
});
