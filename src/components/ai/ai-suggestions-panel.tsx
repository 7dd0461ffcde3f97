"use client";
// The triage of a case beside its properties (the AI's, and the learned model's from the tenant's
// resolved cases, told apart by their reasons): a one-line summary, language and sentiment,
// and suggested values with the model's confidence and reason, each accepted (applied to the case
// at the version shown) or dismissed by a member. Updates live when a triage finishes.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Sparkles } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { decideSuggestionAction, triageCaseAction } from "./ai-actions";
import { FIELD_LABEL, percent, STATUS_LABEL, valueText } from "./suggestion-words";

export function AiSuggestionsPanel({ caseId, number, canWrite, canAskAi = true }: { caseId: string; number: number; canWrite: boolean; canAskAi?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data, isPending } = useQuery(trpc.ai.suggestions.queryOptions({ caseId }));
  const { data: c } = useQuery(trpc.cases.get.queryOptions({ number }));
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "ok"; text: string } | null>(null);
  const items = data?.items ?? [];
  const info = Object.fromEntries(items.filter((s) => !s.applicable).map((s) => [s.field, s]));
  const applicable = items.filter((s) => s.applicable);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.ai.suggestions.queryKey({ caseId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.cases.get.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.cases.timeline.pathKey() }),
    ]);

  const decide = async (suggestionId: string, decision: "accept" | "dismiss") => {
    if (!c) return;
    setBusy(suggestionId);
    setMessage(null);
    const result = await decideSuggestionAction({ caseId, suggestionId, decision, version: c.version });
    setBusy(null);
    if (!result.ok) setMessage({ tone: "error", text: result.error.message });
    await refresh();
  };

  const triage = async () => {
    setBusy("triage");
    setMessage(null);
    const result = await triageCaseAction(caseId);
    setBusy(null);
    setMessage(result.ok ? { tone: "ok", text: "Asked the AI; suggestions appear here in a moment." } : { tone: "error", text: result.error.message });
  };

  return (
    <section aria-labelledby="ai-suggestions-heading" className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
      <div className="flex items-center justify-between gap-2">
        <h2 id="ai-suggestions-heading" className="flex items-center gap-1.5 whitespace-nowrap text-xs font-medium uppercase tracking-wide text-slate-500">
          <Sparkles aria-hidden className="h-3.5 w-3.5 text-brand-600" /> Suggestions
        </h2>
        {canWrite && canAskAi ? (
          <Button type="button" size="sm" variant="ghost" onClick={() => void triage()} disabled={busy !== null}>
            {items.length ? "Suggest again" : "Suggest"}
          </Button>
        ) : null}
      </div>
      {isPending ? (
        <p className="mt-2 text-slate-500">Loading…</p>
      ) : items.length === 0 ? (
        <p className="mt-2 text-slate-500">No suggestions yet.</p>
      ) : (
        <>
          {info.summary ? <p className="mt-2 text-slate-800">{valueText("summary", info.summary.value)}</p> : null}
          {info.language || info.sentiment ? (
            <p className="mt-1 text-xs text-slate-500">
              {[info.language && valueText("language", info.language.value), info.sentiment && `${String(info.sentiment.value).toLowerCase()} sentiment`].filter(Boolean).join(" · ")}
            </p>
          ) : null}
          <ul className="mt-3 space-y-3">
            {applicable.map((s) => (
              <li key={s.id} className="border-t border-slate-100 pt-2 first:border-t-0 first:pt-0">
                <div className="flex items-baseline justify-between gap-x-2 text-xs text-slate-500">
                  <span>{FIELD_LABEL[s.field]}</span>
                  <span title="The model's confidence">{percent(s.confidence)}</span>
                </div>
                <div className="flex items-center justify-between gap-2">
                  <p className="min-w-0 break-words font-medium text-slate-900">{valueText(s.field, s.value)}</p>
                  {s.status !== "PENDING" ? (
                    <span className="shrink-0 text-xs font-medium text-slate-500">{STATUS_LABEL[s.status]}</span>
                  ) : canWrite ? (
                    <span className="flex shrink-0 gap-1">
                      <Button type="button" size="sm" variant="secondary" onClick={() => void decide(s.id, "accept")} disabled={busy !== null} aria-label={`Accept ${FIELD_LABEL[s.field]}: ${valueText(s.field, s.value)}`}>
                        Accept
                      </Button>
                      <Button type="button" size="sm" variant="ghost" onClick={() => void decide(s.id, "dismiss")} disabled={busy !== null} aria-label={`Dismiss ${FIELD_LABEL[s.field]}`}>
                        Dismiss
                      </Button>
                    </span>
                  ) : null}
                </div>
                <p className="text-xs text-slate-600">{s.reason}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "mt-2 text-red-700" : "mt-2 text-green-700"}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
