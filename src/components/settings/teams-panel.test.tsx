import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ConfirmHost } from "@/components/ui/confirm";
import { createTestTrpc, renderWithTrpc } from "@/test/render";
import { createTeamAction, deleteTeamAction, setTeamAvailabilityAction, updateTeamAction } from "./teams-actions";
import { TeamsPanel, type Team } from "./teams-panel";

vi.mock("./teams-actions", () => ({
  createTeamAction: vi.fn(),
  updateTeamAction: vi.fn(),
  deleteTeamAction: vi.fn(),
  setTeamAvailabilityAction: vi.fn(),
}));

const ADA = "6f1c2b3a-0000-4000-8000-000000000001";
const BOB = "6f1c2b3a-0000-4000-8000-000000000002";
const CY = "6f1c2b3a-0000-4000-8000-000000000003";
const TEAM_ID = "6f1c2b3a-0000-4000-8000-0000000000aa";

const team = (over: Partial<Team> = {}): Team => ({
  id: TEAM_ID,
  name: "Billing",
  description: "Invoices and refunds",
  businessUnit: "EMEA",
  defaultChannel: "EMAIL",
  autoAssign: true,
  members: [
    { id: ADA, name: "Ada", available: true, online: false },
    { id: BOB, name: "Bob", available: false, online: true },
  ],
  ...over,
});
const candidates = [
  { userId: ADA, name: "Ada" },
  { userId: BOB, name: "Bob" },
  { userId: CY, name: "Cy" },
];

function setup(props: Partial<React.ComponentProps<typeof TeamsPanel>> = {}, online: string[] | null = [ADA]) {
  // Who is online comes from the live query; null leaves it unanswered (the page's own figures count).
  const trpc = createTestTrpc(online ? { "realtime.online": () => online.map((userId) => ({ userId })) } : { "realtime.online": () => new Promise(() => {}) });
  return renderWithTrpc(
    <>
      <TeamsPanel slug="acme" teams={[team()]} candidates={candidates} businessUnits={["EMEA"]} canManage myId={BOB} {...props} />
      <ConfirmHost />
    </>,
    trpc,
  );
}

beforeEach(() => {
  for (const fn of [createTeamAction, updateTeamAction, deleteTeamAction, setTeamAvailabilityAction]) vi.mocked(fn).mockReset();
});

describe("TeamsPanel", () => {
  it("describes each team and who in it is online and available", async () => {
    setup({ canManage: false });
    expect(screen.getByRole("heading", { name: "Teams (1)" })).toBeInTheDocument();
    expect(screen.getByText("Invoices and refunds")).toBeInTheDocument();
    expect(screen.getByText("New email cases")).toBeInTheDocument();
    expect(screen.getByText("Round-robin")).toBeInTheDocument();
    const [ada, bob] = within(screen.getByRole("list", { name: "Members of Billing" })).getAllByRole("listitem");
    // The live list says Ada is online now (the page said she was not).
    await waitFor(() => expect(within(ada!).getByRole("img")).toHaveAccessibleName("Online"));
    expect(within(bob!).getByRole("img")).toHaveAccessibleName("Offline");
    expect(bob).toHaveTextContent("(you)");
    // Without manage rights, only the member's own availability can be changed.
    expect(within(ada!).getByRole("switch")).toBeDisabled();
    expect(within(bob!).getByRole("switch")).toBeEnabled();
    expect(screen.queryByRole("button", { name: "New team" })).not.toBeInTheDocument();
  });

  it("uses the page's online figures until the live list arrives", () => {
    setup({ canManage: false }, null);
    const [ada, bob] = within(screen.getByRole("list", { name: "Members of Billing" })).getAllByRole("listitem");
    expect(within(ada!).getByRole("img")).toHaveAccessibleName("Offline");
    expect(within(bob!).getByRole("img")).toHaveAccessibleName("Online");
  });

  it("shows the empty states", () => {
    setup({ teams: [team({ members: [], businessUnit: null, defaultChannel: null, autoAssign: false, description: "" })], canManage: false });
    expect(screen.getByText("No members yet.")).toBeInTheDocument();
    expect(screen.queryByText("Round-robin")).not.toBeInTheDocument();
  });

  it("says how to start when there are no teams, to managers only", () => {
    const { unmount } = setup({ teams: [] });
    expect(screen.getByText("No teams yet. Create one to route cases of a channel to a group of people.")).toBeInTheDocument();
    unmount();
    setup({ teams: [], canManage: false });
    expect(screen.getByText("No teams yet.")).toBeInTheDocument();
  });

  it("switches a member's availability and shows a refusal", async () => {
    vi.mocked(setTeamAvailabilityAction).mockResolvedValue({ ok: false, error: { code: "FORBIDDEN", message: "Not your team." } });
    const { user } = setup();
    await user.click(screen.getByRole("switch", { name: /Available for automatic assignment: Bob/ }));
    expect(setTeamAvailabilityAction).toHaveBeenCalledWith("acme", TEAM_ID, BOB, true);
    expect(await screen.findByRole("alert")).toHaveTextContent("Not your team.");
  });

  it("creates a team with its members", async () => {
    vi.mocked(createTeamAction).mockResolvedValue({ ok: true, data: { id: "new" } });
    const { user } = setup({ teams: [] });
    await user.click(await screen.findByRole("button", { name: "New team" }));
    const form = screen.getByRole("form", { name: "New team" });
    expect(screen.queryByText(/No teams yet/)).not.toBeInTheDocument();
    await user.type(within(form).getByLabelText("Name"), "Support");
    await user.selectOptions(within(form).getByLabelText("Business unit"), "EMEA");
    await user.selectOptions(within(form).getByLabelText("New cases from"), "CHAT");
    await user.click(within(form).getByLabelText(/Assign new cases round-robin/));
    await user.click(within(form).getByRole("checkbox", { name: "Cy" }));
    await user.click(await within(form).findByRole("button", { name: "Create team" }));
    expect(createTeamAction).toHaveBeenCalledWith("acme", { name: "Support", description: "", businessUnit: "EMEA", defaultChannel: "CHAT", autoAssign: true, memberIds: [CY] });
    await waitFor(() => expect(screen.queryByRole("form")).not.toBeInTheDocument());
  });

  it("checks the name, and shows the server's refusal", async () => {
    vi.mocked(createTeamAction).mockResolvedValue({ ok: false, error: { code: "CONFLICT", message: "Another team takes email cases." } });
    const { user } = setup({ teams: [], businessUnits: [] });
    await user.click(await screen.findByRole("button", { name: "New team" }));
    const form = screen.getByRole("form", { name: "New team" });
    expect(within(form).getByLabelText("Business unit")).toBeDisabled();
    expect(within(form).getByText("Add business units in the general settings to use them here.")).toBeInTheDocument();
    await user.type(within(form).getByLabelText("Name"), "S");
    await user.click(await within(form).findByRole("button", { name: "Create team" }));
    expect(await within(form).findByText("Use at least 2 characters")).toBeInTheDocument();
    await user.type(within(form).getByLabelText("Name"), "upport");
    await user.click(await within(form).findByRole("button", { name: "Create team" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("Another team takes email cases.");
    await user.click(await within(form).findByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
  });

  it("edits a team, sending the members only when they changed", async () => {
    vi.mocked(updateTeamAction).mockResolvedValue({ ok: true, data: { id: TEAM_ID } });
    const { user } = setup();
    await user.click(await screen.findByRole("button", { name: "Edit" }));
    let form = screen.getByRole("form", { name: "Edit team Billing" });
    expect(within(form).getByLabelText("Business unit")).toHaveValue("EMEA");
    expect(within(form).getByRole("checkbox", { name: "Ada" })).toBeChecked();
    await user.clear(within(form).getByLabelText("Description"));
    await user.click(await within(form).findByRole("button", { name: "Save team" }));
    expect(updateTeamAction).toHaveBeenLastCalledWith("acme", { id: TEAM_ID, name: "Billing", description: "", businessUnit: "EMEA", defaultChannel: "EMAIL", autoAssign: true });

    await waitFor(() => expect(screen.queryByRole("form")).not.toBeInTheDocument());
    await user.click(await screen.findByRole("button", { name: "Edit" }));
    form = screen.getByRole("form", { name: "Edit team Billing" });
    await user.click(within(form).getByRole("checkbox", { name: "Bob" }));
    await user.click(await within(form).findByRole("button", { name: "Save team" }));
    expect(updateTeamAction).toHaveBeenLastCalledWith("acme", expect.objectContaining({ memberIds: [ADA] }));
  });

  it("deletes a team once confirmed", async () => {
    vi.mocked(deleteTeamAction).mockResolvedValue({ ok: true, data: { id: TEAM_ID } });
    const { user } = setup();
    await user.click(await screen.findByRole("button", { name: "Delete" }));
    expect(await screen.findByText("Delete the team Billing?")).toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: "Delete team" }));
    await waitFor(() => expect(deleteTeamAction).toHaveBeenCalledWith("acme", TEAM_ID));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});
