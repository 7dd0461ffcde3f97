import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ConfirmHost } from "@/components/ui/confirm";
import { createInvitationAction, resendInvitationAction, revokeInvitationAction } from "./invitations-actions";
import { InvitationsPanel, type InvitationItem } from "./invitations-panel";

vi.mock("./invitations-actions", () => ({
  createInvitationAction: vi.fn(),
  resendInvitationAction: vi.fn(),
  revokeInvitationAction: vi.fn(),
}));

const inv = (id: string, over: Partial<InvitationItem> = {}): InvitationItem => ({
  id,
  email: `${id}@example.com`,
  role: "AGENT",
  status: "pending",
  expiresAt: new Date("2026-12-07T00:00:00Z"),
  acceptedAt: null,
  lastSentAt: new Date(Date.now() - 3_600_000),
  sendCount: 1,
  invitedBy: { id: "u1", name: "Ada" },
  ...over,
});

function setup(props: Partial<React.ComponentProps<typeof InvitationsPanel>> = {}) {
  const user = userEvent.setup();
  render(
    <>
      <InvitationsPanel slug="acme" myRole="ADMIN" items={[inv("pat")]} nextCursor={null} {...props} />
      <ConfirmHost />
    </>,
  );
  return user;
}

beforeEach(() => {
  for (const fn of [createInvitationAction, resendInvitationAction, revokeInvitationAction]) vi.mocked(fn).mockReset();
});

describe("InvitationsPanel", () => {
  it("lists invitations with what can be done to each", () => {
    setup({
      items: [
        inv("pat", { sendCount: 3 }),
        inv("exp", { status: "expired", invitedBy: null }),
        inv("acc", { status: "accepted", acceptedAt: new Date("2026-11-02T00:00:00Z") }),
        inv("own", { role: "OWNER" }),
      ],
      nextCursor: "c/2",
    });
    const [pending, expired, accepted, owner] = screen.getAllByTestId("invitation-row");
    expect(pending).toHaveTextContent("3×");
    expect(within(pending!).getByRole("button", { name: "Resend" })).toBeInTheDocument();
    expect(within(pending!).getByRole("button", { name: "Revoke" })).toBeInTheDocument();
    // An expired link can be sent again but there is nothing to revoke.
    expect(within(expired!).getByRole("button", { name: "Resend" })).toBeInTheDocument();
    expect(within(expired!).queryByRole("button", { name: "Revoke" })).not.toBeInTheDocument();
    expect(expired).toHaveTextContent("—");
    expect(accepted).toHaveTextContent("Joined");
    expect(within(accepted!).queryByRole("button")).not.toBeInTheDocument();
    // An admin cannot act on an owner's invitation.
    expect(within(owner!).queryByRole("button")).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Older invitations →" })).toHaveAttribute("href", "/t/acme/settings/invitations?cursor=c%2F2");
  });

  it("says when there are none, and offers roles up to the inviter's own", () => {
    setup({ items: [], myRole: "AGENT" });
    expect(screen.getByText("No invitations yet.")).toBeInTheDocument();
    expect(within(screen.getByLabelText("Role")).getAllByRole("option").map((o) => o.textContent)).toEqual(["Agent", "Viewer"]);
  });

  it("checks the address, invites, and says the mail went out", async () => {
    vi.mocked(createInvitationAction).mockResolvedValue({ ok: true, data: { email: "new@example.com", url: "https://x/invite/t", delivered: true } });
    const user = setup();
    await user.type(screen.getByLabelText("Email"), "not-an-address");
    await user.click(await screen.findByRole("button", { name: "Send invitation" }));
    expect(await screen.findByRole("alert")).toBeInTheDocument();
    expect(createInvitationAction).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText("Email"));
    await user.type(screen.getByLabelText("Email"), "new@example.com");
    await user.selectOptions(screen.getByLabelText("Role"), "VIEWER");
    await user.click(await screen.findByRole("button", { name: "Send invitation" }));
    expect(createInvitationAction).toHaveBeenCalledWith("acme", { email: "new@example.com", role: "VIEWER" });
    expect(await screen.findByRole("status")).toHaveTextContent("Invitation sent to new@example.com.");
    expect(screen.getByLabelText("Email")).toHaveValue("");
  });

  it("shows the link to copy when no mail could be sent", async () => {
    vi.mocked(resendInvitationAction).mockResolvedValue({ ok: true, data: { email: "pat@example.com", url: "https://x/invite/abc", delivered: false } });
    const user = setup();
    await user.click(await screen.findByRole("button", { name: "Resend" }));
    expect(await screen.findByTestId("invitation-link")).toHaveTextContent("https://x/invite/abc");
    expect(screen.getByRole("status")).toHaveTextContent("Mail is not configured, so nothing was sent.");
    await user.click(await screen.findByRole("button", { name: "Copy link" }));
    // user-event stands in for the clipboard.
    expect(await navigator.clipboard.readText()).toBe("https://x/invite/abc");
    expect(await screen.findByRole("button", { name: "Copied" })).toBeInTheDocument();
  });

  it("shows a server refusal for the invitation form and for a row", async () => {
    vi.mocked(createInvitationAction).mockResolvedValue({ ok: false, error: { code: "CONFLICT", message: "Already a member." } });
    vi.mocked(resendInvitationAction).mockResolvedValue({ ok: false, error: { code: "RATE_LIMITED", message: "Sent too often." } });
    const user = setup();
    await user.type(screen.getByLabelText("Email"), "pat@example.com");
    await user.click(await screen.findByRole("button", { name: "Send invitation" }));
    expect(await screen.findByText("Already a member.")).toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: "Resend" }));
    expect(await screen.findByText("Sent too often.")).toBeInTheDocument();
  });

  it("withdraws an invitation once confirmed", async () => {
    vi.mocked(revokeInvitationAction).mockResolvedValue({ ok: true, data: { id: "pat" } });
    const user = setup();
    await user.click(await screen.findByRole("button", { name: "Revoke" }));
    expect(await screen.findByText("Withdraw the invitation of pat@example.com?")).toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: "Withdraw" }));
    await waitFor(() => expect(revokeInvitationAction).toHaveBeenCalledWith("acme", "pat"));
  });
});
