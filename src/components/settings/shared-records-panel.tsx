"use client";
// A settings list of personal-or-shared records (canned responses, macros): the member's own
// first, then the team's; each editable one edits in place; deleting asks first.
import { useState, useTransition, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { confirmAction } from "@/components/ui/confirm";
import { FormAlert } from "@/components/ui/form-feedback";
import type { ActionResult } from "@/lib/action-result";

export interface SharedRecord {
  id: string;
  shared: boolean;
  editable: boolean;
}

interface Props<T extends SharedRecord> {
  /** "canned response", "macro": in headings and labels. */
  noun: string;
  heading: string;
  intro: ReactNode;
  empty: ReactNode;
  items: T[];
  nameOf: (item: T) => string;
  /** What the item says or does, under its name. */
  renderDetail: (item: T) => ReactNode;
  /** The create form (no item) or the edit form. */
  renderForm: (item: T | undefined, onDone: () => void) => ReactNode;
  onDelete: (item: T) => Promise<ActionResult<unknown>>;
  /** What deleting a shared one and a personal one takes away. */
  lost: { shared: string; personal: string };
}

export function SharedRecordsPanel<T extends SharedRecord>({ noun, heading, intro, empty, items, nameOf, renderDetail, renderForm, onDelete, lost }: Props<T>) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const done = () => setEditing(null);
  const remove = async (item: T) => {
    const confirmed = await confirmAction({
      title: `Delete “${nameOf(item)}”?`,
      description: item.shared ? lost.shared : lost.personal,
      confirmLabel: `Delete ${noun}`,
    });
    if (!confirmed) return;
    startTransition(async () => {
      setError(null);
      const result = await onDelete(item);
      if (!result.ok) setError(result.error.message);
    });
  };
  const groups = [
    { label: "Yours", items: items.filter((r) => !r.shared) },
    { label: "The team's", items: items.filter((r) => r.shared) },
  ];
  const headingId = `${noun.replace(/\s+/g, "-")}-heading`;
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 id={headingId} className="text-base font-semibold">
            {heading} <span className="font-normal text-slate-500">({items.length})</span>
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">{intro}</p>
        </div>
        {editing !== "new" ? (
          <Button size="sm" onClick={() => setEditing("new")}>
            New {noun}
          </Button>
        ) : null}
      </div>
      <FormAlert message={error} />
      {editing === "new" ? <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">{renderForm(undefined, done)}</div> : null}
      {items.length === 0 && editing !== "new" ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-500">{empty}</p>
      ) : null}
      {groups.map((group) =>
        group.items.length ? (
          <div key={group.label}>
            <h3 className="mb-2 text-sm font-medium text-slate-700">{group.label}</h3>
            <ul className="space-y-3" aria-label={`${group.label} ${noun}s`}>
              {group.items.map((item) => (
                <li key={item.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                  {editing === item.id ? (
                    renderForm(item, done)
                  ) : (
                    <div className="flex flex-wrap items-start justify-between gap-3">
                      <div className="min-w-0 flex-1">
                        <p className="flex flex-wrap items-center gap-2 font-medium">
                          <span className="break-words">{nameOf(item)}</span>
                          {item.shared ? <Badge tone="blue">Shared</Badge> : null}
                        </p>
                        {renderDetail(item)}
                      </div>
                      {item.editable ? (
                        <div className="flex gap-1">
                          <Button variant="secondary" size="sm" disabled={pending} onClick={() => setEditing(item.id)}>
                            Edit<span className="sr-only"> {nameOf(item)}</span>
                          </Button>
                          <Button variant="ghost" size="sm" disabled={pending} onClick={() => void remove(item)}>
                            Delete<span className="sr-only"> {nameOf(item)}</span>
                          </Button>
                        </div>
                      ) : null}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </section>
  );
}
