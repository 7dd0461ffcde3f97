"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormError } from "@/components/forms/form-error";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { CASE_CHANNELS, CASE_PRIORITIES, createCaseSchema, tagSchema } from "@/lib/validations/case";
import { createCaseAction } from "./case-actions";
import { channelLabel } from "./case-badges";

// The form edits tags as one comma-separated string; everything else is the procedure's schema.
const formSchema = createCaseSchema.extend({
  tags: z
    .string()
    .transform((s) => s.split(",").map((t) => t.trim()).filter(Boolean))
    .pipe(z.array(tagSchema).max(20)),
});
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

export function NewCaseForm({ slug }: { slug: string }) {
  const router = useRouter();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: { title: "", description: "", channel: "PHONE", priority: "NORMAL", tags: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const { onSubmit, formError } = useActionSubmit(form, createCaseAction, (data) => {
    router.push(`/t/${slug}/cases/${data.number}`);
  });

  return (
    <form method="post" onSubmit={onSubmit} className="mt-6 space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      <Field label="Title" htmlFor="title" error={errors.title?.message}>
        <Input id="title" autoFocus aria-invalid={!!errors.title} placeholder="What is the customer asking about?" {...form.register("title")} />
      </Field>
      <Field label="Description" htmlFor="description" error={errors.description?.message}>
        <Textarea id="description" aria-invalid={!!errors.description} {...form.register("description")} />
      </Field>
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
            {CASE_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p.charAt(0) + p.slice(1).toLowerCase()}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="Tags" htmlFor="tags" error={errors.tags?.message} hint="Comma-separated, e.g. billing, vip">
        <Input id="tags" aria-invalid={!!errors.tags} {...form.register("tags")} />
      </Field>
      <FormError message={formError} />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create case"}
        </Button>
      </div>
    </form>
  );
}
