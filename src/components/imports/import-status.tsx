import { Badge } from "@/components/ui/badge";
import type { ImportStatus } from "@/lib/validations/import";

const TONE = { UPLOADED: "blue", QUEUED: "blue", RUNNING: "purple", SUCCEEDED: "green", FAILED: "red", CANCELLED: "gray" } as const;
const LABEL = { UPLOADED: "Needs mapping", QUEUED: "Queued", RUNNING: "Running", SUCCEEDED: "Done", FAILED: "Failed", CANCELLED: "Cancelled" } as const;

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  return <Badge tone={TONE[status]}>{LABEL[status]}</Badge>;
}

/** Imports still moving: their progress arrives as live events while any is shown. */
export const isImportActive = (status: ImportStatus) => status === "QUEUED" || status === "RUNNING";

/** Download of a stored file; the tenant is named in the query, the server checks the rest. */
export const fileHref = (slug: string, fileId: string) => `/api/files/${fileId}?tenant=${encodeURIComponent(slug)}`;
