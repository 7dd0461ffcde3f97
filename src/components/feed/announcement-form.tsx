"use client";
// Posting an announcement (admins): title, Markdown body, an optional link into the app, priority
// (Pinned stays on top), whom it is for, and how long it stays. Validated with the procedure's own
// schema, so the form refuses what the server would, and the server's field errors land beside
// their fields.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Field } from "@/components/ui/field";
import { DialogActions, FormAlert } from "@/components/ui/form-feedback";
import { Input, Select, Textarea } from "@/components/ui/input";
import { createFeedItemSchema, FEED_AUDIENCE_KINDS, FEED_PRIORITIES, FEED_ROLES } from "@/lib/validations/feed";
import { postAnnouncementAction } from "./feed-actions";
import { AUDIENCE_LABEL, PRIORITY_LABEL } from "./feed-words";

type FormInput = z.input<typeof createFeedItemSchema>;
type FormOutput = z.output<typeof createFeedItemSchema>;

const HOUR = 60 * 60 * 1000;
const EXPIRY_PRESETS = [
  { label: "Never (until deleted)", ms: 0 },
  { label: "In 4 hours", ms: 4 * HOUR },
  { label: "In 1 day", ms: 24 * HOUR },
  { label: "In 3 days", ms: 72 * HOUR },
  { label: "In 1 week", ms: 168 * HOUR },
  { label: "In 30 days", ms: 720 * HOUR },
] as const;

const emptyToNull = (v: unknown) => (v === "" ? null : v);

export function AnnouncementForm({
  businessUnits,
  teams,
  onDone,
}: {
  businessUnits: readonly string[];
  teams: readonly { id: string; name: string }[];
  onDone: () => void;
}) {
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createFeedItemSchema),
    defaultValues: { title: "", body: "", link: null, priority: "NORMAL", audienceKind: "EVERYONE", audienceValue: null, expiresAt: null },
  });
  const [expiry, setExpiry] = useState(0);
  const { errors, isSubmitting } = form.formState;
  const audienceKind = useWatch({ control: form.control, name: "audienceKind" });
  const { onSubmit, formError } = useActionSubmit(
    form,
    // The expiry is counted from the moment of posting, not from when the form was opened.
    (values) => postAnnouncementAction({ ...values, expiresAt: expiry ? new Date(Date.now() + expiry) : null }),
    () => {
      form.reset();
      onDone();
    },
  );

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" aria-label="New announcement">
      <Field label="Title" htmlFor="feed-title" error={errors.title?.message}>
        <Input id="feed-title" autoFocus aria-invalid={!!errors.title} placeholder="e.g. Holiday opening hours" {...form.register("title")} />
      </Field>
      <Field label="Message" htmlFor="feed-body" error={errors.body?.message} hint="Markdown: **bold**, _italic_, lists and [links](https://example.com).">
        <Textarea id="feed-body" rows={4} aria-invalid={!!errors.body} {...form.register("body")} />
      </Field>
      <Field label="Link (optional)" htmlFor="feed-link" error={errors.link?.message} hint="A page of this workspace, like /cases?status=OPEN">
        <Input id="feed-link" aria-invalid={!!errors.link} placeholder="/cases?tag=outage" {...form.register("link", { setValueAs: emptyToNull })} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Priority" htmlFor="feed-priority" error={errors.priority?.message}>
          <Select id="feed-priority" {...form.register("priority")}>
            {[...FEED_PRIORITIES].reverse().map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABEL[p]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="For" htmlFor="feed-audience" error={errors.audienceKind?.message}>
          <Select
            id="feed-audience"
            {...form.register("audienceKind", { onChange: () => form.setValue("audienceValue", null) })}
          >
            {FEED_AUDIENCE_KINDS.filter((k) => k !== "BUSINESS_UNIT" || businessUnits.length > 0)
              .filter((k) => k !== "TEAM" || teams.length > 0)
              .map((k) => (
                <option key={k} value={k}>
                  {AUDIENCE_LABEL[k]}
                </option>
              ))}
          </Select>
        </Field>
        <Field label="Expires" htmlFor="feed-expiry">
          <Select id="feed-expiry" value={expiry} onChange={(e) => setExpiry(Number(e.target.value))}>
            {EXPIRY_PRESETS.map((p) => (
              <option key={p.ms} value={p.ms}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {audienceKind !== "EVERYONE" ? (
        <Field label={audienceKind === "BUSINESS_UNIT" ? "Business unit" : audienceKind === "TEAM" ? "Team" : "Role"} htmlFor="feed-audience-value" error={errors.audienceValue?.message}>
          <Select id="feed-audience-value" aria-invalid={!!errors.audienceValue} {...form.register("audienceValue", { setValueAs: emptyToNull })}>
            <option value="">Choose…</option>
            {audienceKind === "BUSINESS_UNIT"
              ? businessUnits.map((u) => (
                  <option key={u} value={u}>
                    {u}
                  </option>
                ))
              : audienceKind === "TEAM"
                ? teams.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))
                : FEED_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r.charAt(0) + r.slice(1).toLowerCase()} and above
                    </option>
                  ))}
          </Select>
        </Field>
      ) : null}
      <FormAlert message={formError} />
      <DialogActions onCancel={onDone} label="Post" pendingLabel="Posting…" pending={isSubmitting} />
    </form>
  );
}
