// Job rows with what the jobs pages show instead of ids: a title, who started the job, errors in
// words, labelled fields and downloads. The names of every job on the page come from one query.
import { displayTimeZone } from "@/server/services/accounts/display-time-zone";
import { RecordNames, type RecordRef } from "@/server/services/audit-log/record-names";
import type { TenantDb } from "@/server/db/tenant-db";
import { describeJob, explainJobError, jobRefs, jobStarter, type JobDescription } from "./describe-job";

export interface JobRow {
  type: string;
  status: string;
  payload: unknown;
  result: unknown;
  lastError: string | null;
}

export interface StartedBy {
  type: "user" | "apiKey" | "system";
  id: string | null;
  name: string;
  /** A member's email, or "API key". */
  detail: string | null;
}

export type JobView<R> = Omit<R, "payload" | "result"> &
  JobDescription & { startedBy: StartedBy; error: string | null; payload: unknown; result: unknown };

export function startedByOf(job: Pick<JobRow, "type" | "payload">, names: RecordNames): StartedBy {
  const starter = jobStarter(job);
  if (starter.type === "system" || !starter.id) return { type: "system", id: null, name: starter.scheduled ? "Scheduled" : "System", detail: null };
  if (starter.type === "apiKey") {
    const key = names.find("api_key", starter.id);
    return { type: "apiKey", id: starter.id, name: key?.label ?? "Deleted API key", detail: "API key" };
  }
  const user = names.find("user", starter.id);
  return { type: "user", id: starter.id, name: user?.label ?? "Former member", detail: user?.detail ?? null };
}

/** The rows as views, in their order. */
export async function toJobViews<R extends JobRow>(db: TenantDb, rows: R[]): Promise<JobView<R>[]> {
  const refs: RecordRef[] = rows.flatMap((r) => jobRefs(r));
  const [names, timeZone] = await Promise.all([RecordNames.load(db, refs), displayTimeZone(db)]);
  const ctx = {
    name: names.label.bind(names),
    find: names.find.bind(names),
    timeZone,
  };
  return rows.map((row) => ({
    ...row,
    ...describeJob(row, ctx),
    startedBy: startedByOf(row, names),
    error: explainJobError(row),
  }));
}
