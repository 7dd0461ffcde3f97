"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type FieldError } from "react-hook-form";
import { z } from "zod";
import { FormError } from "@/components/forms/form-error";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { CASE_CHANNELS, createCaseSchema, tagSchema } from "@/lib/validations/case";
import { useTRPC } from "@/trpc/react";
import { createCaseAction } from "./case-actions";
import { channelLabel, PriorityOptions } from "./case-badges";
import { TagSuggestions } from "./tag-suggestions";
import { LearnedFieldSuggestions } from "./learned-field-suggestions";
import { CustomerPicker, type PickedCustomer } from "./customer-picker";
import { AttachFilesButton, AttachmentChips } from "./composer-attachments";
import { useAttachmentUploads } from "./use-attachment-uploads";

// The form edits tags as one comma-separated string; everything else is the procedure's schema.
// Empty selects mean "none".
const noneOr = <T extends z.ZodType>(schema: T) => z.union([z.literal("").transform(() => null), schema]);
const formSchema = createCaseSchema.extend({
  category: noneOr(createCaseSchema.shape.category),
  businessUnit: noneOr(createCaseSchema.shape.businessUnit),
  teamId: noneOr(createCaseSchema.shape.teamId),
  assigneeId: noneOr(createCaseSchema.shape.assigneeId),
  tags: z
    .string()
    .transform((s) => s.split(",").map((t) => t.trim()).filter(Boolean))
    .pipe(z.array(tagSchema).max(20)),
});
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

/** The message of a field's error, or of the first of its items (one bad tag among several). */
export function firstErrorMessage(error: FieldError | FieldError[] | Record<string, FieldError> | undefined): string | undefined {
  if (!error) return undefined;
  if ("message" in error && typeof error.message === "string") return error.message;
  for (const item of Object.values(error)) {
    const message = item && typeof item === "object" && "message" in item ? (item as FieldError).message : undefined;
    if (message) return message;
  }
  return undefined;
}

interface Props {
  slug: string;
  categories: string[];
  businessUnits: string[];
  /** Members who may also create customers (customers:write). */
  canCreateCustomers: boolean;
  /** The tenant's attachment limit, checked before uploading. */
  maxFileBytes?: number;
}

export function NewCaseForm({ slug, categories, businessUnits, canCreateCustomers, maxFileBytes }: Props) {
  const router = useRouter();
  // Files go up while the form is filled in; the case takes them as its first internal note.
  const uploads = useAttachmentUploads(slug, maxFileBytes);
  const trpc = useTRPC();
  const { data: teams = [] } = useQuery(trpc.teams.list.queryOptions());
  const { data: members = [] } = useQuery(trpc.members.list.queryOptions());
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: { title: "", description: "", channel: "PHONE", priority: "NORMAL", tags: "", category: "", businessUnit: "", teamId: "", assigneeId: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const [tagsValue, title, description, category, businessUnit, priority] = useWatch({
    control: form.control,
    name: ["tags", "title", "description", "category", "businessUnit", "priority"],
  });

  const { onSubmit, formError } = useActionSubmit(
    form,
    // No team chosen: the channel's default team, if any.
    (values: FormOutput) => createCaseAction({ ...values, customerId: customer?.id ?? null, attachmentIds: uploads.readyIds }),
    (data) => {
      router.push(`/t/${slug}/cases/${data.number}`);
    },
  );

  return (
    <form method="post" onSubmit={onSubmit} className="mt-6 space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      <Field label="Title" htmlFor="title" error={errors.title?.message}>
        <Input id="title" autoFocus aria-invalid={!!errors.title} placeholder="What is the customer asking about?" {...form.register("title")} />
      </Field>
      <Field label="Description" htmlFor="description" error={errors.description?.message}>
        <Textarea id="description" aria-invalid={!!errors.description} {...form.register("description")} />
      </Field>
      <div>
        <div className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
          <AttachFilesButton uploads={uploads} disabled={isSubmitting} />
          <span>Files (screenshots, documents): kept on the case as an internal note</span>
        </div>
        <AttachmentChips uploads={uploads} />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Channel" htmlFor="channel" error={errors.channel?.message}>
          <Select id="channel" {...form.register("channel")}>
            {CASE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelLabel(c)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Priority" htmlFor="priority" error={errors.priority?.message}>
          <Select id="priority" {...form.register("priority")}>
            <PriorityOptions />
          </Select>
        </Field>
      </div>
      <Field label="Customer" htmlFor="customer">
        <CustomerPicker slug={slug} value={customer} onChange={setCustomer} canCreate={canCreateCustomers} />
      </Field>
      <LearnedFieldSuggestions
        title={title ?? ""}
        description={description ?? ""}
        current={{ category: category ?? "", businessUnit: businessUnit ?? "", priority: priority ?? "" }}
        onPick={(field, value) => form.setValue(field, value as never, { shouldDirty: true, shouldValidate: true })}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Category" htmlFor="category" error={errors.category?.message}>
          <Select id="category" {...form.register("category")}>
            <option value="">None</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        {businessUnits.length ? (
          <Field label="Business unit" htmlFor="businessUnit" error={errors.businessUnit?.message}>
            <Select id="businessUnit" {...form.register("businessUnit")}>
              <option value="">None</option>
              {businessUnits.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field label="Team" htmlFor="teamId" error={errors.teamId?.message} hint="Automatic: the team that takes the channel's cases">
          <Select id="teamId" {...form.register("teamId")}>
            <option value="">Automatic</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="Assignee" htmlFor="assigneeId" error={errors.assigneeId?.message} hint="Automatic: the team's next member in turn, or the organisation's default">
        <Select id="assigneeId" {...form.register("assigneeId")}>
          <option value="">Automatic</option>
          {members
            .filter((m) => m.role !== "VIEWER")
            .map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
        </Select>
      </Field>
      <Field label="Tags" htmlFor="tags" error={firstErrorMessage(errors.tags)} hint="Comma-separated, e.g. billing, vip">
        <Input id="tags" aria-invalid={!!errors.tags} autoComplete="off" {...form.register("tags")} />
        <TagSuggestions value={tagsValue ?? ""} onPick={(next) => form.setValue("tags", next, { shouldDirty: true })} />
      </Field>
      <FormError message={formError} />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting || uploads.uploading} title={uploads.uploading ? "Wait for the files to finish uploading" : undefined}>
          {isSubmitting ? "Creating…" : uploads.uploading ? "Uploading files…" : "Create case"}
        </Button>
      </div>
    </form>
  );
}
