"use client";
// The inbox: everything that needs the signed-in member (mentions, cases assigned to them, replies
// on cases they follow, snoozes that ended, shares with their note, escalations with their
// reason), newest first. Open / Snoozed / Done; each item, or
// the ticked ones, can be marked done, read or unread, or snoozed. Keys: j/k move, x ticks, Enter
// opens, e done, u read/unread, s snooze. New items arrive over the live stream.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { useKeyboardList } from "@/components/ui/keyboard-list";
import { timeAgo } from "@/lib/format";
import { cn } from "@/lib/utils";
import { useTRPC } from "@/trpc/react";
import { useFallbackPoll } from "@/trpc/realtime/use-realtime";
import { snoozeNotificationsAction, updateNotificationsAction } from "./notification-actions";
import { notificationHref, notificationText, snoozeChoices } from "./notification-text";

type View = "open" | "snoozed" | "done";
const VIEWS: { view: View; label: string }[] = [
  { view: "open", label: "Open" },
  { view: "snoozed", label: "Snoozed" },
  { view: "done", label: "Done" },
];

export function InboxView({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [view, setView] = useState<View>("open");
  const { data, isError } = useQuery({ ...trpc.notifications.list.queryOptions({ view, limit: 100 }), refetchInterval: useFallbackPoll() });
  const items = useMemo(() => data?.items ?? [], [data]);
  const [snoozing, setSnoozing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const list = useKeyboardList(items, (event, current) => {
    if (event.key === "e") void act(view === "done" ? "undone" : "done");
    else if (event.key === "u" && current) void act(current.readAt ? "unread" : "read");
    else if (event.key === "s" && view !== "done") setSnoozing(true);
    else if (event.key === "Enter" && !(event.target instanceof HTMLAnchorElement || event.target instanceof HTMLButtonElement)) open(current);
    else return false;
    return true;
  });
  const { focusedIndex, focusedItem, ticked, targets } = list;

  async function after(result: { ok: boolean; error?: { message: string } }, done: string) {
    setMessage(result.ok ? done : (result.error?.message ?? "That did not work"));
    list.clearTicked();
    await queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
  }
  async function act(action: "read" | "unread" | "done" | "undone") {
    if (!targets.length) return;
    const ids = targets.map((n) => n.id);
    const words = { read: "Marked read", unread: "Marked unread", done: "Done", undone: "Moved back to open" }[action];
    await after(await updateNotificationsAction({ ids, action }), `${words}: ${ids.length}`);
  }
  const snooze = async (until: Date | null) => {
    setSnoozing(false);
    if (!targets.length) return;
    const ids = targets.map((n) => n.id);
    await after(await snoozeNotificationsAction({ ids, until }), until ? `Snoozed: ${ids.length}` : `Back in the inbox: ${ids.length}`);
  };
  // A shared view opens the cases list with its filters (through its link page, which checks it).
  const hrefOf = (n: (typeof items)[number]) => notificationHref(n, slug);
  function open(n: (typeof items)[number] | undefined) {
    if (!n) return;
    if (!n.readAt) void updateNotificationsAction({ ids: [n.id], action: "read" });
    router.push(hrefOf(n));
  }

  const choices = snoozeChoices(new Date());
  return (
    <div className="mt-4">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200" role="tablist" aria-label="Inbox views">
        {VIEWS.map((v) => (
          <button
            key={v.view}
            type="button"
            role="tab"
            aria-selected={view === v.view}
            onClick={() => {
              setView(v.view);
              list.setFocused(0);
              list.clearTicked();
              setMessage(null);
            }}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              view === v.view ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800",
            )}
          >
            {v.label}
            {v.view === "open" && data && view === "open" && data.unreadCount ? (
              <span className="ml-1.5 rounded-full bg-brand-100 px-1.5 text-xs text-brand-800">{data.unreadCount}</span>
            ) : null}
          </button>
        ))}
      </div>

      <div className="sticky top-0 z-10 flex min-h-12 flex-wrap items-center gap-2 bg-slate-50 py-2">
        <p className="mr-auto text-sm text-slate-600">{ticked.size ? `${ticked.size} selected` : focusedItem ? "Acting on the highlighted item" : ""}</p>
        {view === "done" ? (
          <Button size="sm" variant="secondary" disabled={!targets.length} onClick={() => void act("undone")}>
            Move to open
          </Button>
        ) : (
          <Button size="sm" disabled={!targets.length} onClick={() => void act("done")}>
            Done <kbd className="ml-1 hidden text-xs opacity-70 sm:inline">e</kbd>
          </Button>
        )}
        <Button size="sm" variant="secondary" disabled={!targets.length} onClick={() => void act(targets.every((n) => n.readAt) ? "unread" : "read")}>
          {targets.length && targets.every((n) => n.readAt) ? "Mark unread" : "Mark read"} <kbd className="ml-1 hidden text-xs opacity-70 sm:inline">u</kbd>
        </Button>
        {view !== "done" ? (
          <div className="relative">
            <Button size="sm" variant="secondary" aria-expanded={snoozing} disabled={!targets.length} onClick={() => setSnoozing((s) => !s)}>
              Snooze <kbd className="ml-1 hidden text-xs opacity-70 sm:inline">s</kbd>
            </Button>
            {snoozing ? (
              <ul role="menu" aria-label="Snooze until" className="absolute right-0 z-20 mt-1 w-52 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
                {choices.map((c) => (
                  <li key={c.label} role="none">
                    <button type="button" role="menuitem" onClick={() => void snooze(c.until)} className="block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-50">
                      {c.label}
                    </button>
                  </li>
                ))}
                {view === "snoozed" ? (
                  <li role="none">
                    <button type="button" role="menuitem" onClick={() => void snooze(null)} className="block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-50">
                      Back to the inbox now
                    </button>
                  </li>
                ) : null}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-slate-600">
        {message}
      </p>

      {isError ? <p className="mt-4 text-sm text-red-700">Could not load the inbox.</p> : null}
      {data && items.length === 0 ? (
        <div className="mt-4 rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <p className="text-sm font-medium">{view === "open" ? "All clear" : view === "snoozed" ? "Nothing snoozed" : "Nothing done yet"}</p>
          <p className="mt-1 text-sm text-slate-500">
            {view === "open" ? "Mentions, assignments, replies on cases you follow, shares and escalations show up here." : "Items you snooze or mark done move here."}
          </p>
        </div>
      ) : null}
      <ul aria-label="Inbox items" className="mt-2 divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
        {items.map((n, i) => (
          <li
            key={n.id}
            ref={list.rowRef(i)}
            aria-current={i === focusedIndex ? "true" : undefined}
            onClick={() => list.setFocused(i)}
            className={cn("flex items-start gap-3 px-3 py-3 text-sm", i === focusedIndex && "bg-brand-50/60 ring-1 ring-inset ring-brand-200", !n.readAt && "font-medium")}
          >
            <input
              type="checkbox"
              aria-label={`Select: ${notificationText(n)}`}
              checked={ticked.has(n.id)}
              onChange={() => list.toggle(n.id)}
              className="mt-0.5 size-4"
            />
            {!n.readAt ? <span className="mt-1.5 size-2 shrink-0 rounded-full bg-brand-600" aria-label="Unread" /> : <span className="size-2 shrink-0" />}
            <div className="min-w-0 flex-1">
              <Link
                href={hrefOf(n)}
                onClick={() => {
                  if (!n.readAt) void updateNotificationsAction({ ids: [n.id], action: "read" });
                }}
                className="text-slate-900 hover:text-brand-700"
              >
                {notificationText(n)}
              </Link>
              {n.case ? <p className="truncate text-xs font-normal text-slate-500">{n.case.title}</p> : null}
              {n.note ? (
                <p className="mt-1 line-clamp-3 whitespace-pre-line break-words border-l-2 border-slate-200 pl-2 text-xs font-normal text-slate-700">
                  <span className="sr-only">{n.type === "escalated" ? "Reason: " : "Note: "}</span>
                  {n.note}
                </p>
              ) : null}
            </div>
            <span className="shrink-0 text-xs font-normal text-slate-500" suppressHydrationWarning>
              {view === "snoozed" && n.snoozedUntil ? `until ${n.snoozedUntil.toLocaleString()}` : timeAgo(n.createdAt)}
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-3 hidden text-xs text-slate-500 sm:block">j/k move · x select · Enter open · e done · u read/unread · s snooze</p>
    </div>
  );
}
