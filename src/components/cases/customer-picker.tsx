"use client";
// Picks the case's customer: type part of a name (or an exact email or external id), choose from
// the matches, or create the customer on the spot when there is none.
import { useQuery } from "@tanstack/react-query";
import { useId, useState, useTransition } from "react";
import { useDebounced } from "@/components/command/use-debounced";
import { createCustomerAction } from "@/components/customers/customer-actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/trpc/react";

export interface PickedCustomer {
  id: string;
  name: string;
  company: string | null;
}

interface Props {
  slug: string;
  value: PickedCustomer | null;
  onChange: (customer: PickedCustomer | null) => void;
  /** Members without customers:write can pick but not create. */
  canCreate: boolean;
}

export function CustomerPicker({ slug, value, onChange, canCreate }: Props) {
  const trpc = useTRPC();
  const listId = useId();
  const [term, setTerm] = useState("");
  const q = useDebounced(term.trim(), 200);
  const { data, isFetching } = useQuery({ ...trpc.customers.list.queryOptions({ q, limit: 8 }), enabled: q.length >= 2 && !value });
  const [creating, setCreating] = useState<{ name: string; email: string; company: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (value) {
    return (
      <div className="flex items-center justify-between gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
        <span className="min-w-0 truncate">
          <span className="font-medium">{value.name}</span>
          {value.company ? <span className="text-slate-500"> · {value.company}</span> : null}
        </span>
        <Button type="button" variant="ghost" size="sm" onClick={() => onChange(null)}>
          Change
        </Button>
      </div>
    );
  }

  if (creating) {
    const create = () =>
      startTransition(async () => {
        setError(null);
        const result = await createCustomerAction(slug, {
          name: creating.name,
          ...(creating.email.trim() ? { email: creating.email.trim() } : {}),
          ...(creating.company.trim() ? { company: creating.company.trim() } : {}),
        });
        if (!result.ok) {
          const fields = result.error.fieldErrors ? Object.values(result.error.fieldErrors).flat().join(" ") : "";
          return setError(fields || result.error.message);
        }
        onChange({ id: result.data.id, name: creating.name.trim(), company: creating.company.trim() || null });
        setCreating(null);
      });
    return (
      <div role="group" aria-label="New customer" className="space-y-2 rounded-md border border-slate-300 bg-slate-50 p-3">
        <Input aria-label="Customer name" value={creating.name} onChange={(e) => setCreating({ ...creating, name: e.target.value })} />
        <div className="grid gap-2 sm:grid-cols-2">
          <Input aria-label="Customer email" type="email" placeholder="Email (optional)" value={creating.email} onChange={(e) => setCreating({ ...creating, email: e.target.value })} />
          <Input aria-label="Customer company" placeholder="Company (optional)" value={creating.company} onChange={(e) => setCreating({ ...creating, company: e.target.value })} />
        </div>
        {error ? (
          <p role="alert" className="text-sm text-red-600">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="ghost" size="sm" onClick={() => setCreating(null)}>
            Cancel
          </Button>
          <Button type="button" size="sm" disabled={pending || !creating.name.trim()} onClick={create}>
            {pending ? "Creating…" : "Create customer"}
          </Button>
        </div>
      </div>
    );
  }

  const matches = q.length >= 2 ? (data?.items ?? []) : [];
  return (
    <div className="relative">
      <Input
        id="customer"
        role="combobox"
        aria-expanded={q.length >= 2}
        aria-controls={listId}
        aria-autocomplete="list"
        placeholder="Search by name, email or external id"
        value={term}
        onChange={(e) => setTerm(e.target.value)}
      />
      {q.length >= 2 ? (
        <ul id={listId} role="listbox" aria-label="Matching customers" className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
          {matches.map((c) => (
            <li
              key={c.id}
              role="option"
              aria-selected={false}
              tabIndex={-1}
              className="cursor-pointer px-3 py-2 hover:bg-slate-100"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onChange({ id: c.id, name: c.name, company: c.company })}
            >
              <span className="font-medium">{c.name}</span>
              <span className="text-slate-500">{[c.company, c.email].filter(Boolean).map((v) => ` · ${v}`).join("")}</span>
            </li>
          ))}
          {matches.length === 0 && !isFetching ? <li className="px-3 py-2 text-slate-500">No customer matches “{q}”.</li> : null}
          {canCreate ? (
            <li
              role="option"
              aria-selected={false}
              tabIndex={-1}
              className="cursor-pointer border-t border-slate-100 px-3 py-2 font-medium text-brand-700 hover:bg-slate-100"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setCreating({ name: q, email: "", company: "" })}
            >
              Create customer “{q}”
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
