"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { createInvitationSchema } from "@/lib/validations/invitation";
import { createInvitationAction, type IssuedLink } from "./invitations-actions";

type Role = "OWNER" | "ADMIN" | "AGENT" | "VIEWER";
const RANK: Record<Role, number> = { OWNER: 4, ADMIN: 3, AGENT: 2, VIEWER: 1 };
const label = (r: Role) => r.charAt(0) + r.slice(1).toLowerCase();

type FormInput = z.input<typeof createInvitationSchema>;
type FormOutput = z.output<typeof createInvitationSchema>;

export function InvitationsForm({ slug, myRole, onIssued }: { slug: string; myRole: Role; onIssued: (issued: IssuedLink) => void }) {
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createInvitationSchema),
    defaultValues: { email: "", role: "AGENT" },
  });
  const { errors, isSubmitting } = form.formState;

  const { onSubmit, formError } = useActionSubmit(form, (values) => createInvitationAction(slug, values), (data, values) => {
    onIssued(data);
    form.reset({ email: "", role: values.role });
  });

  return (
    <>
      <form method="post" onSubmit={onSubmit} className="mt-4 grid items-start gap-4 sm:grid-cols-[1fr_10rem_auto]" noValidate>
        <Field label="Email" htmlFor="invite-email" error={errors.email?.message}>
          <Input id="invite-email" type="email" placeholder="colleague@example.com" autoComplete="off" aria-invalid={!!errors.email} {...form.register("email")} />
        </Field>
        <Field label="Role" htmlFor="invite-role" error={errors.role?.message}>
          <Select id="invite-role" {...form.register("role")}>
            {(["OWNER", "ADMIN", "AGENT", "VIEWER"] as const)
              .filter((r) => RANK[r] <= RANK[myRole])
              .map((r) => (
                <option key={r} value={r}>
                  {label(r)}
                </option>
              ))}
          </Select>
        </Field>
        <Button type="submit" className="sm:mt-6" disabled={isSubmitting}>
          {isSubmitting ? "Inviting…" : "Send invitation"}
        </Button>
      </form>
      {formError ? (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
    </>
  );
}
