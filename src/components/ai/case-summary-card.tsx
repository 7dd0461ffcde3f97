"use client";
// The AI's summary of a long thread, collapsed at the top of the case's activity: one line closed,
// key points and the next step open. Shown once the thread is long enough to have one; updates
// live when a new summary is written.
import { useQuery } from "@tanstack/react-query";
import { Sparkles } from "lucide-react";
import { useTRPC } from "@/trpc/react";

export function CaseSummaryCard({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.ai.summary.queryOptions({ caseId }));
  const summary = data?.summary;
  if (!summary) return null;
  return (
    <details className="group rounded-lg border border-slate-200 bg-white text-sm shadow-sm">
      <summary className="flex cursor-pointer list-none items-start gap-2 p-3 [&::-webkit-details-marker]:hidden">
        <Sparkles aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-brand-600" />
        <span className="min-w-0 flex-1">
          <span className="block text-xs font-medium text-slate-500">AI summary of the conversation · {summary.messages} messages</span>
          <span className="line-clamp-2 text-slate-800 group-open:line-clamp-none">{summary.summary}</span>
        </span>
        <span className="shrink-0 text-xs text-brand-700 group-open:hidden">Show more</span>
        <span className="hidden shrink-0 text-xs text-brand-700 group-open:inline">Show less</span>
      </summary>
      <div className="space-y-2 border-t border-slate-100 px-3 pb-3 pt-2 pl-9">
        {summary.keyPoints.length ? (
          <ul className="list-disc space-y-1 pl-4 text-slate-700">
            {summary.keyPoints.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
        ) : null}
        {summary.nextStep ? (
          <p className="text-slate-800">
            <span className="font-medium">Next step:</span> {summary.nextStep}
          </p>
        ) : null}
      </div>
    </details>
  );
}
