import { act, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ConfirmHost } from "@/components/ui/confirm";
import { feedItemView } from "@/test/feed-item-view";
import { createTestTrpc, renderWithTrpc } from "@/test/render";
import { deleteFeedItemAction, postAnnouncementAction, updateFeedItemAction } from "./feed-actions";
import { FeedView } from "./feed-view";

vi.mock("./feed-actions", () => ({
  postAnnouncementAction: vi.fn(),
  updateFeedItemAction: vi.fn(),
  deleteFeedItemAction: vi.fn(),
}));

const TEAM = "6f1c2b3a-0000-4000-8000-0000000000aa";
const now = Date.now();
const item = feedItemView;

const PAGE_1 = [
  item("1", { priority: "PINNED", title: "Holiday hours", body: "We close at **3 pm**. See [the plan](https://example.com/plan) or [cases](/cases).", author: { name: "Ada" }, audienceKind: "TEAM", audienceValue: TEAM }),
  item("2", { kind: "ALERT_FIRED", priority: "HIGH", title: "Email relay down", link: "/alerts?alert=a1" }),
];
const PAGE_2 = [item("3", { kind: "NEW_MEMBER", title: "Bob joined", expiresAt: new Date(now + 3_600_000) })];

function feedHandler(input: unknown) {
  const { cursor, kind } = input as { cursor?: string; kind?: string[] };
  if (kind) return { items: [...PAGE_1, ...PAGE_2].filter((i) => kind.includes(i.kind)), nextCursor: null };
  return cursor ? { items: PAGE_2, nextCursor: null } : { items: PAGE_1, nextCursor: "c2" };
}

function setup(props: Partial<React.ComponentProps<typeof FeedView>> = {}, handler: (input: unknown) => unknown = feedHandler) {
  const trpc = createTestTrpc({ "feed.list": handler });
  return renderWithTrpc(
    <>
      <FeedView slug="acme" canManage businessUnits={["EMEA"]} teams={[{ id: TEAM, name: "Billing" }]} {...props} />
      <ConfirmHost />
    </>,
    trpc,
  );
}

beforeEach(() => {
  for (const fn of [postAnnouncementAction, updateFeedItemAction, deleteFeedItemAction]) vi.mocked(fn).mockReset();
});

describe("FeedView", () => {
  it("shows items with their kind, priority, Markdown body, author and audience", async () => {
    setup();
    const pinned = await screen.findByRole("article", { name: "Announcement: Holiday hours" });
    expect(pinned).toHaveTextContent("Pinned");
    // The Markdown renderer loads on demand (next/dynamic), so the body appears a moment later.
    expect((await within(pinned).findByText("3 pm")).tagName).toBe("STRONG");
    // Links to other sites open apart from the app; links inside it do not.
    expect(within(pinned).getByRole("link", { name: "the plan" })).toHaveAttribute("target", "_blank");
    expect(within(pinned).getByRole("link", { name: "cases" })).not.toHaveAttribute("target");
    expect(pinned).toHaveTextContent("Posted by Ada · for Team Billing");
    const alert = screen.getByRole("article", { name: "Alert fired: Email relay down" });
    expect(alert).toHaveTextContent("High priority");
    expect(alert).toHaveTextContent("Posted by Caseboard · for Everyone");
    expect(within(alert).getByRole("link", { name: "Email relay down" })).toHaveAttribute("href", "/t/acme/alerts?alert=a1");
  });

  it("pages to older items", async () => {
    const { user, calls } = setup();
    await user.click(await screen.findByRole("button", { name: "Show older items" }));
    const joined = await screen.findByRole("article", { name: "New member: Bob joined" });
    expect(joined).toHaveTextContent(/expires in/);
    expect(calls.at(-1)!.input).toMatchObject({ cursor: "c2", limit: 20 });
    expect(screen.queryByRole("button", { name: "Show older items" })).not.toBeInTheDocument();
  });

  it("filters by kind and audience, and says when nothing matches", async () => {
    const { user, calls } = setup();
    await screen.findByText("Holiday hours");
    await user.click(await screen.findByRole("button", { name: "Escalation" }));
    expect(screen.getByRole("button", { name: "Escalation" })).toHaveAttribute("aria-pressed", "true");
    expect(await screen.findByText("Nothing of these kinds.")).toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: "Escalation" }));
    await user.selectOptions(screen.getByLabelText("Audience"), "TEAM");
    await waitFor(() => expect(calls.at(-1)!.input).toMatchObject({ limit: 20, audienceKind: "TEAM" }));
    expect(calls.at(-1)!.input).not.toHaveProperty("kind");
  });

  it("shows members the feed without managers' controls, and the empty feed", async () => {
    setup({ canManage: false }, () => ({ items: [], nextCursor: null }));
    expect(await screen.findByText("Nothing in the feed yet.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Post an announcement" })).not.toBeInTheDocument();
    expect(screen.queryByLabelText("Audience")).not.toBeInTheDocument();
  });

  it("says when the feed could not be loaded", async () => {
    setup({}, () => Promise.reject(new Error("down")));
    expect(await screen.findByRole("alert")).toHaveTextContent("The feed could not be loaded.");
  });

  it("pins, unpins and deletes items, and shows a refusal", async () => {
    vi.mocked(updateFeedItemAction).mockResolvedValueOnce({ ok: true, data: { id: "2" } }).mockResolvedValueOnce({ ok: false, error: { code: "CONFLICT", message: "Changed meanwhile." } });
    vi.mocked(deleteFeedItemAction).mockResolvedValue({ ok: true, data: { id: "2" } });
    const { user, calls } = setup();
    const alert = await screen.findByRole("article", { name: "Alert fired: Email relay down" });
    await user.click(await within(alert).findByRole("button", { name: "Pin" }));
    expect(updateFeedItemAction).toHaveBeenCalledWith({ id: "2", version: 1, priority: "PINNED" });
    // A change refetches the feed.
    await waitFor(() => expect(calls.filter((c) => c.path === "feed.list").length).toBeGreaterThan(1));
    const pinned = screen.getByRole("article", { name: "Announcement: Holiday hours" });
    await user.click(await within(pinned).findByRole("button", { name: "Unpin" }));
    expect(updateFeedItemAction).toHaveBeenLastCalledWith({ id: "1", version: 1, priority: "NORMAL" });
    expect(await within(pinned).findByRole("alert")).toHaveTextContent("Changed meanwhile.");

    await user.click(await within(alert).findByRole("button", { name: "Delete" }));
    expect(await screen.findByText("Delete “Email relay down”?")).toBeInTheDocument();
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(deleteFeedItemAction).toHaveBeenCalledWith({ id: "2" }));
  });

  it("drops an item from view the moment it expires", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      setup({ canManage: false }, () => ({ items: [item("x", { title: "Short lived", expiresAt: new Date(Date.now() + 5_000) })], nextCursor: null }));
      expect(await screen.findByText("Short lived")).toBeInTheDocument();
      await act(async () => {
        await vi.advanceTimersByTimeAsync(6_000);
      });
      expect(screen.queryByText("Short lived")).not.toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("AnnouncementForm (in the feed)", () => {
  it("checks the title and link with the procedure's schema", async () => {
    const { user } = setup();
    await user.click(await screen.findByRole("button", { name: "Post an announcement" }));
    const form = screen.getByRole("form", { name: "New announcement" });
    await user.type(within(form).getByLabelText("Title"), "Hi");
    await user.type(within(form).getByLabelText("Link (optional)"), "//evil.example");
    await user.click(await within(form).findByRole("button", { name: "Post" }));
    expect(await within(form).findByText("Use at least 3 characters")).toBeInTheDocument();
    expect(within(form).getByText(/Use a path inside the app/)).toBeInTheDocument();
    expect(postAnnouncementAction).not.toHaveBeenCalled();
  });

  it("posts to a team with an expiry, then closes and refreshes the feed", async () => {
    vi.mocked(postAnnouncementAction).mockResolvedValue({ ok: true, data: { id: "new" } });
    const { user, calls } = setup();
    await screen.findByText("Holiday hours");
    await user.click(await screen.findByRole("button", { name: "Post an announcement" }));
    const form = screen.getByRole("form", { name: "New announcement" });
    await user.type(within(form).getByLabelText("Title"), "Team lunch");
    await user.type(within(form).getByLabelText("Message"), "Friday, _noon_");
    await user.selectOptions(within(form).getByLabelText("Priority"), "HIGH");
    await user.selectOptions(within(form).getByLabelText("For"), "TEAM");
    await user.selectOptions(within(form).getByLabelText("Expires"), "In 1 day");
    await user.selectOptions(within(form).getByLabelText("Team"), "Billing");
    const before = calls.length;
    await user.click(await within(form).findByRole("button", { name: "Post" }));
    await waitFor(() => expect(postAnnouncementAction).toHaveBeenCalled());
    const sent = vi.mocked(postAnnouncementAction).mock.calls[0]![0];
    expect(sent).toMatchObject({ title: "Team lunch", body: "Friday, _noon_", link: null, priority: "HIGH", audienceKind: "TEAM", audienceValue: TEAM });
    expect(new Date(sent.expiresAt as string | Date).getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    await waitFor(() => expect(screen.queryByRole("form")).not.toBeInTheDocument());
    await waitFor(() => expect(calls.length).toBeGreaterThan(before));
  });

  it("asks for the audience's unit or role, offering only audiences that exist", async () => {
    vi.mocked(postAnnouncementAction).mockResolvedValue({ ok: false, error: { code: "VALIDATION", message: "Invalid", fieldErrors: { audienceValue: ["Choose a business unit"] } } });
    const { user } = setup({ teams: [] });
    await user.click(await screen.findByRole("button", { name: "Post an announcement" }));
    const form = screen.getByRole("form", { name: "New announcement" });
    expect(within(within(form).getByLabelText("For")).queryByRole("option", { name: "A team" })).not.toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText("For"), "ROLE");
    expect(within(form).getByRole("option", { name: "Agent and above" })).toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText("For"), "BUSINESS_UNIT");
    await user.type(within(form).getByLabelText("Title"), "EMEA news");
    await user.click(await within(form).findByRole("button", { name: "Post" }));
    expect(await within(form).findByText("Choose a business unit")).toBeInTheDocument();
    await user.click(await within(form).findByRole("button", { name: "Cancel" }));
    expect(screen.getByRole("button", { name: "Post an announcement" })).toBeInTheDocument();
  });
});
