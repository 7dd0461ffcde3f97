import { Link } from "@/components/ui/link";
import { CancelDeletionButton } from "@/components/settings/danger-zone-cancel-button";

const longDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: "UTC" });

/** What members see while their organisation waits for its purge; owners may still cancel it. */
export function DeletionScheduledNotice({
  slug,
  message,
  deletionScheduledFor,
  canCancel,
}: {
  slug: string;
  message: string;
  deletionScheduledFor: string;
  canCancel: boolean;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md rounded-xl border border-red-200 bg-red-50 p-8 text-center">
        <h1 className="text-lg font-semibold text-red-900">Organisation scheduled for deletion</h1>
        <p className="mt-2 text-sm text-red-800">{message}</p>
        <p className="mt-1 text-xs text-red-700">
          All cases, customers, files and the audit log are removed after {longDate.format(new Date(deletionScheduledFor))} UTC.
        </p>
        {canCancel ? (
          <div className="mt-6">
            <CancelDeletionButton slug={slug} />
          </div>
        ) : (
          <p className="mt-4 text-sm text-red-800">Ask an owner of the organisation if this is a mistake.</p>
        )}
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-red-900 underline">
          Go to another workspace
        </Link>
      </div>
    </main>
  );
}
