"use client";
// The palette's dialog: cmdk, the search query and the case actions. Loaded on the first ⌘K (see
// command-palette.tsx), so pages do not ship it until someone opens it.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Command } from "cmdk";
import { ArrowRight, CheckCircle2, FileText, Hash, History, Search, User, UserPlus, Zap } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { assignCaseAction, transitionCaseAction } from "@/components/cases/case-actions";
import { useActiveCase } from "@/components/cases/active-case-store";
import { confirmMacroReplies, useMacros, useRunMacro, type MacroChoice } from "@/components/cases/use-macros";
import { useRecordOpen } from "@/components/search/use-record-open";
import { useTRPC } from "@/trpc/react";
import { caseActions, matches, pageCommands, parseCaseNumber, searchTerm, type CaseActionId } from "./palette-commands";
import { useDebounced } from "./use-debounced";

export interface PaletteDialogProps {
  slug: string;
  canWrite: boolean;
  canImport: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onNotice: (notice: string) => void;
}

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-700 data-[selected=true]:bg-brand-50 data-[selected=true]:text-brand-800";
const groupClass = "px-1 py-1 [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:py-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-slate-500";

export function PaletteDialog({ slug, canWrite, canImport, open, onOpenChange, onNotice }: PaletteDialogProps) {
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const active = useActiveCase((s) => s.current);
  const [text, setText] = useState("");
  const term = useDebounced(searchTerm(text), 250);
  const number = parseCaseNumber(text);

  const search = useQuery({ ...trpc.search.query.queryOptions({ q: term ?? "", limit: 6, surface: "palette" }), enabled: open && term !== null });
  // Before anything is typed: the member's own last searches, one keystroke from running again.
  const recent = useQuery({ ...trpc.search.recent.queryOptions({ limit: 5 }), enabled: open && text.trim() === "", staleTime: 0 });
  const recordOpen = useRecordOpen();
  const pages = pageCommands(slug, { canImport }).filter((p) => matches(text, p.label, p.keywords));
  const actions = active ? caseActions(active.status, canWrite).filter((a) => matches(text, `${a.label} #${active.number}`)) : [];
  // Macros for the active case, once something is typed ("macro", or a macro's name).
  const canRunMacros = Boolean(active && caseActions(active.status, canWrite).length);
  const macros = useMacros(null, open && canRunMacros && text.trim() !== "");
  const macroItems = canRunMacros && text.trim() ? macros.filter((m) => matches(text, `Apply macro ${m.name}`)).slice(0, 6) : [];
  const runMacro = useRunMacro();

  function close() {
    onOpenChange(false);
    setText("");
  }
  function go(href: string) {
    close();
    router.push(href);
  }
  async function runCaseAction(id: CaseActionId) {
    if (!active) return;
    close();
    const result =
      id === "assign-to-me"
        ? await assignCaseAction({ id: active.id, assigneeId: "me", version: active.version })
        : await transitionCaseAction({ id: active.id, to: "RESOLVED", version: active.version });
    onNotice(result.ok ? `Case #${active.number}: ${id === "resolve" ? "resolved" : "assigned to you"}.` : result.error.message);
    await queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
    router.refresh();
  }

  async function applyMacro(macro: MacroChoice) {
    if (!active) return;
    close();
    if (!(await confirmMacroReplies(macro, 1))) return;
    // Its toast says what it did, with Undo.
    const result = await runMacro(macro, { caseIds: [active.id] });
    if (!result.ok) onNotice(result.error.message);
    router.refresh();
  }

  return (
    <Command.Dialog
      open={open}
      onOpenChange={(o) => (o ? onOpenChange(true) : close())}
      label="Command palette"
      shouldFilter={false}
      overlayClassName="fixed inset-0 z-40 bg-slate-900/40"
      contentClassName="fixed left-1/2 top-[12vh] z-50 w-[calc(100%-2rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-2xl"
    >
      <div className="flex items-center gap-2 border-b border-slate-200 px-3">
        <Search className="size-4 shrink-0 text-slate-400" aria-hidden />
        <Command.Input
          value={text}
          onValueChange={setText}
          placeholder="Case number, search, or a page…"
          className="h-12 w-full bg-transparent text-sm outline-none placeholder:text-slate-500"
        />
        <kbd className="hidden rounded border border-slate-200 px-1.5 text-xs text-slate-500 sm:inline">Esc</kbd>
      </div>
      <Command.List className="max-h-[60vh] overflow-y-auto p-1">
        <Command.Empty className="px-3 py-6 text-center text-sm text-slate-500">
          {search.isFetching ? "Searching…" : "Nothing matches."}
        </Command.Empty>
        {number !== null ? (
          <Command.Group heading="Go to" className={groupClass}>
            <Command.Item value={`case-${number}`} onSelect={() => go(`/t/${slug}/cases/${number}`)} className={itemClass}>
              <Hash className="size-4 text-slate-400" aria-hidden /> Open case #{number}
            </Command.Item>
          </Command.Group>
        ) : null}
        {actions.length && active ? (
          <Command.Group heading={`Case #${active.number}`} className={groupClass}>
            {actions.map((a) => (
              <Command.Item key={a.id} value={`action-${a.id}`} onSelect={() => runCaseAction(a.id)} className={itemClass}>
                {a.id === "resolve" ? <CheckCircle2 className="size-4 text-slate-400" aria-hidden /> : <UserPlus className="size-4 text-slate-400" aria-hidden />}
                {a.label}
                <span className="ml-auto truncate text-xs text-slate-500">{active.title}</span>
              </Command.Item>
            ))}
          </Command.Group>
        ) : null}
        {macroItems.length && active ? (
          <Command.Group heading={`Macros for #${active.number}`} className={groupClass}>
            {macroItems.map((m) => (
              <Command.Item key={m.id} value={`macro-${m.id}`} onSelect={() => void applyMacro(m)} className={itemClass}>
                <Zap className="size-4 shrink-0 text-slate-400" aria-hidden />
                <span className="min-w-0 truncate">Apply {m.name}</span>
                <span className="ml-auto hidden truncate text-xs text-slate-500 sm:inline">{m.summary}</span>
              </Command.Item>
            ))}
          </Command.Group>
        ) : null}
        {term !== null && search.data?.cases.length ? (
          <Command.Group heading={search.data.similarCases ? "Cases with similar words" : "Cases"} className={groupClass}>
            {search.data.cases.map((c, i) => (
              <Command.Item
                key={c.id}
                value={`found-${c.id}`}
                onSelect={() => {
                  recordOpen(search.data.searchId, i + 1, "case", c.id);
                  go(`/t/${slug}/cases/${c.number}`);
                }}
                className={itemClass}
              >
                <FileText className="size-4 shrink-0 text-slate-400" aria-hidden />
                <span className="font-mono text-xs text-slate-500">#{c.number}</span>
                <span className="min-w-0 truncate">{c.title}</span>
              </Command.Item>
            ))}
          </Command.Group>
        ) : null}
        {term !== null && search.data?.customers.length ? (
          <Command.Group heading="Customers" className={groupClass}>
            {search.data.customers.map((c, i) => (
              <Command.Item
                key={c.id}
                value={`customer-${c.id}`}
                onSelect={() => {
                  recordOpen(search.data.searchId, i + 1, "customer", c.id);
                  go(`/t/${slug}/customers/${c.id}`);
                }}
                className={itemClass}
              >
                <User className="size-4 shrink-0 text-slate-400" aria-hidden />
                <span className="min-w-0 truncate">{c.name}</span>
                {c.company ? <span className="ml-auto truncate text-xs text-slate-500">{c.company}</span> : null}
              </Command.Item>
            ))}
          </Command.Group>
        ) : null}
        {term !== null ? (
          <Command.Group heading="Search" className={groupClass}>
            <Command.Item value="search-page" onSelect={() => go(`/t/${slug}/search?${new URLSearchParams({ q: term })}`)} className={itemClass}>
              <Search className="size-4 text-slate-400" aria-hidden /> Search everything for “{term}”
              {search.data ? <span className="ml-auto text-xs text-slate-500">{search.data.totals.cases >= 1000 ? "1,000+" : search.data.totals.cases} cases</span> : null}
            </Command.Item>
          </Command.Group>
        ) : null}
        {term !== null && search.isFetching ? <p className="px-3 py-2 text-xs text-slate-500">Searching cases…</p> : null}
        {text.trim() === "" && recent.data?.length ? (
          <Command.Group heading="Recent searches" className={groupClass}>
            {recent.data.map((r) => (
              <Command.Item key={r.query} value={`recent-${r.query}`} onSelect={() => setText(r.query)} className={itemClass}>
                <History className="size-4 shrink-0 text-slate-400" aria-hidden />
                <span className="min-w-0 truncate">{r.query}</span>
              </Command.Item>
            ))}
          </Command.Group>
        ) : null}
        {pages.length ? (
          <Command.Group heading="Pages" className={groupClass}>
            {pages.map((p) => (
              <Command.Item key={p.id} value={`page-${p.id}`} onSelect={() => go(p.href)} className={itemClass}>
                <ArrowRight className="size-4 text-slate-400" aria-hidden /> {p.label}
              </Command.Item>
            ))}
          </Command.Group>
        ) : null}
      </Command.List>
    </Command.Dialog>
  );
}
