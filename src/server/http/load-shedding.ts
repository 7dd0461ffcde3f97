// Load shedding at the HTTP entry. Admission control (src/server/db/admission.ts) refuses a caller
// that would queue too long for a connection, but deep in a request that refusal comes after the
// work before it: parsing, the session or key lookup, the router. Clients that retry at once then
// keep the process busy refusing (measured: ~800 refusals/s and 15 answers/s, against 118 answers/s
// for clients that wait out Retry-After). Checking the same gate first, before any of that work,
// makes a refusal cost almost nothing, so the answers keep flowing under a retry storm.
import { getDatabase } from "@/server/db/database";
import type { AppError } from "@/server/errors/app-error";
import { toAppError } from "@/server/errors/to-app-error";

/** The 503 OVERLOADED a new request would get from the database gate right now, or null. */
export async function overloadRefusal(): Promise<AppError | null> {
  const db = await getDatabase().catch(() => null);
  // A database that is down is answered by the request itself (503 DATABASE_UNAVAILABLE).
  if (!db) return null;
  try {
    db.refuseIfBusy();
    return null;
  } catch (error) {
    return toAppError(error);
  }
}
