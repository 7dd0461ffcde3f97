"use client";
// The cases list screen below its header: filters, tabs with counts, the table, the preview pane
// and the bulk bar.
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import type { CaseListQuery } from "@/lib/validations/case-filters";
import type { ListDisplay } from "@/lib/validations/list-display";
import { cn } from "@/lib/utils";
import { BulkActionBar } from "./bulk-action-bar";
import { setListDisplayAction } from "./case-actions";
import { caseListSearch, hasFilters } from "./case-list-params";
import type { Member } from "./case-types";
import { CasesFilters } from "./cases-filters";
import { CasesTable, type CasesListInput } from "./cases-table";
import { CasesTabs } from "./cases-tabs";
import { ListDisplayMenu } from "./list-display-menu";

// The preview pane (a case's timeline and the composer with its form library) is fetched when
// the pane is first shown: the list itself does not need it.
const CasePreview = dynamic(() => import("./case-preview").then((m) => m.CasePreview), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-slate-500">Loading the case…</p>,
});

interface Props {
  base: string;
  query: CaseListQuery;
  input: CasesListInput;
  page: number;
  members: Member[];
  teams: { id: string; name: string }[];
  canWrite: boolean;
  categories: string[];
  businessUnits: string[];
  /** The member's stored display of the list. */
  display: ListDisplay;
  timeZone: string;
}

export function CasesWorkspace({ base, query, input, page, members, teams, canWrite, categories, businessUnits, display: stored, timeZone }: Props) {
  const searchRef = useRef<HTMLInputElement>(null);
  const router = useRouter();
  // A filter change renders the new page on the server; until it arrives the old rows stay,
  // dimmed, so the list never flashes empty.
  const [pending, startTransition] = useTransition();
  const navigate = (href: string) => startTransition(() => router.push(href));
  // Applied at once and kept on the membership, one save after another so the last choice is the
  // one kept; a refusal puts the previous display back.
  const [display, setDisplay] = useState(stored);
  const latest = useRef(stored);
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const changeDisplay = useCallback((next: ListDisplay) => {
    const previous = latest.current;
    latest.current = next;
    setDisplay(next);
    saving.current = saving.current.then(async () => {
      const result = await setListDisplayAction(next);
      if (result.ok || latest.current !== next) return;
      latest.current = previous;
      setDisplay(previous);
      toast.error(`The display was not saved: ${result.error.message}`);
    });
  }, []);
  const togglePreview = useCallback(() => changeDisplay({ ...latest.current, preview: !latest.current.preview }), [changeDisplay]);
  const [previewNumber, setPreviewNumber] = useState<number | null>(null);
  return (
    <>
      <CasesTabs base={base} query={query} />
      <CasesFilters
        key={query.q ?? ""}
        base={base}
        query={query}
        members={members}
        teams={teams}
        categories={categories}
        businessUnits={businessUnits}
        searchRef={searchRef}
        navigate={navigate}
        displayMenu={<ListDisplayMenu display={display} onChange={changeDisplay} />}
      />
      <div data-preview={display.preview || undefined} className={cn(display.preview && "lg:grid lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)] lg:items-start lg:gap-4")}>
        <div aria-busy={pending} className={cn("min-w-0 transition-opacity", pending && "opacity-60")}>
          <CasesTable
            key={JSON.stringify(input)}
            base={base}
            input={input}
            query={query}
            page={page}
            sortBy={(sort, order) => navigate(`${base}${caseListSearch({ ...query, sort, order })}`)}
            display={display}
            onPreviewCase={setPreviewNumber}
            onTogglePreview={togglePreview}
            filtered={hasFilters(query)}
            searchRef={searchRef}
            canWrite={canWrite}
          />
        </div>
        {display.preview ? (
          <div className="mt-4 hidden lg:block">
            <CasePreview base={base} number={previewNumber} members={members} canWrite={canWrite} timeZone={timeZone} />
          </div>
        ) : null}
      </div>
      {canWrite ? <BulkActionBar members={members} teams={teams} /> : null}
    </>
  );
}
