"use client";
// What counts as a trend and who hears of one: saved as a patch of settings.trending, checked by
// the settings procedure's own schema. An empty score turns that announcement off.
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { SaveBar, type SaveMessage } from "@/components/settings/save-bar";
import { updateTenantSettingsAction } from "@/components/settings/general-actions";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { TEXT_LANGUAGES, textLanguageName, type TextLanguage, type TrendingSettings } from "@/lib/validations/tenant-settings";

interface FormValues {
  textLanguage: TextLanguage;
  minCases: string;
  feedScore: string;
  alertScore: string;
}

const toForm = (t: TrendingSettings, textLanguage: TextLanguage): FormValues => ({
  textLanguage,
  minCases: String(t.minCases),
  feedScore: t.feedScore === null ? "" : String(t.feedScore),
  alertScore: t.alertScore === null ? "" : String(t.alertScore),
});
const score = { pattern: { value: /^\d+(\.\d+)?$/, message: "Use a number, or leave empty for never" } };

export function TrendingSettingsForm({ slug, trending, textLanguage }: { slug: string; trending: TrendingSettings; textLanguage: TextLanguage }) {
  const [message, setMessage] = useState<SaveMessage | null>(null);
  const form = useForm<FormValues>({ defaultValues: toForm(trending, textLanguage) });
  const { errors, isSubmitting, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(async (v) => {
    setMessage(null);
    const result = await updateTenantSettingsAction(slug, {
      textLanguage: v.textLanguage,
      trending: {
        minCases: Number(v.minCases),
        feedScore: v.feedScore.trim() === "" ? null : Number(v.feedScore),
        alertScore: v.alertScore.trim() === "" ? null : Number(v.alertScore),
      },
    });
    if (!result.ok) {
      const whole = applyServerErrors(form, result.error, "trending.");
      if (whole) setMessage({ tone: "error", text: whole });
      return;
    }
    form.reset(toForm(result.data.trending, result.data.textLanguage));
    setMessage({ tone: "ok", text: "Saved; the next computation uses it." });
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label="Language of the cases" htmlFor="trending-language" hint="Words are stemmed and stop words dropped by it, here and in search; changing it counts the last four weeks again.">
        <Select id="trending-language" className="sm:max-w-xs" {...form.register("textLanguage")}>
          {TEXT_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {textLanguageName(l)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Fewest cases" htmlFor="trending-min" error={errors.minCases?.message} hint="A word in fewer cases a day never trends.">
          <Input
            id="trending-min"
            inputMode="numeric"
            aria-invalid={!!errors.minCases}
            {...form.register("minCases", { required: "Enter a number", pattern: { value: /^\d+$/, message: "Use a whole number" } })}
          />
        </Field>
        <Field label="Post to the feed from score" htmlFor="trending-feed" error={errors.feedScore?.message} hint="Once a day per topic; empty: never.">
          <Input id="trending-feed" inputMode="decimal" aria-invalid={!!errors.feedScore} {...form.register("feedScore", score)} />
        </Field>
        <Field label="Fire an alert from score" htmlFor="trending-alert" error={errors.alertScore?.message} hint="When a topic crosses it; empty: never.">
          <Input id="trending-alert" inputMode="decimal" aria-invalid={!!errors.alertScore} {...form.register("alertScore", score)} />
        </Field>
      </div>
      <SaveBar label="Save" isSubmitting={isSubmitting} isDirty={isDirty} message={message} />
    </form>
  );
}
