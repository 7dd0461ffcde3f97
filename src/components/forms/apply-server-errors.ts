import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";

type ActionError = Extract<ActionResult, { ok: false }>["error"];

/**
 * Shows a server's field errors beside their fields; returns the message for the form as a
 * whole (with the request id when the server failed, so support can find the log line).
 * `prefix`: the form edits one object of the input ("ai." for `ai.tokensPerDay`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function applyServerErrors<T extends FieldValues>(form: UseFormReturn<T, any, any>, error: ActionError, prefix = ""): string | null {
  let placed = 0;
  for (const [path, messages] of Object.entries(error.fieldErrors ?? {})) {
    const field = path.startsWith(prefix) ? path.slice(prefix.length) : "";
    if (field && field in form.getValues()) {
      form.setError(field as Path<T>, { type: "server", message: messages[0] });
      placed++;
    }
  }
  if (placed > 0) return null;
  return error.code === "INTERNAL_SERVER_ERROR" && error.requestId
    ? `${error.message} (request ${error.requestId})`
    : error.message;
}
