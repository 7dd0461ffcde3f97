// The audit log's rows as people read them: who (name, key, or System, with the IP), what (the
// action), on what (a case number and title, a name, or "Deleted …") and the changes as
// before → after. Everything is named by audit.list; this only lays it out. Times are in the
// tenant's time zone, labelled once in the header.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { formatInZone, zoneLabel } from "@/lib/format";

type AuditEvent = inferRouterOutputs<AppRouter>["audit"]["list"]["items"][number];

/** "case.status_changed" → "Case status changed". */
export function actionInWords(action: string): string {
  const words = action.replace(/[._]/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : action;
}

export function AuditTable({ events, timeZone }: { events: AuditEvent[]; timeZone: string }) {
  return (
    <>
      {/* Narrow screens have no "When" column: each row shows its time, the zone is named here. */}
      <p className="mt-3 text-xs text-slate-500 sm:hidden">Times in {zoneLabel(timeZone)}.</p>
      <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="hidden px-4 py-2.5 sm:table-cell">
                When <span className="font-normal normal-case tracking-normal">({zoneLabel(timeZone)})</span>
              </th>
              <th scope="col" className="px-4 py-2.5">Who</th>
              <th scope="col" className="px-4 py-2.5">What</th>
              <th scope="col" className="hidden px-4 py-2.5 lg:table-cell">Changes</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {events.map((e) => (
              <tr key={e.id} className="align-top">
                <td className="hidden whitespace-nowrap px-4 py-3 text-slate-600 sm:table-cell">
                  <time dateTime={e.createdAt.toISOString()}>{formatInZone(e.createdAt, timeZone, { seconds: true })}</time>
                </td>
                <td className="px-4 py-3">
                  <p className="mb-1 text-xs text-slate-500 sm:hidden">
                    <time dateTime={e.createdAt.toISOString()}>{formatInZone(e.createdAt, timeZone)}</time>
                  </p>
                  <span className="font-medium text-slate-900">{e.actor.name}</span>
                  {e.actor.detail ? <p className="text-xs text-slate-500">{e.actor.detail}</p> : null}
                  {e.ip ? <p className="font-mono text-xs text-slate-500">{e.ip}</p> : null}
                </td>
                <td className="px-4 py-3">
                  <p className="text-slate-900">{actionInWords(e.action)}</p>
                  {e.target ? (
                    <p className={`text-xs ${e.target.deleted ? "italic text-slate-500" : "text-slate-600"}`}>
                      {e.target.label}
                      {e.target.detail ? <span className="text-slate-500"> · {e.target.detail}</span> : null}
                    </p>
                  ) : null}
                  {/* The changes column is hidden on narrow screens: the changes go here instead. */}
                  <Changes changes={e.changes} className="mt-1 lg:hidden" />
                </td>
                <td className="hidden max-w-md px-4 py-3 lg:table-cell">
                  <Changes changes={e.changes} />
                  {e.requestId ? <p className="mt-1 text-xs text-slate-500">request {e.requestId.slice(0, 8)}</p> : null}
                </td>
              </tr>
            ))}
            {events.length === 0 ? (
              <tr>
                <td colSpan={4} className="px-4 py-8 text-center text-slate-500">No events match.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Changes({ changes, className = "" }: { changes: AuditEvent["changes"]; className?: string }) {
  if (changes.length === 0) return null;
  return (
    <ul className={`space-y-0.5 text-xs ${className}`}>
      {changes.map((c, i) => (
        <li key={`${c.field}-${i}`} className="break-words">
          <span className="text-slate-500">{c.label}: </span>
          {c.changed ? (
            <>
              {c.before === null ? <span className="italic text-slate-500">none</span> : <span className="text-slate-600 line-through decoration-slate-400">{c.before}</span>}
              <span aria-label="changed to" className="mx-1 text-slate-500">→</span>
              {c.after === null ? <span className="italic text-slate-500">none</span> : <span className="font-medium text-slate-900">{c.after}</span>}
            </>
          ) : (
            <span className="text-slate-900">{c.before ?? c.after ?? "—"}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
