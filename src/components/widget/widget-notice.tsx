// What the chat shows instead of a conversation: paused or not for this site, or not reachable.
import { Button } from "@/components/ui/button";
import { isUnavailable, type WidgetApiError } from "./widget-api";

export function WidgetNotice({ error, onRetry }: { error: WidgetApiError; onRetry?: () => void }) {
  // Paused (or refused for this site): the reason is the tenant's business, not the visitor's.
  const unavailable = isUnavailable(error);
  return (
    <div role="alert" className="flex flex-1 flex-col items-center justify-center gap-3 px-6 text-center">
      <p className="text-sm font-medium text-slate-800">{unavailable ? "Chat is unavailable right now" : "The chat could not load"}</p>
      {unavailable ? (
        <p className="text-sm text-slate-500">Please try again later.</p>
      ) : (
        <>
          <p className="text-sm text-slate-500">{error.message}</p>
          {onRetry ? (
            <Button variant="secondary" size="sm" onClick={onRetry}>
              Try again
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}
