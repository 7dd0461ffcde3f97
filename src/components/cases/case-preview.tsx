"use client";
// The focused case beside the list (the preview pane): the case page's own view in one column,
// with its timeline and composer, so a case can be read and answered without leaving the list.
// j/k in the list move it; the pane never takes the keys the list uses.
import { useSuspenseQuery } from "@tanstack/react-query";
import { Suspense } from "react";
import { useTRPC } from "@/trpc/react";
import { CaseComposer } from "./case-composer";
import { CaseDetailView } from "./case-detail-view";
import { CaseTimeline } from "./case-timeline";
import type { Member } from "./case-types";

interface Props {
  base: string;
  number: number | null;
  members: Member[];
  canWrite: boolean;
  timeZone: string;
}

export function CasePreview({ number, ...props }: Props) {
  return (
    <aside aria-label="Case preview" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
      {number === null ? (
        <p className="py-12 text-center text-sm text-slate-500">Move to a case with j / k, or click one, to see it here.</p>
      ) : (
        <Suspense key={number} fallback={<p className="py-12 text-center text-sm text-slate-500">Loading case #{number}…</p>}>
          <PreviewBody number={number} {...props} />
        </Suspense>
      )}
    </aside>
  );
}

function PreviewBody({ base, number, members, canWrite, timeZone }: Omit<Props, "number"> & { number: number }) {
  const trpc = useTRPC();
  const { data: c } = useSuspenseQuery(trpc.cases.get.queryOptions({ number }));
  return (
    <CaseDetailView
      base={base}
      number={number}
      members={members}
      canWrite={canWrite}
      timeZone={timeZone}
      variant="pane"
      aside={null}
      main={
        <>
          <section>
            <h2 className="text-sm font-medium text-slate-500">Description</h2>
            <p className="mt-1 whitespace-pre-wrap break-words text-sm leading-6">{c.description || "No description."}</p>
          </section>
          <section aria-label="Activity" className="space-y-4">
            <Suspense fallback={<p className="text-sm text-slate-500">Loading activity…</p>}>
              <CaseTimeline caseId={c.id} members={members} />
            </Suspense>
            {canWrite && c.status !== "CLOSED" ? <CaseComposer caseId={c.id} members={members} /> : null}
          </section>
        </>
      }
    />
  );
}
