"use client";
// The member's own time zone: times across the app are shown in it; "the organisation's" follows
// whatever the organisation sets. Saved when chosen, with the reason shown if refused.
import { useMemo, useState, useTransition } from "react";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { updateProfileAction } from "./profile-actions";

interface Props {
  slug: string;
  timeZone: string | null;
  organisationTimeZone: string;
}

const ORGANISATION = "";

export function ProfileForm({ slug, timeZone, organisationTimeZone }: Props) {
  const [value, setValue] = useState(timeZone ?? ORGANISATION);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const zones = useMemo(() => {
    const all = Intl.supportedValuesOf("timeZone");
    return timeZone && !all.includes(timeZone) ? [timeZone, ...all] : all;
  }, [timeZone]);

  const choose = (next: string) => {
    const previous = value;
    setValue(next);
    setMessage(null);
    startTransition(async () => {
      const result = await updateProfileAction(slug, { timeZone: next === ORGANISATION ? null : next });
      if (result.ok) {
        setMessage({ tone: "ok", text: `Times are now shown in ${(result.data.timeZone ?? organisationTimeZone).replaceAll("_", " ")}.` });
      } else {
        setValue(previous);
        setMessage({ tone: "error", text: result.error.fieldErrors?.timeZone?.[0] ?? result.error.message });
      }
    });
  };

  return (
    <div className="max-w-md space-y-2">
      <Field label="Time zone" htmlFor="profile-tz" hint="Times across the app are shown in it, in every organisation you belong to. Working hours and SLA targets keep the organisation's.">
        <Select id="profile-tz" value={value} disabled={pending} onChange={(e) => choose(e.target.value)}>
          <option value={ORGANISATION}>The organisation&apos;s ({organisationTimeZone.replaceAll("_", " ")})</option>
          {zones.map((tz) => (
            <option key={tz} value={tz}>
              {tz.replaceAll("_", " ")}
            </option>
          ))}
        </Select>
      </Field>
      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "text-sm text-red-600" : "text-sm text-green-700"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
