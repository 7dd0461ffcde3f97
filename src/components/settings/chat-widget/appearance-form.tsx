"use client";
// The widget's colour and greeting, checked by the procedure's own schema before it is sent;
// the server's field errors land beside the same fields.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { updateChatWidgetSchema, WIDGET_COLOR_PATTERN, type ChatWidgetSettings } from "@/lib/validations/chat-widget";
import { SaveBar } from "../save-bar";
import { updateChatWidgetAction } from "./chat-widget-actions";

const appearanceSchema = updateChatWidgetSchema.pick({ color: true, greeting: true });
type FormInput = z.input<typeof appearanceSchema>;
type FormOutput = z.output<typeof appearanceSchema>;

export const GREETING_MAX = 200;

export function AppearanceForm({ slug, color, greeting, onSaved }: { slug: string; color: string; greeting: string; onSaved: (settings: ChatWidgetSettings) => void }) {
  const [saved, setSaved] = useState(false);
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(appearanceSchema), defaultValues: { color, greeting } });
  const { errors, isSubmitting, isDirty } = form.formState;
  const [shownColor = "", shownGreeting = ""] = useWatch({ control: form.control, name: ["color", "greeting"] });
  // The picker only takes #rrggbb: while the text is half typed it keeps the last saved colour.
  const pickerColor = WIDGET_COLOR_PATTERN.test(shownColor) ? shownColor.toLowerCase() : color;

  const { onSubmit, formError } = useActionSubmit(form, (values) => {
    setSaved(false);
    return updateChatWidgetAction(slug, values);
  }, (data) => {
    form.reset({ color: data.color, greeting: data.greeting });
    setSaved(true);
    onSaved(data);
  });
  const message = formError ? { tone: "error" as const, text: formError } : saved && !isDirty ? { tone: "ok" as const, text: "Appearance saved." } : null;

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Appearance">
      <Field label="Colour" htmlFor="widget-color" error={errors.color?.message} hint="The chat button and the visitor's messages use it.">
        <div className="flex items-center gap-2">
          <input
            type="color"
            aria-label="Pick a colour"
            value={pickerColor}
            onChange={(e) => form.setValue("color", e.target.value, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })}
            className="h-9 w-12 shrink-0 cursor-pointer rounded-md border border-slate-300 bg-white p-1"
          />
          <Input id="widget-color" className="w-32 font-mono" autoComplete="off" spellCheck={false} aria-invalid={!!errors.color} {...form.register("color")} />
        </div>
      </Field>
      <Field label="Greeting" htmlFor="widget-greeting" error={errors.greeting?.message} hint={`What visitors read when they open the chat. ${shownGreeting.length}/${GREETING_MAX} characters.`}>
        <Textarea id="widget-greeting" rows={3} className="min-h-20" aria-invalid={!!errors.greeting} {...form.register("greeting")} />
      </Field>
      <SaveBar label="Save appearance" isSubmitting={isSubmitting} isDirty={isDirty} message={message} />
    </form>
  );
}
