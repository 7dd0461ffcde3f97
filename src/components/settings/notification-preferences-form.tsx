"use client";
// Per kind of notification: in the inbox or not, and by e-mail never, immediately or in the daily
// digest. One row per kind; saved together.
import { useState, useTransition } from "react";
import { Select } from "@/components/ui/input";
import { EMAIL_MODES, NOTIFICATION_KIND_LABELS, type EmailMode, type NotificationPreferenceValue } from "@/lib/notification-kinds";
import { updateNotificationPreferencesAction } from "./notification-preferences-actions";
import { SaveBar, type SaveMessage } from "./save-bar";

const EMAIL_LABELS: Record<EmailMode, string> = { off: "No e-mail", immediate: "Immediately", digest: "Daily digest" };

export function NotificationPreferencesForm({ slug, initial, digestHour }: { slug: string; initial: NotificationPreferenceValue[]; digestHour: number }) {
  const [saved, setSaved] = useState(initial);
  const [values, setValues] = useState(initial);
  const [message, setMessage] = useState<SaveMessage | null>(null);
  const [pending, startTransition] = useTransition();
  const dirty = values.some((v, i) => v.inApp !== saved[i]!.inApp || v.email !== saved[i]!.email);

  const change = (kind: string, patch: Partial<NotificationPreferenceValue>) => {
    setMessage(null);
    setValues((list) => list.map((v) => (v.kind === kind ? { ...v, ...patch } : v)));
  };

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const changed = values.filter((v, i) => v.inApp !== saved[i]!.inApp || v.email !== saved[i]!.email);
      const result = await updateNotificationPreferencesAction(slug, changed);
      if (!result.ok) {
        setMessage({ tone: "error", text: result.error.message });
        return;
      }
      setSaved(result.data.preferences);
      setValues(result.data.preferences);
      setMessage({ tone: "ok", text: "Preferences saved." });
    });
  };

  return (
    <form onSubmit={onSubmit} className="space-y-5">
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-2 py-2 sm:px-3 font-medium">Notification</th>
              <th scope="col" className="px-2 py-2 sm:px-3 font-medium">Inbox</th>
              <th scope="col" className="px-2 py-2 sm:px-3 font-medium">E-mail</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {values.map((v) => {
              const { label, hint } = NOTIFICATION_KIND_LABELS[v.kind];
              return (
                <tr key={v.kind}>
                  <th scope="row" className="px-2 py-2 sm:px-3 text-left font-normal">
                    <span className="block font-medium text-slate-900">{label}</span>
                    <span className="hidden text-xs text-slate-500 sm:block">{hint}</span>
                  </th>
                  <td className="px-2 py-2 sm:px-3">
                    <input
                      type="checkbox"
                      className="h-4 w-4 accent-brand-600"
                      checked={v.inApp}
                      onChange={(e) => change(v.kind, { inApp: e.target.checked })}
                      aria-label={`${label} in the inbox`}
                    />
                  </td>
                  <td className="px-2 py-2 sm:px-3">
                    <Select value={v.email} onChange={(e) => change(v.kind, { email: e.target.value as EmailMode })} aria-label={`${label} by e-mail`} className="w-full min-w-[7.5rem] sm:w-auto">
                      {EMAIL_MODES.map((mode) => (
                        <option key={mode} value={mode}>
                          {EMAIL_LABELS[mode]}
                        </option>
                      ))}
                    </Select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-500">
        The daily digest holds what you have not read yet and goes out at {String(digestHour).padStart(2, "0")}:00 in the organisation&apos;s time zone.
        Turning the inbox off for a kind you still get by e-mail keeps it out of your open inbox.
      </p>
      <SaveBar label="Save preferences" isSubmitting={pending} isDirty={dirty} message={message} />
    </form>
  );
}
