import type { Metadata } from "next";
import { Suspense } from "react";
import { CaseComposer } from "@/components/cases/case-composer";
import { CaseDetailView } from "@/components/cases/case-detail-view";
import { CaseTimeline } from "@/components/cases/case-timeline";
import { ChatVisitorPanel } from "@/components/cases/chat-visitor-panel";
import { CustomerPanel } from "@/components/cases/customer-panel";
import { AiSuggestionsPanel } from "@/components/ai/ai-suggestions-panel";
import { CaseSummaryCard } from "@/components/ai/case-summary-card";
import { attachmentLimitOf } from "@/server/services/attachments/limit";
import { api, getQueryClient, HydrateClient, prefetch, trpc } from "@/trpc/server";
import { loadTenant } from "../../_components/load-tenant";
import { loadCaseByNumber } from "./load-case";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }): Promise<Metadata> {
  return { title: `Case #${(await params).number}` };
}

export default async function CaseDetailPage({ params }: { params: Promise<{ slug: string; number: string }> }) {
  const { slug, number: raw } = await params;
  // Already loaded (and 404 decided) by the layout, in this request.
  const { number, detail: c } = await loadCaseByNumber(raw);
  const [view, members, customer, ai, chatVisitor] = await Promise.all([
    loadTenant(slug),
    api.members.list(),
    // The customer panel is a nice-to-have: a failure there must not take the case down.
    c.customer ? api.customers.get({ id: c.customer.id }).catch(() => null) : null,
    // AI assist is extra too: without it (or if asking fails) the page shows no AI feature.
    api.ai.status().catch(() => ({ available: false, enabled: false })),
    // A chat's visitor, beside the conversation; extra too.
    c.channel === "CHAT" ? api.chat.visitor({ caseId: c.id }).catch(() => null) : null,
    prefetch(trpc.cases.get.queryOptions({ number })),
    prefetch(trpc.cases.timeline.queryOptions({ caseId: c.id, limit: 200 })),
  ]);
  const canWrite = view.state === "active" && view.tenant.permissions.includes("cases:write");
  // The suggestions come with the page: the AI's when it is on, the learned model's whenever there
  // are some (the panel shows with either; neither needs a provider to be read).
  const [suggestions] = await Promise.all([
    getQueryClient().fetchQuery(trpc.ai.suggestions.queryOptions({ caseId: c.id })).catch(() => ({ items: [] })),
    ai.enabled ? prefetch(trpc.ai.summary.queryOptions({ caseId: c.id })) : null,
  ]);
  const showSuggestions = ai.enabled || suggestions.items.length > 0;

  return (
    <div className="mx-auto max-w-6xl px-4 py-6 md:px-8">
      <HydrateClient>
        <CaseDetailView
          base={`/t/${slug}/cases`}
          number={number}
          members={members}
          canWrite={canWrite}
          timeZone={view.state === "active" ? view.tenant.displayTimeZone : "UTC"}
          main={
            <>
              <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
                <h2 className="text-sm font-medium text-slate-500">Description</h2>
                <p className="mt-2 whitespace-pre-wrap break-words text-sm leading-6">{c.description || "No description."}</p>
              </section>
              <section aria-labelledby="activity-heading" className="space-y-4">
                <h2 id="activity-heading" className="text-sm font-semibold text-slate-700">
                  Activity
                </h2>
                {ai.enabled ? <CaseSummaryCard caseId={c.id} /> : null}
                <Suspense fallback={<p className="text-sm text-slate-500">Loading activity…</p>}>
                  <CaseTimeline caseId={c.id} members={members} />
                </Suspense>
                {!canWrite ? null : c.status === "CLOSED" ? (
                  <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-600">
                    {c.mergedInto ? `This case was merged into #${c.mergedInto.number}: reply there.` : "This case is closed: it takes no more replies. A customer who writes again gets a new case."}
                  </p>
                ) : (
                  <CaseComposer caseId={c.id} members={members} aiDrafts={ai.enabled} maxFileBytes={view.state === "active" ? attachmentLimitOf(view.tenant.settings) : undefined} />
                )}
              </section>
            </>
          }
          aside={
            <>
              {showSuggestions ? <AiSuggestionsPanel caseId={c.id} number={number} canWrite={canWrite} canAskAi={ai.enabled} /> : null}
              {chatVisitor ? <ChatVisitorPanel visitor={chatVisitor} /> : null}
              {c.customer ? <CustomerPanel slug={slug} customer={c.customer} details={customer} caseId={c.id} /> : null}
            </>
          }
        />
      </HydrateClient>
    </div>
  );
}
