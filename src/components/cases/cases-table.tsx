"use client";
import { useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition, type RefObject } from "react";
import { stableRows } from "@/components/realtime/stable-order";
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronLeft, ChevronRight } from "lucide-react";
import { timeAgo } from "@/lib/format";
import { cn } from "@/lib/utils";
import { defaultOrder } from "@/lib/case-fields";
import type { CaseListQuery } from "@/lib/validations/case-filters";
import type { ListColumn, ListDisplay } from "@/lib/validations/list-display";
import { useTRPC } from "@/trpc/react";
import { useActiveCase } from "./active-case-store";
import { bulkUpdateCasesAction } from "./case-actions";
import { casesInCache, offerBulkUndo } from "./bulk-undo";
import { channelLabel, EscalationBadge, PriorityBadge, StatusBadge } from "./case-badges";
import { caseListSearch } from "./case-list-params";
import type { BulkUpdateInput } from "./case-types";
import { useCaseSelection } from "./selection-store";
import { SlaBadge } from "./sla-badge";
import { useListKeyboard } from "./use-list-keyboard";

export type CasesListInput = CaseListQuery & { limit: number; cursor: string | null };

interface Props {
  base: string;
  input: CasesListInput;
  /** The input without its page: what the tabs count and the page links keep. */
  query: CaseListQuery;
  /** The page's number (1 for the first), for "26–50 of 305". */
  page: number;
  /** Applies a new sort (from a column header). */
  sortBy: (sort: CaseListQuery["sort"], order: "asc" | "desc") => void;
  /** The member's density, columns and preview pane. */
  display: ListDisplay;
  /** The case the preview pane shows: the focused row, else the first. */
  onPreviewCase: (number: number | null) => void;
  onTogglePreview: () => void;
  filtered: boolean;
  searchRef: RefObject<HTMLInputElement | null>;
  canWrite: boolean;
}

export function CasesTable({ base, input, query, page, sortBy, display, onPreviewCase, onTogglePreview, filtered, searchRef, canWrite }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const { data } = useSuspenseQuery(trpc.cases.list.queryOptions(input));
  // The tabs read the same counts (one request): the total of this tab is the "of 305".
  const { data: counts } = useQuery(trpc.cases.counts.queryOptions(query));
  const total = counts?.[input.tab];
  const selected = useCaseSelection((s) => s.ids);
  const toggle = useCaseSelection((s) => s.toggle);
  const setMany = useCaseSelection((s) => s.setMany);
  const clear = useCaseSelection((s) => s.clear);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);
  // Rows update live. While the pointer or focus is in the table its order holds still (a row that
  // left the filter stays, dimmed, until then; new rows go to the end), so nothing jumps under
  // the cursor; the server's order applies when it leaves.
  const [hold, setHold] = useState<{ pointer: boolean; focus: boolean; rows: typeof data.items } | null>(null);
  const { rows: items, departed } = useMemo(() => stableRows(hold?.rows ?? null, data.items), [hold?.rows, data.items]);
  const holdWhile = (who: "pointer" | "focus", on: boolean) =>
    setHold((h) => {
      const next = { pointer: h?.pointer ?? false, focus: h?.focus ?? false, [who]: on };
      if (!next.pointer && !next.focus) return null;
      return { ...next, rows: h?.rows ?? items };
    });
  // The focused row follows its case when rows move (the keyboard's j/k and the palette act on it).
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const focused = focusedId ? items.findIndex((c) => c.id === focusedId) : -1;
  const setFocused = useCallback((index: number) => setFocusedId(items[index]?.id ?? null), [items]);
  const live = useMemo(() => items.filter((c) => !departed.has(c.id)), [items, departed]);
  // A new query shows other rows: the old ticks no longer point at anything visible. (The
  // workspace keys this component by its input, so the focused row resets too.)
  useEffect(() => clear, [clear]);

  // The focused row is the case the command palette's actions apply to.
  const setActive = useActiveCase((s) => s.set);
  const focusedCase = items[focused];
  useEffect(() => {
    if (!focusedCase) return;
    setActive({ id: focusedCase.id, number: focusedCase.number, title: focusedCase.title, status: focusedCase.status, version: focusedCase.version });
    return () => setActive(null);
  }, [setActive, focusedCase]);

  const previewNumber = (focusedCase ?? items[0])?.number ?? null;
  useEffect(() => onPreviewCase(previewNumber), [onPreviewCase, previewNumber]);

  // Case pages are prefetched when likely to be opened (the row hovered or focused by j/k), not
  // every row of every list as it renders.
  useEffect(() => {
    if (focusedCase) router.prefetch(`${base}/${focusedCase.number}`);
  }, [router, base, focusedCase]);

  const focusRow = useCallback(
    (index: number) => {
      setFocused(index);
      rowRefs.current[index]?.scrollIntoView({ block: "nearest" });
    },
    [setFocused],
  );
  const onSelect = useCallback((i: number) => items[i] && toggle(items[i].id), [items, toggle]);
  const onOpen = useCallback((i: number) => items[i] && router.push(`${base}/${items[i].number}`), [items, router, base]);
  const onSearch = useCallback(() => searchRef.current?.focus(), [searchRef]);

  // a / e act on the ticked rows, or on the focused one when none is ticked.
  const queryClient = useQueryClient();
  const [, startTransition] = useTransition();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const quickAction = useCallback(
    (change: Omit<BulkUpdateInput, "target">, verb: string) => {
      const ids = selected.size ? [...selected] : items[focused] ? [items[focused].id] : [];
      if (!ids.length) return;
      // What the rows were, for Undo.
      const before = casesInCache(queryClient, trpc.cases.list.pathKey());
      const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
      startTransition(async () => {
        const result = await bulkUpdateCasesAction({ target: { ids }, ...change });
        if (!result.ok) return setNotice({ ok: false, text: result.error.message });
        const r = result.data;
        clear();
        await refresh();
        if (r.status === "queued") return setNotice({ ok: true, text: `${verb} ${r.matched} cases in the background.` });
        const one = ids.length === 1 ? before.get(ids[0]!) : undefined;
        const label = one ? `${verb}: case #${one.number}` : `${verb}: ${r.updated} of ${r.matched} cases`;
        if (r.updated === 0) setNotice({ ok: true, text: `${verb} 0 of ${r.matched}: nothing to change.` });
        else offerBulkUndo(label, change, r.changed, before, refresh);
      });
    },
    [selected, items, focused, clear, queryClient, trpc],
  );
  const onAssignToMe = useCallback(() => quickAction({ assigneeId: "me" }, "Assigned to you"), [quickAction]);
  const onResolve = useCallback(() => quickAction({ status: { to: "RESOLVED" } }, "Resolved"), [quickAction]);
  useListKeyboard({
    count: items.length,
    focused,
    setFocused: focusRow,
    onOpen,
    onSearch,
    onTogglePreview,
    ...(canWrite ? { onSelect, onAssignToMe, onResolve } : {}),
  });
  // Optional columns the member chose; beside the preview pane only the priority has room.
  const shows = (column: ListColumn) => display.columns.includes(column) && (!display.preview || column === "priority");
  const cell = (column: ListColumn, responsive: string) => (shows(column) ? responsive : "hidden");
  const compact = display.density === "compact";
  const pad = compact ? "py-1.5" : "py-3";

  if (items.length === 0) {
    return (
      <div className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
        <p className="text-sm font-medium">No cases here</p>
        <p className="mt-1 text-sm text-slate-500">
          {filtered ? "No case matches these filters. Try removing one." : "New cases from every channel will show up in this list."}
        </p>
      </div>
    );
  }

  const allTicked = live.every((c) => selected.has(c.id));
  return (
    <>
      <div
        className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
        onPointerEnter={() => holdWhile("pointer", true)}
        onPointerLeave={() => holdWhile("pointer", false)}
        onFocus={() => holdWhile("focus", true)}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget)) holdWhile("focus", false);
        }}
      >
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              {/* Ticking rows is for bulk changes: members who cannot edit cases get no boxes. */}
              {canWrite ? (
                <th scope="col" className="w-10 py-2.5 pl-4 pr-1">
                  <input
                    type="checkbox"
                    aria-label="Select all on this page"
                    checked={allTicked}
                    onChange={(e) => setMany(live.map((c) => c.id), e.target.checked)}
                    className="size-4 rounded border-slate-300 accent-brand-600"
                  />
                </th>
              ) : null}
              <SortHeader label="#" sort="created" input={input} sortBy={sortBy} className="hidden sm:table-cell" />
              <th scope="col" className="w-full px-3 py-2.5">Title</th>
              <th scope="col" className="px-3 py-2.5">Status</th>
              <SortHeader label="Priority" sort="priority" input={input} sortBy={sortBy} className={cell("priority", "hidden sm:table-cell")} />
              <SortHeader label="SLA" sort="resolutionDue" input={input} sortBy={sortBy} className={cell("sla", "hidden xl:table-cell")} />
              <th scope="col" className={cn("px-3 py-2.5", cell("assignee", "hidden md:table-cell"))}>
                Assignee
              </th>
              <th scope="col" className={cn("px-3 py-2.5", cell("team", "hidden lg:table-cell"))}>
                Team
              </th>
              <SortHeader label="Updated" sort="updated" input={input} sortBy={sortBy} className={cell("updated", "hidden lg:table-cell")} />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((c, i) => {
              const ticked = selected.has(c.id);
              const gone = departed.has(c.id);
              return (
                <tr
                  key={c.id}
                  ref={(el) => {
                    rowRefs.current[i] = el;
                  }}
                  aria-selected={ticked}
                  data-focused={i === focused || undefined}
                  data-departed={gone || undefined}
                  onClick={() => setFocused(i)}
                  onMouseEnter={() => router.prefetch(`${base}/${c.number}`)}
                  className={cn(
                    "group hover:bg-slate-50",
                    ticked && "bg-brand-50/60 hover:bg-brand-50",
                    gone && "opacity-50",
                    i === focused && "outline-2 -outline-offset-2 outline-brand-500",
                  )}
                >
                  {canWrite ? (
                    <td className={cn(pad, "pl-4 pr-1")}>
                      <input
                        type="checkbox"
                        aria-label={`Select case #${c.number}`}
                        checked={ticked}
                        onChange={() => toggle(c.id)}
                        className="size-4 rounded border-slate-300 accent-brand-600"
                      />
                    </td>
                  ) : null}
                  <td className={cn("hidden whitespace-nowrap px-3 font-mono text-xs text-slate-500 sm:table-cell", pad)}>{c.number}</td>
                  <td className={cn("w-full max-w-0 min-w-40 px-3", pad)}>
                    <Link href={`${base}/${c.number}`} prefetch={false} className="font-medium text-slate-900 group-hover:text-brand-700">
                      <span className="line-clamp-2 sm:line-clamp-1">{c.title}</span>
                    </Link>
                    <p className={cn("mt-0.5 line-clamp-1 text-xs text-slate-500", compact && "sr-only")}>
                      {gone ? <span className="font-medium text-slate-600">No longer in this view · </span> : null}
                      <span className="font-mono sm:hidden">#{c.number} · </span>
                      {[c.customer?.name, channelLabel(c.channel), ...c.tags].filter(Boolean).join(" · ")}
                    </p>
                  </td>
                  <td className={cn("whitespace-nowrap px-3", pad)}>
                    <div className={cn("flex items-start gap-1", compact ? "flex-row" : "flex-col")}>
                      <StatusBadge status={c.status} />
                      <EscalationBadge level={c.escalationLevel} className="max-w-32 truncate" />
                    </div>
                  </td>
                  <td className={cn("whitespace-nowrap px-3", pad, cell("priority", "hidden sm:table-cell"))}>
                    <PriorityBadge priority={c.priority} />
                  </td>
                  <td className={cn("whitespace-nowrap px-3", pad, cell("sla", "hidden xl:table-cell"))}>
                    <SlaBadge clock={c.sla.resolution} />
                  </td>
                  <td className={cn("whitespace-nowrap px-3 text-slate-600", pad, cell("assignee", "hidden md:table-cell"))}>
                    {c.assignee?.name ?? <span className="text-slate-500">Unassigned</span>}
                  </td>
                  <td className={cn("max-w-40 truncate whitespace-nowrap px-3 text-slate-600", pad, cell("team", "hidden lg:table-cell"))} title={c.team?.name}>
                    {c.team?.name ?? <span className="text-slate-500">—</span>}
                  </td>
                  <td className={cn("whitespace-nowrap px-3 text-slate-500", pad, cell("updated", "hidden lg:table-cell"))} suppressHydrationWarning>
                    {timeAgo(c.updatedAt)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {notice ? (
        <p role="status" className={notice.ok ? "mt-3 text-sm text-green-700" : "mt-3 text-sm text-red-700"}>
          {notice.text}
        </p>
      ) : null}
      <nav className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm" aria-label="Pagination">
        <span className="hidden text-xs text-slate-500 lg:inline">
          <Kbd>j</Kbd>/<Kbd>k</Kbd> move · <Kbd>Enter</Kbd> open · <Kbd>/</Kbd> search
          {canWrite ? (
            <>
              {" "}
              · <Kbd>x</Kbd> select · <Kbd>a</Kbd> assign to me · <Kbd>e</Kbd> resolve
            </>
          ) : null}
        </span>
        <div className="ml-auto flex items-center gap-3">
          <span className="tabular-nums text-slate-600" aria-live="polite">
            {pageRange(page, input.limit, items.length, total)}
          </span>
          <PageLink href={page > 1 ? (page === 2 || !data.prevCursor ? `${base}${caseListSearch(query)}` : `${base}${caseListSearch(query, { cursor: data.prevCursor, page: page - 1 })}`) : null} label="Previous page">
            <ChevronLeft className="size-4" aria-hidden />
          </PageLink>
          <PageLink href={data.nextCursor ? `${base}${caseListSearch(query, { cursor: data.nextCursor, page: page + 1 })}` : null} label="Next page">
            <ChevronRight className="size-4" aria-hidden />
          </PageLink>
        </div>
      </nav>
    </>
  );
}

/** "26–50 of 305"; without the total yet, "26–50". */
export function pageRange(page: number, limit: number, shown: number, total: number | undefined): string {
  if (shown === 0) return total ? `0 of ${total.toLocaleString("en")}` : "";
  const from = (page - 1) * limit + 1;
  const to = from + shown - 1;
  // Cases added or removed since the first page can leave the arithmetic past the total.
  const of = total !== undefined && total >= to ? ` of ${total.toLocaleString("en")}` : "";
  return `${from.toLocaleString("en")}–${to.toLocaleString("en")}${of}`;
}

function PageLink({ href, label, children }: { href: string | null; label: string; children: React.ReactNode }) {
  const cls = "grid size-8 place-items-center rounded-md border border-slate-300";
  if (!href)
    return (
      <span aria-disabled="true" aria-label={label} role="link" className={cn(cls, "text-slate-300")}>
        {children}
      </span>
    );
  return (
    <Link href={href} aria-label={label} title={label} className={cn(cls, "text-slate-700 hover:bg-slate-50")}>
      {children}
    </Link>
  );
}

/** A column header that sorts by its column: once for the column's natural order, again to reverse it. */
function SortHeader({
  label,
  sort,
  input,
  sortBy,
  className,
}: {
  label: string;
  sort: CaseListQuery["sort"];
  input: CasesListInput;
  sortBy: Props["sortBy"];
  className?: string;
}) {
  const active = input.sort === sort;
  const order = input.order ?? defaultOrder(input.sort);
  const next = active ? (order === "asc" ? "desc" : "asc") : defaultOrder(sort);
  const Icon = !active ? ArrowUpDown : order === "asc" ? ArrowUp : ArrowDown;
  return (
    <th scope="col" className={cn("px-3 py-2.5", className)} aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"}>
      <button type="button" onClick={() => sortBy(sort, next)} className={cn("inline-flex items-center gap-1 uppercase hover:text-slate-900", active && "text-slate-900")}>
        {label}
        <Icon className={cn("size-3", !active && "opacity-50")} aria-hidden />
      </button>
    </th>
  );
}

function Kbd({ children }: { children: React.ReactNode }) {
  return <kbd className="rounded border border-slate-300 bg-white px-1 font-mono text-[11px] text-slate-600">{children}</kbd>;
}
