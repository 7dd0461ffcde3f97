"use client";
// Settings → AI: whether AI assist runs for the organisation, what it may keep, its budget, and
// which triage suggestions apply themselves above a confidence. Sent as a patch of settings.ai,
// checked by the procedure's own schema on the server.
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { AiSettings } from "@/lib/validations/tenant-settings";
import { updateTenantSettingsAction } from "./general-actions";
import { SaveBar, type SaveMessage } from "./save-bar";

const AUTO_FIELDS = [
  ["priority", "Priority"],
  ["category", "Category"],
  ["businessUnit", "Business unit"],
  ["tags", "Tags"],
] as const;
type AutoField = (typeof AUTO_FIELDS)[number][0];

/** "" = always ask; otherwise a confidence from 0.5 up. */
const THRESHOLDS = [
  ["", "Always ask"],
  ["0.95", "Apply at 95 % confidence or more"],
  ["0.9", "Apply at 90 % or more"],
  ["0.8", "Apply at 80 % or more"],
  ["0.7", "Apply at 70 % or more"],
] as const;

interface FormValues {
  enabled: boolean;
  triageNewCases: boolean;
  keepPrompts: boolean;
  tokensPerDay: string;
  runsPerMinute: string;
  autoApply: Record<AutoField, string>;
}

const toForm = (ai: AiSettings): FormValues => ({
  enabled: ai.enabled,
  triageNewCases: ai.triageNewCases,
  keepPrompts: ai.keepPrompts,
  tokensPerDay: String(ai.tokensPerDay),
  runsPerMinute: String(ai.runsPerMinute),
  autoApply: Object.fromEntries(AUTO_FIELDS.map(([f]) => [f, ai.autoApply[f] === null ? "" : String(ai.autoApply[f])])) as Record<AutoField, string>,
});

export function AiSettingsForm({ slug, ai, canManage }: { slug: string; ai: AiSettings; canManage: boolean }) {
  const [message, setMessage] = useState<SaveMessage | null>(null);
  const form = useForm<FormValues>({ defaultValues: toForm(ai) });
  const { errors, isSubmitting, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(async (v) => {
    setMessage(null);
    const result = await updateTenantSettingsAction(slug, {
      ai: {
        enabled: v.enabled,
        triageNewCases: v.triageNewCases,
        keepPrompts: v.keepPrompts,
        tokensPerDay: Number(v.tokensPerDay),
        runsPerMinute: Number(v.runsPerMinute),
        autoApply: Object.fromEntries(AUTO_FIELDS.map(([f]) => [f, v.autoApply[f] === "" ? null : Number(v.autoApply[f])])),
      },
    });
    if (!result.ok) {
      const whole = applyServerErrors(form, result.error, "ai.");
      if (whole) setMessage({ tone: "error", text: whole });
      return;
    }
    form.reset(toForm(result.data.ai));
    setMessage({ tone: "ok", text: "AI settings saved." });
  });

  const number = { required: "Enter a number", pattern: { value: /^\d+$/, message: "Use a whole number" } };
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      <fieldset disabled={!canManage} className="space-y-5 disabled:opacity-80">
        <div className="space-y-3">
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-0.5" {...form.register("enabled")} />
            <span>
              <span className="font-medium text-slate-800">Use AI assist</span>
              <span className="block text-slate-500">Off: nothing of this organisation is sent to the AI provider, and every AI feature is hidden.</span>
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-0.5" {...form.register("triageNewCases")} />
            <span>
              <span className="font-medium text-slate-800">Triage new cases</span>
              <span className="block text-slate-500">Suggest a category, priority and tags for each new case (imported cases are left alone).</span>
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-0.5" {...form.register("keepPrompts")} />
            <span>
              <span className="font-medium text-slate-800">Keep prompts and answers</span>
              <span className="block text-slate-500">For inspecting runs below; personal data is replaced by placeholders either way.</span>
            </span>
          </label>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Tokens per day" htmlFor="ai-tokens" error={errors.tokensPerDay?.message} hint="Past it, AI pauses until midnight UTC and admins are told.">
            <Input id="ai-tokens" inputMode="numeric" aria-invalid={!!errors.tokensPerDay} {...form.register("tokensPerDay", number)} />
          </Field>
          <Field label="Requests per minute" htmlFor="ai-rpm" error={errors.runsPerMinute?.message} hint="Across the organisation.">
            <Input id="ai-rpm" inputMode="numeric" aria-invalid={!!errors.runsPerMinute} {...form.register("runsPerMinute", number)} />
          </Field>
        </div>
        <div>
          <p className="text-sm font-medium text-slate-700">Apply triage suggestions without asking</p>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            {AUTO_FIELDS.map(([field, label]) => (
              <Field key={field} label={label} htmlFor={`ai-auto-${field}`}>
                <Select id={`ai-auto-${field}`} {...form.register(`autoApply.${field}`)}>
                  {THRESHOLDS.map(([value, text]) => (
                    <option key={value} value={value}>
                      {text}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
        </div>
      </fieldset>
      {canManage ? <SaveBar label="Save AI settings" isSubmitting={isSubmitting} isDirty={isDirty} message={message} /> : null}
    </form>
  );
}
