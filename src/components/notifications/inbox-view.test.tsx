import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { router } from "@/test/next-navigation";
import { createTestTrpc, renderWithTrpc } from "@/test/render";
import { InboxView } from "./inbox-view";
import { NotificationBell } from "./notification-bell";
import { markNotificationsReadAction, snoozeNotificationsAction, updateNotificationsAction } from "./notification-actions";

vi.mock("./notification-actions", () => ({
  markNotificationsReadAction: vi.fn(async () => ({ ok: true, data: { updated: 1 } })),
  updateNotificationsAction: vi.fn(async () => ({ ok: true, data: { updated: 1 } })),
  snoozeNotificationsAction: vi.fn(async () => ({ ok: true, data: { updated: 1 } })),
}));

const now = Date.now();
const item = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  type: "mention",
  case: { number: 7, title: "Printer on fire" },
  actor: { name: "Ada" },
  view: null,
  alert: null,
  note: null,
  readAt: null,
  snoozedUntil: null,
  createdAt: new Date(now - 120_000),
  ...over,
});

const OPEN = [
  item("n1"),
  item("n2", { type: "share", case: null, view: { id: "v1", name: "Urgent EMEA" }, note: "Have a look", readAt: new Date(now - 1000) }),
  item("n3", { type: "escalated", actor: null, note: "Waited 15 minutes" }),
];
const SNOOZED = [item("s1", { type: "reply", snoozedUntil: new Date(now + 3_600_000) })];

function lists(input: unknown) {
  const { view, limit } = input as { view?: string; limit: number };
  if (view === "snoozed") return { items: SNOOZED, unreadCount: 2 };
  if (view === "done") return { items: [], unreadCount: 2 };
  return { items: OPEN.slice(0, limit), unreadCount: 2 };
}

const rows = () => within(screen.getByRole("list", { name: "Inbox items" })).getAllByRole("listitem");

beforeEach(() => {
  vi.mocked(updateNotificationsAction).mockClear();
  vi.mocked(snoozeNotificationsAction).mockClear();
  vi.mocked(markNotificationsReadAction).mockClear();
});

describe("InboxView", () => {
  it("lists open items in words with their case, note and unread mark", async () => {
    renderWithTrpc(<InboxView slug="acme" />, createTestTrpc({ "notifications.list": lists }));
    await screen.findByText("Ada mentioned you on #7");
    expect(screen.getByRole("tab", { name: "Open 2" })).toHaveAttribute("aria-selected", "true");
    const [mention, share, escalated] = rows();
    expect(within(mention!).getByLabelText("Unread")).toBeInTheDocument();
    expect(mention).toHaveTextContent("Printer on fire");
    expect(within(share!).getByRole("link")).toHaveAttribute("href", "/t/acme/views/v1");
    expect(share).toHaveTextContent("Ada shared the view “Urgent EMEA” with you");
    expect(share).toHaveTextContent("Note: Have a look");
    expect(within(share!).queryByLabelText("Unread")).not.toBeInTheDocument();
    expect(escalated).toHaveTextContent("#7 was escalated");
    expect(escalated).toHaveTextContent("Reason: Waited 15 minutes");
  });

  it("shows each view's empty state and the error", async () => {
    const { user } = renderWithTrpc(<InboxView slug="acme" />, createTestTrpc({ "notifications.list": (i) => ({ ...lists(i), items: (i as { view: string }).view === "snoozed" ? SNOOZED : [] }) }));
    expect(await screen.findByText("All clear")).toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "Done" }));
    expect(await screen.findByText("Nothing done yet")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Move to open" })).toBeDisabled();
    expect(screen.queryByRole("button", { name: /Snooze/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "Snoozed" }));
    // A snoozed item shows when it comes back.
    expect(await screen.findByText(/^until /)).toBeInTheDocument();

    renderWithTrpc(<InboxView slug="acme" />, createTestTrpc({ "notifications.list": () => Promise.reject(new Error("down")) }));
    expect(await screen.findByText("Could not load the inbox.")).toBeInTheDocument();
  });

  it("marks the highlighted item done, and ticked items read or unread", async () => {
    const { user } = renderWithTrpc(<InboxView slug="acme" />, createTestTrpc({ "notifications.list": lists }));
    await screen.findByText("Ada mentioned you on #7");
    expect(screen.getByText("Acting on the highlighted item")).toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: /Done/ }));
    expect(updateNotificationsAction).toHaveBeenLastCalledWith({ ids: ["n1"], action: "done" });
    expect(await screen.findByText("Done: 1")).toBeInTheDocument();

    // n2 is read: with only read items targeted, the button marks unread.
    await user.click(screen.getByRole("checkbox", { name: /Select: Ada shared/ }));
    expect(screen.getByText("1 selected")).toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: /Mark unread/ }));
    expect(updateNotificationsAction).toHaveBeenLastCalledWith({ ids: ["n2"], action: "unread" });
    expect(await screen.findByText("Marked unread: 1")).toBeInTheDocument();

    await user.click(screen.getByRole("checkbox", { name: /Select: Ada shared/ }));
    await user.click(screen.getByRole("checkbox", { name: /Select: #7 was escalated/ }));
    await user.click(await screen.findByRole("button", { name: /Mark read/ }));
    expect(updateNotificationsAction).toHaveBeenLastCalledWith({ ids: ["n2", "n3"], action: "read" });
  });

  it("works from the keyboard: j/k, x, u, e, s and Enter", async () => {
    vi.mocked(updateNotificationsAction).mockResolvedValueOnce({ ok: false, error: { code: "CONFLICT", message: "Could not update." } });
    const { user } = renderWithTrpc(<InboxView slug="acme" />, createTestTrpc({ "notifications.list": lists }));
    await screen.findByText("Ada mentioned you on #7");
    await user.keyboard("j");
    expect(rows()[1]).toHaveAttribute("aria-current", "true");
    await user.keyboard("u");
    expect(updateNotificationsAction).toHaveBeenLastCalledWith({ ids: ["n2"], action: "unread" });
    expect(await screen.findByText("Could not update.")).toBeInTheDocument();
    await user.keyboard("k");
    await user.keyboard("u");
    expect(updateNotificationsAction).toHaveBeenLastCalledWith({ ids: ["n1"], action: "read" });
    await user.keyboard("x");
    await user.keyboard("e");
    expect(updateNotificationsAction).toHaveBeenLastCalledWith({ ids: ["n1"], action: "done" });

    await user.keyboard("s");
    const menu = await screen.findByRole("menu", { name: "Snooze until" });
    await user.click(within(menu).getByRole("menuitem", { name: "In 3 hours" }));
    const until = vi.mocked(snoozeNotificationsAction).mock.calls[0]![0].until!;
    expect(until.getTime() - Date.now()).toBeGreaterThan(2.9 * 3_600_000);
    expect(await screen.findByText("Snoozed: 1")).toBeInTheDocument();

    // Enter opens the highlighted item and marks it read.
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard("{Enter}");
    expect(router.push).toHaveBeenCalledWith("/t/acme/cases/7");
    expect(updateNotificationsAction).toHaveBeenLastCalledWith({ ids: ["n1"], action: "read" });
  });

  it("brings snoozed items back, and moves done ones to open", async () => {
    const { user } = renderWithTrpc(<InboxView slug="acme" />, createTestTrpc({ "notifications.list": (i) => ((i as { view: string }).view === "done" ? { items: [item("d1")], unreadCount: 0 } : lists(i)) }));
    await screen.findByText("Ada mentioned you on #7");
    await user.click(screen.getByRole("tab", { name: "Snoozed" }));
    await screen.findByText("Ada replied on #7");
    await user.click(await screen.findByRole("button", { name: /Snooze/ }));
    await user.click(screen.getByRole("menuitem", { name: "Back to the inbox now" }));
    expect(snoozeNotificationsAction).toHaveBeenCalledWith({ ids: ["s1"], until: null });
    expect(await screen.findByText("Back in the inbox: 1")).toBeInTheDocument();

    await user.click(screen.getByRole("tab", { name: "Done" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Move to open" })).toBeEnabled());
    await user.click(await screen.findByRole("button", { name: "Move to open" }));
    expect(updateNotificationsAction).toHaveBeenLastCalledWith({ ids: ["d1"], action: "undone" });
    expect(await screen.findByText("Moved back to open: 1")).toBeInTheDocument();
  });

  it("marks an unread item read when its link is followed", async () => {
    const { user } = renderWithTrpc(<InboxView slug="acme" />, createTestTrpc({ "notifications.list": lists }));
    const link = await screen.findByRole("link", { name: "Ada mentioned you on #7" });
    link.addEventListener("click", (e) => e.preventDefault());
    await user.click(link);
    expect(updateNotificationsAction).toHaveBeenCalledWith({ ids: ["n1"], action: "read" });
  });
});

describe("NotificationBell", () => {
  it("shows the unread count, lists the latest and marks all read", async () => {
    const { user, calls } = renderWithTrpc(<NotificationBell slug="acme" />, createTestTrpc({ "notifications.list": lists }));
    const bell = await screen.findByRole("button", { name: "Notifications, 2 unread" });
    expect(bell).toHaveTextContent("2");
    expect(calls[0]).toMatchObject({ path: "notifications.list", input: { limit: 10 } });
    await user.click(bell);
    const panel = screen.getByRole("region", { name: "Notifications" });
    expect(within(panel).getByRole("link", { name: /Ada mentioned you on #7/ })).toHaveAttribute("href", "/t/acme/cases/7");
    await user.click(await within(panel).findByRole("button", { name: "Mark all read" }));
    expect(markNotificationsReadAction).toHaveBeenCalledWith({ all: true });
    await waitFor(() => expect(calls.filter((c) => c.path === "notifications.list")).toHaveLength(2));
  });

  it("marks an unread item read when opened, and closes", async () => {
    const { user } = renderWithTrpc(<NotificationBell slug="acme" />, createTestTrpc({ "notifications.list": lists }));
    await user.click(await screen.findByRole("button", { name: /Notifications/ }));
    const link = screen.getByRole("link", { name: /Ada mentioned you on #7/ });
    link.addEventListener("click", (e) => e.preventDefault());
    await user.click(link);
    expect(markNotificationsReadAction).toHaveBeenCalledWith({ ids: ["n1"] });
    expect(screen.queryByRole("region", { name: "Notifications" })).not.toBeInTheDocument();
  });

  it("closes on Escape and on a click outside", async () => {
    const { user } = renderWithTrpc(<NotificationBell slug="acme" />, createTestTrpc({ "notifications.list": lists }));
    await user.click(await screen.findByRole("button", { name: /Notifications/ }));
    expect(screen.getByRole("region", { name: "Notifications" })).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("region", { name: "Notifications" })).not.toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: /Notifications/ }));
    await user.click(document.body);
    expect(screen.queryByRole("region", { name: "Notifications" })).not.toBeInTheDocument();
  });

  it("says when there is nothing, and when loading failed", async () => {
    const { user } = renderWithTrpc(<NotificationBell slug="acme" />, createTestTrpc({ "notifications.list": () => ({ items: [], unreadCount: 0 }) }));
    const bell = await screen.findByRole("button", { name: "Notifications" });
    await waitFor(() => expect(bell).toHaveTextContent(""));
    await user.click(bell);
    expect(await screen.findByText("Nothing yet. Mentions of you show up here.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Mark all read" })).not.toBeInTheDocument();
    await user.click(bell);
    expect(screen.queryByRole("region", { name: "Notifications" })).not.toBeInTheDocument();

    const failing = renderWithTrpc(<NotificationBell slug="acme" />, createTestTrpc({ "notifications.list": () => Promise.reject(new Error("down")) }));
    await failing.user.click(within(failing.container).getByRole("button", { name: "Notifications" }));
    expect(await screen.findByText("Could not load notifications.")).toBeInTheDocument();
  });
});
