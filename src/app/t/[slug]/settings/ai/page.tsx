import type { Metadata } from "next";
import { AiRunsTable } from "@/components/ai/ai-runs-table";
import { TriageModelsPanel } from "@/components/ai/triage-models-panel";
import { AiSettingsForm } from "@/components/settings/ai-settings-form";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { api } from "@/trpc/server";
import { loadTenant, orNotFound } from "../../_components/load-tenant";

export const metadata: Metadata = { title: "AI settings" };

const OUTCOMES = ["SUCCEEDED", "FAILED", "RUNNING", "INTERRUPTED"] as const;
const AGENTS = ["triage", "reply-draft"] as const;

export default async function AiSettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ agent?: string; outcome?: string; cursor?: string }>;
}) {
  const { slug } = await params;
  const search = await searchParams;
  const view = await loadTenant(slug);
  if (view.state !== "active") return null;
  const { tenant } = view;
  const agent = AGENTS.find((a) => a === search.agent);
  const outcome = OUTCOMES.find((o) => o === search.outcome);
  const canManage = tenant.permissions.includes("settings:manage");
  const [status, page, learned] = await Promise.all([
    api.ai.status(),
    orNotFound(() => api.ai.runs({ limit: 25, agent, outcome, cursor: search.cursor || undefined })),
    canManage ? api.ai.triageModels() : null,
  ]);
  const base = `/t/${slug}/settings/ai`;
  const query = (extra: Record<string, string | undefined>) => {
    const entries: [string, string | undefined][] = Object.entries({ agent, outcome, ...extra });
    return new URLSearchParams(entries.filter((e): e is [string, string] => Boolean(e[1]))).toString();
  };
  const used = page.usage.tokensToday;
  const budget = page.usage.tokensPerDay;
  const share = budget > 0 ? Math.min(100, Math.round((used / budget) * 100)) : 100;

  return (
    <div className="space-y-8">
      {!status.available ? (
        <p className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-600">
          This server has no AI provider, so AI assist is hidden everywhere. The operator sets one with AI_BASE_URL and AI_MODEL (any OpenAI-compatible endpoint) or AI_BEDROCK_MODEL.
        </p>
      ) : null}
      <section aria-labelledby="ai-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="ai-heading" className="text-base font-semibold">AI assist</h2>
        <div className="mt-4">
          <AiSettingsForm slug={slug} ai={tenant.settings.ai} canManage={canManage} />
        </div>
      </section>
      {learned ? <TriageModelsPanel models={learned.items} training={learned.training} timeZone={tenant.displayTimeZone} canManage={canManage} /> : null}
      <section aria-labelledby="runs-heading">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="runs-heading" className="text-base font-semibold">Runs</h2>
            <p className="mt-1 text-sm text-slate-600">
              Today (UTC): {used.toLocaleString("en-US")} of {budget.toLocaleString("en-US")} tokens
            </p>
            <div className="mt-1 h-1.5 w-56 overflow-hidden rounded-full bg-slate-200" role="meter" aria-label="Tokens used today" aria-valuemin={0} aria-valuemax={budget} aria-valuenow={Math.min(used, budget)}>
              <div className={share >= 100 ? "h-full bg-red-500" : share >= 80 ? "h-full bg-amber-500" : "h-full bg-brand-600"} style={{ width: `${share}%` }} />
            </div>
          </div>
          <form action={base} className="flex flex-wrap gap-2" aria-label="Filter runs">
            <select name="agent" defaultValue={agent ?? ""} aria-label="Agent" className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm">
              <option value="">Any agent</option>
              {AGENTS.map((a) => (
                <option key={a} value={a}>{a}</option>
              ))}
            </select>
            <select name="outcome" defaultValue={outcome ?? ""} aria-label="Outcome" className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm">
              <option value="">Any outcome</option>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>{o.charAt(0) + o.slice(1).toLowerCase()}</option>
              ))}
            </select>
            <Button type="submit" variant="secondary">Filter</Button>
          </form>
        </div>
        <AiRunsTable slug={slug} runs={page.items} timeZone={tenant.displayTimeZone} />
        <nav className="mt-4 flex justify-between text-sm" aria-label="Pagination">
          {search.cursor ? <Link href={`${base}?${query({})}`} className="font-medium text-brand-600 hover:underline">← Newest</Link> : <span />}
          {page.nextCursor ? (
            <Link href={`${base}?${query({ cursor: page.nextCursor })}`} className="font-medium text-brand-600 hover:underline">
              Older →
            </Link>
          ) : null}
        </nav>
      </section>
    </div>
  );
}
