import type { Metadata } from "next";
import { OutcomeBadge, seconds } from "@/components/ai/ai-runs-table";
import { Link } from "@/components/ui/link";
import { formatDateTime } from "@/lib/format";
import { api } from "@/trpc/server";
import { loadTenant, orNotFound } from "../../../../_components/load-tenant";

export const metadata: Metadata = { title: "AI run" };

const KIND_LABEL = { call: "Model call", validation: "Answer refused by the schema (fed back)" } as const;

export default async function AiRunPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const view = await loadTenant(slug);
  const timeZone = view.state === "active" ? view.tenant.displayTimeZone : "UTC";
  const run = await orNotFound(() => api.ai.run({ id }));
  const redactions = Object.entries(run.redactions);
  return (
    <section aria-labelledby="run-heading" className="space-y-6">
      <Link href={`/t/${slug}/settings/ai`} className="text-sm text-brand-700 hover:underline">← All runs</Link>
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="run-heading" className="text-base font-semibold">
            {run.agent} <span className="font-normal text-slate-500">v{run.agentVersion}</span>
          </h2>
          <OutcomeBadge outcome={run.outcome} reason={run.failureReason} />
        </div>
        <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div><dt className="text-slate-500">Started</dt><dd>{formatDateTime(run.createdAt, timeZone)}</dd></div>
          <div><dt className="text-slate-500">Model</dt><dd className="break-all">{run.model}</dd></div>
          <div><dt className="text-slate-500">Case</dt><dd>{run.caseNumber ? <Link href={`/t/${slug}/cases/${run.caseNumber}`} className="text-brand-700 hover:underline">#{run.caseNumber}</Link> : "–"}</dd></div>
          <div><dt className="text-slate-500">Time</dt><dd>{seconds(run.latencyMs)}</dd></div>
          <div><dt className="text-slate-500">Tokens</dt><dd>{run.tokensIn.toLocaleString("en-US")} in, {run.tokensOut.toLocaleString("en-US")} out</dd></div>
          <div><dt className="text-slate-500">Personal data replaced</dt><dd>{redactions.length ? redactions.map(([k, n]) => `${n} ${k.toLowerCase()}`).join(", ") : "none found"}</dd></div>
        </dl>
        {run.error ? <p className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{run.error}</p> : null}
      </div>
      <div>
        <h3 className="text-sm font-semibold text-slate-700">Attempts</h3>
        <ol className="mt-2 space-y-2">
          {run.attempts.map((a) => (
            <li key={a.n} className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
              <span className="font-medium">{a.n}. {KIND_LABEL[a.kind]}</span>
              {a.ms !== undefined ? <span className="text-slate-500"> · {seconds(a.ms)}</span> : null}
              {a.status ? <span className="text-slate-500"> · HTTP {a.status}</span> : null}
              {a.error ? <p className="mt-1 break-words text-slate-700">{a.error}</p> : <p className="mt-1 text-green-700">Answered</p>}
            </li>
          ))}
        </ol>
      </div>
      {run.prompt !== null || run.output !== null ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <div>
            <h3 className="text-sm font-semibold text-slate-700">Prompt (redacted)</h3>
            <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(run.prompt, null, 2)}</pre>
          </div>
          <div>
            <h3 className="text-sm font-semibold text-slate-700">Output (redacted)</h3>
            <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(run.output, null, 2)}</pre>
          </div>
        </div>
      ) : (
        <p className="text-sm text-slate-500">Prompts and answers are not kept (Settings → AI → Keep prompts and answers).</p>
      )}
    </section>
  );
}
