"use client";
// The cases list screen below its header: filters, tabs with counts, the table and the bulk bar.
import { useRouter } from "next/navigation";
import { useRef, useTransition } from "react";
import type { CaseListQuery } from "@/lib/validations/case-filters";
import { BulkActionBar } from "./bulk-action-bar";
import { caseListSearch, hasFilters } from "./case-list-params";
import type { Member } from "./case-types";
import { CasesFilters } from "./cases-filters";
import { CasesTable, type CasesListInput } from "./cases-table";
import { CasesTabs } from "./cases-tabs";

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
}

export function CasesWorkspace({ base, query, input, page, members, teams, canWrite, categories, businessUnits }: Props) {
  const searchRef = useRef<HTMLInputElement>(null);
  const router = useRouter();
  // A filter change renders the new page on the server; until it arrives the old rows stay,
  // dimmed, so the list never flashes empty.
  const [pending, startTransition] = useTransition();
  const navigate = (href: string) => startTransition(() => router.push(href));
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
      />
      <div aria-busy={pending} className={pending ? "opacity-60 transition-opacity" : "transition-opacity"}>
        <CasesTable
          key={JSON.stringify(input)}
          base={base}
          input={input}
          query={query}
          page={page}
          sortBy={(sort, order) => navigate(`${base}${caseListSearch({ ...query, sort, order })}`)}
          filtered={hasFilters(query)}
          searchRef={searchRef}
          canWrite={canWrite}
        />
      </div>
      {canWrite ? <BulkActionBar members={members} /> : null}
    </>
  );
}
