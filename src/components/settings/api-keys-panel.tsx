"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { formatDate, timeAgo } from "@/lib/format";
import { createApiKeySchema } from "@/lib/validations/admin";
import { createApiKeyAction, revokeApiKeyAction } from "./settings-actions";
import { confirmAction } from "@/components/ui/confirm";

type Role = "OWNER" | "ADMIN" | "AGENT" | "VIEWER";
const RANK: Record<Role, number> = { OWNER: 4, ADMIN: 3, AGENT: 2, VIEWER: 1 };

interface Key {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
}

type FormInput = z.input<typeof createApiKeySchema>;
type FormOutput = z.output<typeof createApiKeySchema>;

function status(key: Key): { label: string; tone: "green" | "red" | "gray" } {
  if (key.revokedAt) return { label: "Revoked", tone: "red" };
  if (key.expiresAt && key.expiresAt <= new Date()) return { label: "Expired", tone: "gray" };
  return { label: "Active", tone: "green" };
}

export function ApiKeysPanel({ slug, keys, myRole }: { slug: string; keys: Key[]; myRole: Role }) {
  const [created, setCreated] = useState<{ secret: string; prefix: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createApiKeySchema),
    defaultValues: { name: "", role: "AGENT", expiresInDays: 90 },
  });
  const { errors, isSubmitting } = form.formState;

  const { onSubmit, formError } = useActionSubmit(form, (values) => createApiKeyAction(slug, values), (data, values) => {
    setCreated(data);
    form.reset({ name: "", role: values.role, expiresInDays: values.expiresInDays });
  });

  return (
    <div className="space-y-8">
      <section aria-labelledby="new-key-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="new-key-heading" className="text-base font-semibold">New API key</h2>
        <p className="mt-1 text-sm text-slate-500">Scripts send it as <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>. It acts for this organisation only, with the role you choose.</p>
        <form method="post" onSubmit={onSubmit} className="mt-4 grid items-start gap-4 sm:grid-cols-[1fr_10rem_10rem_auto]" noValidate>
          <Field label="Name" htmlFor="key-name" error={errors.name?.message}>
            <Input id="key-name" placeholder="Nightly CRM sync" aria-invalid={!!errors.name} {...form.register("name")} />
          </Field>
          <Field label="Role" htmlFor="key-role" error={errors.role?.message}>
            <Select id="key-role" {...form.register("role")}>
              {(["ADMIN", "AGENT", "VIEWER"] as const)
                .filter((r) => RANK[r] <= RANK[myRole])
                .map((r) => (
                  <option key={r} value={r}>
                    {r.charAt(0) + r.slice(1).toLowerCase()}
                  </option>
                ))}
            </Select>
          </Field>
          <Field label="Expires" htmlFor="key-expiry" error={errors.expiresInDays?.message}>
            <Select id="key-expiry" {...form.register("expiresInDays", { setValueAs: (v) => (v === "" ? null : Number(v)) })}>
              <option value="30">In 30 days</option>
              <option value="90">In 90 days</option>
              <option value="365">In a year</option>
              <option value="">Never</option>
            </Select>
          </Field>
          <Button type="submit" className="sm:mt-6" disabled={isSubmitting}>
            {isSubmitting ? "Creating…" : "Create key"}
          </Button>
        </form>
        {formError ? (
          <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {formError}
          </p>
        ) : null}
        {created ? (
          <div className="mt-4 rounded-md border border-green-200 bg-green-50 p-4" role="status">
            <p className="text-sm font-medium text-green-900">Copy this key now. It will not be shown again.</p>
            <div className="mt-2 flex items-center gap-2">
              <code data-testid="new-api-key" className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-green-200">
                {created.secret}
              </code>
              <Button type="button" variant="secondary" size="sm" onClick={() => navigator.clipboard?.writeText(created.secret)}>
                Copy
              </Button>
            </div>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading" className="text-base font-semibold">Keys</h2>
        {keys.length === 0 ? (
          <p className="mt-3 text-sm text-slate-500">No keys yet.</p>
        ) : (
          <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2.5">Name</th>
                  <th scope="col" className="px-4 py-2.5">Role</th>
                  <th scope="col" className="hidden px-4 py-2.5 md:table-cell">Created by</th>
                  <th scope="col" className="hidden px-4 py-2.5 md:table-cell">Last used</th>
                  <th scope="col" className="hidden px-4 py-2.5 lg:table-cell">Expires</th>
                  <th scope="col" className="px-4 py-2.5">Status</th>
                  <th scope="col" className="px-4 py-2.5 text-right">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {keys.map((k) => {
                  const s = status(k);
                  return (
                    <tr key={k.id}>
                      <td className="px-4 py-3">
                        <p className="font-medium">{k.name}</p>
                        <p className="font-mono text-xs text-slate-500">cb_{k.prefix}_…</p>
                      </td>
                      <td className="px-4 py-3 text-slate-600">{k.role.toLowerCase()}</td>
                      <td className="hidden px-4 py-3 text-slate-600 md:table-cell">{k.createdBy?.name ?? "—"}</td>
                      <td className="hidden px-4 py-3 text-slate-600 md:table-cell" suppressHydrationWarning>
                        {timeAgo(k.lastUsedAt)}
                      </td>
                      <td className="hidden px-4 py-3 text-slate-600 lg:table-cell">{k.expiresAt ? formatDate(k.expiresAt) : "Never"}</td>
                      <td className="px-4 py-3">
                        <Badge tone={s.tone}>{s.label}</Badge>
                      </td>
                      <td className="px-4 py-3 text-right">
                        {!k.revokedAt ? (
                          <Button
                            variant="ghost"
                            size="sm"
                            disabled={pending}
                            onClick={async () => {
                              if (await confirmAction({ title: `Revoke “${k.name}”?`, description: "Scripts using it stop working at once.", confirmLabel: "Revoke key" })) {
                                startTransition(async () => {
                                  await revokeApiKeyAction(slug, k.id);
                                });
                              }
                            }}
                          >
                            Revoke
                          </Button>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
