"use client";
// The saved-views menu of the cases list: apply a personal or shared view (it is a link, since
// the URL is the list's state), save the current filters, rename or delete the views one may edit.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Bookmark, ChevronDown, Pencil, Plus, Send, Trash2, Users } from "lucide-react";
import dynamic from "next/dynamic";
import { Link } from "@/components/ui/link";
import { useCallback, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import type { CaseListQuery } from "@/lib/validations/case-filters";
import { useTRPC } from "@/trpc/react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { ShareForm } from "./share-case-dialog";
import { shareViewAction } from "./share-escalate-actions";
import { activeViewId, groupViews, viewHref } from "./saved-views";
import { createViewAction, deleteViewAction, updateViewAction } from "./view-actions";
import { useDismiss } from "@/components/ui/use-dismiss";
import { confirmAction } from "@/components/ui/confirm";

// The name form (react-hook-form and the schema's resolver) is fetched when a dialog opens: the
// cases list is the page loaded most, and most visits never save a view.
const ViewNameForm = dynamic(() => import("./view-name-form").then((m) => m.ViewNameForm), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-500">Loading…</p>,
});

interface Props {
  base: string;
  query: CaseListQuery;
  /** cases:write: may share views with the team. */
  canShare: boolean;
}

/** The menu's width (w-72). */
const MENU_WIDTH_PX = 288;

type Dialog = { kind: "save" } | { kind: "rename" | "share"; id: string; name: string } | null;

export function SavedViewsMenu({ base, query, canShare }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: views, isPending, isError } = useQuery(trpc.views.list.queryOptions());
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  /** The view last applied or saved from this menu: named on the button while its filters show. */
  const [chosen, setChosen] = useState<string | null>(null);
  /** The menu hangs from the button's right edge when there is room to its left, else from its left edge. */
  const [fromRight, setFromRight] = useState(true);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);

  useDismiss(open, close, root);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.views.list.queryKey() });
  const active = views ? views.find((v) => v.id === activeViewId(views, query, chosen)) : undefined;
  const { personal, shared } = groupViews(views ?? []);

  async function remove(id: string, name: string) {
    if (!(await confirmAction({ title: `Delete the view “${name}”?`, description: "Members it is shared with lose it too.", confirmLabel: "Delete view" }))) return;
    const result = await deleteViewAction(id);
    setError(result.ok ? null : result.error.message);
    await refresh();
  }

  const renderGroup = (label: string, items: typeof personal) =>
    items.length ? (
      <div role="group" aria-label={label} className="py-1">
        <p className="px-3 pb-1 pt-2 text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
        {items.map((v) => (
          <div key={v.id} className={cn("group flex items-center gap-1 pr-1", v.id === active?.id && "bg-brand-50")}>
            <Link
              href={viewHref(base, v.filters)}
              onClick={() => {
                setChosen(v.id);
                setOpen(false);
              }}
              aria-current={v.id === active?.id ? "true" : undefined}
              className="min-w-0 flex-1 truncate px-3 py-1.5 text-sm text-slate-700 hover:text-slate-950 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-500"
              title={v.filtersValid ? v.name : `${v.name} (its filters no longer apply; opens the default list)`}
            >
              {v.name}
            </Link>
            {/* Anyone may send a view they see to colleagues: it reaches them as a link with its filters. */}
            <IconButton
              label={`Share view ${v.name}`}
              onClick={() => {
                setOpen(false);
                setDialog({ kind: "share", id: v.id, name: v.name });
              }}
            >
              <Send className="size-3.5" aria-hidden />
            </IconButton>
            {v.editable ? (
              <>
                <IconButton label={`Rename view ${v.name}`} onClick={() => setDialog({ kind: "rename", id: v.id, name: v.name })}>
                  <Pencil className="size-3.5" aria-hidden />
                </IconButton>
                <IconButton label={`Delete view ${v.name}`} onClick={() => remove(v.id, v.name)}>
                  <Trash2 className="size-3.5" aria-hidden />
                </IconButton>
              </>
            ) : null}
          </div>
        ))}
      </div>
    ) : null;

  return (
    <div ref={root} className="relative">
      <Button
        type="button"
        variant="secondary"
        size="sm"
        // Named for what it opens as well as for the view it shows, so it is findable either way.
        aria-label={active ? `Views: ${active.name}` : "Views"}
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => {
          // Where the button sits depends on the width and on the role's other buttons (a viewer
          // has none beside it), so the side with room is measured when the menu opens.
          const box = root.current?.getBoundingClientRect();
          if (box) setFromRight(box.right >= Math.min(MENU_WIDTH_PX, window.innerWidth - 32));
          setOpen((o) => !o);
        }}
        className="max-w-56"
      >
        <Bookmark className="size-4 shrink-0" aria-hidden />
        <span className="truncate">{active ? active.name : "Views"}</span>
        <ChevronDown className="size-3.5 shrink-0" aria-hidden />
      </Button>
      {open ? (
        <div aria-label="Saved views" role="region" className={cn("absolute z-30 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white py-1 shadow-lg", fromRight ? "right-0" : "left-0")}>
          {isPending ? <p className="px-3 py-2 text-sm text-slate-500">Loading views…</p> : null}
          {isError ? <p className="px-3 py-2 text-sm text-red-700">Could not load views.</p> : null}
          {views && views.length === 0 ? <p className="px-3 py-2 text-sm text-slate-500">No saved views yet.</p> : null}
          {renderGroup("My views", personal)}
          {renderGroup("Shared", shared)}
          {error ? (
            <p role="alert" className="px-3 py-1 text-sm text-red-700">
              {error}
            </p>
          ) : null}
          <div className="border-t border-slate-100 pt-1">
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                setDialog({ kind: "save" });
              }}
              className="flex w-full items-center gap-2 px-3 py-1.5 text-left text-sm font-medium text-brand-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-500"
            >
              <Plus className="size-4" aria-hidden /> Save current view…
            </button>
          </div>
          {shared.length && !canShare ? (
            <p className="flex items-center gap-1.5 px-3 pb-1 pt-1 text-xs text-slate-500">
              <Users className="size-3" aria-hidden /> Shared views are managed by your team.
            </p>
          ) : null}
        </div>
      ) : null}
      <ModalDialog
        open={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog?.kind === "rename" ? "Rename view" : dialog?.kind === "share" ? `Share view “${dialog.name}”` : "Save current view"}
        description={
          dialog?.kind === "save"
            ? "Saves the current filters, tab and sort."
            : dialog?.kind === "share"
              ? "They get a link to the cases list with this view's filters, with your note."
              : undefined
        }
      >
        {dialog?.kind === "save" ? (
          <ViewNameForm
            canShare={canShare}
            withSharing
            submitLabel="Save view"
            onSubmit={async (values) => {
              const result = await createViewAction({ ...values, filters: query });
              if (result.ok) setChosen(result.data.id);
              return result;
            }}
            onDone={() => {
              setDialog(null);
              void refresh();
            }}
          />
        ) : dialog?.kind === "share" ? (
          <ShareForm key={dialog.id} onSubmit={(values) => shareViewAction({ id: dialog.id, ...values })} onDone={() => setDialog(null)} />
        ) : dialog?.kind === "rename" ? (
          <ViewNameForm
            key={dialog.id}
            defaultName={dialog.name}
            canShare={canShare}
            withSharing={false}
            submitLabel="Rename"
            onSubmit={(values) => updateViewAction({ id: dialog.id, name: values.name })}
            onDone={() => {
              setDialog(null);
              void refresh();
            }}
          />
        ) : null}
      </ModalDialog>
    </div>
  );
}

function IconButton({ label, onClick, children }: { label: string; onClick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      className="rounded p-1.5 text-slate-400 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-500"
    >
      {children}
    </button>
  );
}
