// What server actions return to forms: success with data, or the one error shape with field errors.
import type { FieldErrors } from "@/server/errors/app-error";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: {
        code: string;
        message: string;
        fieldErrors?: FieldErrors;
        /** The rest of the error's details, as the API gives them (e.g. reason: "NEW_REPLIES", messageIds). */
        details?: Record<string, unknown>;
        requestId?: string;
      };
    };
