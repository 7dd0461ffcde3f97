"use client";
import { useMemo, useState } from "react";
import { useForm, type FieldErrors, type Resolver } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { TEXT_LANGUAGES, textLanguageName, updateTenantSettingsSchema, type TenantSettings, type TextLanguage, type UpdateTenantSettingsValues } from "@/lib/validations/tenant-settings";
import { updateTenantSettingsAction } from "./general-actions";
import { SaveBar, type SaveMessage } from "./save-bar";

const DAYS = [
  [1, "Mon"],
  [2, "Tue"],
  [3, "Wed"],
  [4, "Thu"],
  [5, "Fri"],
  [6, "Sat"],
  [7, "Sun"],
] as const;

/** What the inputs hold: lists as one-per-line text, days as checkbox strings. */
interface FormValues {
  timeZone: string;
  days: string[];
  start: string;
  end: string;
  escalationLevels: string;
  defaultAssigneeId: string;
  textLanguage: TextLanguage;
  /** As typed: a cleared field is refused, not taken as "keep the old value". */
  attachmentMaxMb: string;
}

const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);

function toSettings(v: FormValues): unknown {
  return {
    timeZone: v.timeZone,
    workingHours: { days: v.days.map(Number), start: v.start, end: v.end },
    escalationLevels: lines(v.escalationLevels),
    defaultAssigneeId: v.defaultAssigneeId || null,
    textLanguage: v.textLanguage,
    attachmentMaxMb: v.attachmentMaxMb.trim() === "" ? Number.NaN : Number(v.attachmentMaxMb),
  };
}

/** "workingHours.end" → "end", "escalationLevels.1" → "escalationLevels": server and client paths onto inputs. */
function fieldOf(path: string): keyof FormValues | null {
  const [head, sub] = path.split(".");
  if (head === "workingHours") return sub === "days" ? "days" : sub === "start" ? "start" : sub === "end" ? "end" : "end";
  return head === "timeZone" || head === "escalationLevels" || head === "defaultAssigneeId" || head === "textLanguage" || head === "attachmentMaxMb" ? head : null;
}

/** zod's words for a missing or fractional number are for developers; these are for the form. */
const messageOf = (field: keyof FormValues, issue: { code: string; message: string }) =>
  field === "attachmentMaxMb" && issue.code === "invalid_type" ? "Enter a whole number of MB, from 1 to 100" : issue.message;

/** The form's values from the stored settings. */
const formValuesOf = (s: TenantSettings): FormValues => ({
  timeZone: s.timeZone,
  days: s.workingHours.days.map(String),
  start: s.workingHours.start,
  end: s.workingHours.end,
  escalationLevels: s.escalationLevels.join("\n"),
  defaultAssigneeId: s.defaultAssigneeId ?? "",
  textLanguage: s.textLanguage,
  attachmentMaxMb: String(s.attachmentMaxMb),
});

/** The procedure's own schema decides, before the request and again on the server. */
// The patch schema: only this form's fields are sent, so the category lists (edited beside it) stay.
const resolver: Resolver<FormValues, unknown, UpdateTenantSettingsValues> = async (values) => {
  const parsed = updateTenantSettingsSchema.safeParse(toSettings(values));
  if (parsed.success) return { values: parsed.data, errors: {} };
  const errors: FieldErrors<FormValues> = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path.join("."));
    if (field && !errors[field]) errors[field] = { type: "validate", message: messageOf(field, issue) };
  }
  return { values: {}, errors };
};

interface Props {
  slug: string;
  settings: TenantSettings;
  assignees: { userId: string; name: string }[];
  canManage: boolean;
}

export function GeneralSettingsForm({ slug, settings, assignees, canManage }: Props) {
  const [message, setMessage] = useState<SaveMessage | null>(null);
  const timeZones = useMemo(() => {
    const all = Intl.supportedValuesOf("timeZone");
    return all.includes(settings.timeZone) ? all : [settings.timeZone, ...all];
  }, [settings.timeZone]);
  const form = useForm<FormValues, unknown, UpdateTenantSettingsValues>({
    resolver,
    defaultValues: formValuesOf(settings),
  });
  const { errors, isSubmitting, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const result = await updateTenantSettingsAction(slug, values);
    if (!result.ok) {
      let placed = 0;
      for (const [path, messages] of Object.entries(result.error.fieldErrors ?? {})) {
        const field = fieldOf(path);
        if (field) {
          form.setError(field, { type: "server", message: messages[0] });
          placed++;
        }
      }
      if (placed === 0) setMessage({ tone: "error", text: result.error.message });
      return;
    }
    form.reset(formValuesOf(result.data));
    setMessage({ tone: "ok", text: "Settings saved." });
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      <fieldset disabled={!canManage} className="space-y-5 [&_:is(input,select,textarea):disabled]:cursor-not-allowed [&_:is(input,select,textarea):disabled]:bg-slate-50 [&_:is(input,select,textarea):disabled]:text-slate-600">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Time zone" htmlFor="settings-tz" error={errors.timeZone?.message} hint="Working hours, SLA targets and the overview use it.">
            <Select id="settings-tz" aria-invalid={!!errors.timeZone} {...form.register("timeZone")}>
              {timeZones.map((tz) => (
                <option key={tz} value={tz}>
                  {tz.replaceAll("_", " ")}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Default assignee" htmlFor="settings-assignee" error={errors.defaultAssigneeId?.message} hint="New cases without an assignee go to this member.">
            <Select id="settings-assignee" aria-invalid={!!errors.defaultAssigneeId} {...form.register("defaultAssigneeId")}>
              <option value="">Nobody (leave unassigned)</option>
              {assignees.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>

        <div>
          <p className="text-sm font-medium text-slate-700" id="working-hours-label">Working hours</p>
          <div className="mt-2 flex flex-wrap items-end gap-4" role="group" aria-labelledby="working-hours-label">
            <div className="flex flex-wrap gap-1.5">
              {DAYS.map(([value, label]) => (
                <label key={value} className="flex cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 has-[:checked]:text-brand-700">
                  <input type="checkbox" value={String(value)} className="size-3.5 accent-brand-600" {...form.register("days")} />
                  {label}
                </label>
              ))}
            </div>
            <div className="flex items-center gap-2">
              <label htmlFor="settings-start" className="sr-only">Start</label>
              <Input id="settings-start" type="time" className="w-36" aria-invalid={!!errors.start} {...form.register("start")} />
              <span className="text-sm text-slate-500">to</span>
              <label htmlFor="settings-end" className="sr-only">End</label>
              <Input id="settings-end" type="time" className="w-36" aria-invalid={!!errors.end} {...form.register("end")} />
            </div>
          </div>
          {[errors.days, errors.start, errors.end].filter(Boolean).map((e, i) => (
            <p key={i} role="alert" className="mt-1.5 text-sm text-red-600">
              {e!.message}
            </p>
          ))}
        </div>

        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Escalation levels"
            htmlFor="settings-escalation-levels"
            error={errors.escalationLevels?.message}
            hint="One per line, lowest first (at least one). Cases are escalated to one of these."
          >
            <Textarea id="settings-escalation-levels" rows={4} aria-invalid={!!errors.escalationLevels} {...form.register("escalationLevels")} />
          </Field>
          <Field
            label="Language of the cases"
            htmlFor="settings-text-language"
            error={errors.textLanguage?.message}
            hint="Search and trending topics read words in it: “printing” finds “printed”, and words like “the” are left out. Changing it indexes the cases again in the background."
          >
            <Select id="settings-text-language" aria-invalid={!!errors.textLanguage} {...form.register("textLanguage")}>
              {TEXT_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {textLanguageName(l)}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Largest attachment (MB)"
            htmlFor="settings-attachment-max-mb"
            error={errors.attachmentMaxMb?.message}
            hint="Files larger than this are refused when a member or a customer attaches them (1–100 MB; the server's own limit may be lower)."
          >
            <Input
              id="settings-attachment-max-mb"
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              step={1}
              className="w-32"
              aria-invalid={!!errors.attachmentMaxMb}
              {...form.register("attachmentMaxMb")}
            />
          </Field>
        </div>
      </fieldset>
      {canManage ? (
        <SaveBar label="Save settings" isSubmitting={isSubmitting} isDirty={isDirty} message={message} />
      ) : null}
    </form>
  );
}
