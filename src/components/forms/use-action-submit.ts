"use client";
// The one submit flow of forms backed by a server action: clear the last error, call the action,
// put the server's field errors beside their fields (or show its message for the whole form), and
// hand the data of a success on. A success handler that returns a string shows it as the form's
// message (e.g. the account was created but signing in failed).
import { useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";
import { applyServerErrors } from "./apply-server-errors";

export function useActionSubmit<TInput extends FieldValues, TOutput, TData>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- react-hook-form's context slot
  form: UseFormReturn<TInput, any, TOutput>,
  action: (values: TOutput) => Promise<ActionResult<TData>>,
  onSuccess: (data: TData, values: TOutput) => Promise<string | void> | string | void,
) {
  const [formError, setFormError] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await action(values);
    if (!result.ok) {
      setFormError(applyServerErrors(form, result.error));
      return;
    }
    const message = await onSuccess(result.data, values);
    if (typeof message === "string") setFormError(message);
  });
  return { onSubmit, formError };
}
