// The AI runs list on Settings → AI: one row per run, newest first, linking to its attempts.
import { Link } from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { formatInZone } from "@/lib/format";

export interface RunRow {
  id: string;
  agent: string;
  model: string;
  outcome: "SUCCEEDED" | "FAILED" | "RUNNING" | "INTERRUPTED";
  failureReason: string | null;
  attemptCount: number;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number | null;
  caseNumber: number | null;
  createdAt: Date;
}

const TONE = { SUCCEEDED: "green", FAILED: "red", RUNNING: "blue", INTERRUPTED: "yellow" } as const;
export const OUTCOME_LABEL = { SUCCEEDED: "Succeeded", FAILED: "Failed", RUNNING: "Running", INTERRUPTED: "Interrupted" } as const;
export const REASON_LABEL: Record<string, string> = {
  invalid_output: "answer never matched",
  provider_error: "provider error",
  timeout: "timed out",
  rate_limited: "rate limited",
  cancelled: "cancelled",
};

export function OutcomeBadge({ outcome, reason }: { outcome: RunRow["outcome"]; reason: string | null }) {
  return (
    <Badge tone={TONE[outcome]}>
      {OUTCOME_LABEL[outcome]}
      {reason ? `: ${REASON_LABEL[reason] ?? reason}` : ""}
    </Badge>
  );
}

export const seconds = (ms: number | null) => (ms === null ? "–" : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`);

export function AiRunsTable({ slug, runs, timeZone }: { slug: string; runs: RunRow[]; timeZone: string }) {
  if (runs.length === 0) return <p className="mt-4 text-sm text-slate-500">No runs match.</p>;
  return (
    <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">When</th>
            <th scope="col" className="px-3 py-2 font-medium">Agent</th>
            <th scope="col" className="px-3 py-2 font-medium">Outcome</th>
            <th scope="col" className="px-3 py-2 font-medium">Case</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Calls</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Tokens</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Time</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((r) => (
            <tr key={r.id} className="hover:bg-slate-50">
              <td className="whitespace-nowrap px-3 py-2">
                <Link href={`/t/${slug}/settings/ai/runs/${r.id}`} className="font-medium text-brand-700 hover:underline">
                  {formatInZone(r.createdAt, timeZone)}
                </Link>
              </td>
              <td className="px-3 py-2">{r.agent}</td>
              <td className="px-3 py-2">
                <OutcomeBadge outcome={r.outcome} reason={r.failureReason} />
              </td>
              <td className="px-3 py-2">{r.caseNumber ? <Link href={`/t/${slug}/cases/${r.caseNumber}`} className="hover:underline">#{r.caseNumber}</Link> : "–"}</td>
              <td className="px-3 py-2 text-right tabular-nums">{r.attemptCount}</td>
              <td className="px-3 py-2 text-right tabular-nums">{(r.tokensIn + r.tokensOut).toLocaleString("en-US")}</td>
              <td className="px-3 py-2 text-right tabular-nums">{seconds(r.latencyMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
