"use client";
// The websites the widget may load on, one row each: add, edit, remove, then save the list. Each
// row's error (the client's check or the server's, both keyed `allowedOrigins.<row>`) shows
// beside that row.
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus, X } from "lucide-react";
import { useState } from "react";
import { useForm, useWatch, type UseFormReturn } from "react-hook-form";
import { z } from "zod";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/action-result";
import { MAX_ALLOWED_ORIGINS, updateChatWidgetSchema } from "@/lib/validations/chat-widget";
import { SaveBar } from "../save-bar";
import { updateChatWidgetAction } from "./chat-widget-actions";

const originsSchema = z.object({ allowedOrigins: updateChatWidgetSchema.shape.allowedOrigins.unwrap() });
type FormInput = z.input<typeof originsSchema>;
type FormOutput = z.output<typeof originsSchema>;
type ActionError = Extract<ActionResult, { ok: false }>["error"];

const ROW_PATH = /^allowedOrigins\.(\d+)$/;

/**
 * Puts the server's row errors on their rows. applyServerErrors places top-level fields only, so
 * it gets the rest (a list-wide error) and says what belongs to the form as a whole.
 */
function showServerErrors(form: UseFormReturn<FormInput, unknown, FormOutput>, error: ActionError): string | null {
  const rows = form.getValues("allowedOrigins").length;
  let placed = 0;
  for (const [path, messages] of Object.entries(error.fieldErrors ?? {})) {
    const row = Number(ROW_PATH.exec(path)?.[1] ?? NaN);
    if (row < rows) {
      form.setError(`allowedOrigins.${row}`, { type: "server", message: messages[0] });
      placed++;
    }
  }
  const whole = applyServerErrors(form, error);
  return placed ? null : whole;
}

export function AllowedOriginsEditor({ slug, origins }: { slug: string; origins: string[] }) {
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(originsSchema), defaultValues: { allowedOrigins: origins } });
  const { errors, isSubmitting, isDirty, isSubmitted } = form.formState;
  const rows = useWatch({ control: form.control, name: "allowedOrigins" });

  const edit = (next: string[]) => {
    setMessage(null);
    // Once a save was tried, errors follow the edits (rows shift when one is removed).
    form.setValue("allowedOrigins", next, { shouldDirty: true, shouldValidate: isSubmitted });
  };
  const add = () => {
    edit([...rows, ""]);
    // The new row's input exists after this render.
    requestAnimationFrame(() => document.getElementById(`widget-origin-${rows.length}`)?.focus());
  };

  // The rows as typed go to the server, not the resolver's output: that one is normalised and
  // without duplicates, so the server's `allowedOrigins.<n>` would not name the row on screen.
  const onSubmit = form.handleSubmit(async () => {
    setMessage(null);
    const result = await updateChatWidgetAction(slug, { allowedOrigins: form.getValues("allowedOrigins") });
    if (!result.ok) {
      const text = showServerErrors(form, result.error);
      if (text) setMessage({ tone: "error", text });
      return;
    }
    form.reset({ allowedOrigins: result.data.allowedOrigins });
    setMessage({ tone: "ok", text: "Websites saved." });
  });

  const listError = errors.allowedOrigins?.message;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Allowed websites">
      {rows.length ? (
        <ul aria-label="Websites" className="space-y-2">
          {rows.map((value, index) => {
            const id = `widget-origin-${index}`;
            const error = errors.allowedOrigins?.[index]?.message;
            return (
              <li key={index}>
                <div className="flex items-center gap-2">
                  <label htmlFor={id} className="sr-only">
                    Website {index + 1}
                  </label>
                  <Input
                    id={id}
                    type="url"
                    inputMode="url"
                    autoComplete="off"
                    spellCheck={false}
                    placeholder="https://www.example.com"
                    value={value}
                    aria-invalid={!!error}
                    aria-describedby={error ? `${id}-error` : undefined}
                    onChange={(e) => edit(rows.map((v, i) => (i === index ? e.target.value : v)))}
                    className="min-w-0 flex-1 font-mono"
                  />
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    className="size-9 shrink-0 px-0 text-slate-600"
                    aria-label={`Remove website ${index + 1}${value ? ` (${value})` : ""}`}
                    title="Remove"
                    onClick={() => edit(rows.filter((_, i) => i !== index))}
                  >
                    <X className="size-4" aria-hidden />
                  </Button>
                </div>
                {error ? (
                  <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-600">
                    {error}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-center text-sm text-slate-600">
          No websites yet: the widget loads nowhere but the preview on this page.
        </p>
      )}
      {listError ? (
        <p role="alert" className="text-sm text-red-600">
          {listError}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={add} disabled={rows.length >= MAX_ALLOWED_ORIGINS}>
          <Plus className="size-4" aria-hidden />
          Add website
        </Button>
        {rows.length >= MAX_ALLOWED_ORIGINS ? <span className="text-xs text-slate-500">At most {MAX_ALLOWED_ORIGINS} websites.</span> : null}
      </div>
      <SaveBar label="Save websites" isSubmitting={isSubmitting} isDirty={isDirty} message={message} />
    </form>
  );
}
