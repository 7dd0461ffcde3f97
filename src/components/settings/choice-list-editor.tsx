"use client";
// A list of case categories or business units, edited one value at a time: add, rename (which
// renames it on every case that has it), move up or down (the order pickers show), archive and
// restore. Each change saves at once and shows at once; a refused one rolls back with the reason.
import { Archive, ArrowDown, ArrowUp, Pencil, Plus, RotateCcw } from "lucide-react";
import { useOptimistic, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { offerUndo } from "@/components/undo/offer-undo";
import type { UndoOutcome } from "@/components/undo/undo-store";
import type { ActionResult } from "@/lib/action-result";
import { ARCHIVED_LIST, type ChoiceList } from "@/lib/validations/tenant-settings";
import { renameChoiceAction, updateTenantSettingsAction } from "./general-actions";

interface Lists {
  values: string[];
  archived: string[];
}

interface Props extends Lists {
  slug: string;
  list: ChoiceList;
  /** "Case categories". */
  title: string;
  /** "category", as in "New category". */
  noun: string;
  hint: string;
  canManage: boolean;
}

/** The first field error's text, else the error's message. */
function reason(result: ActionResult<unknown>): string | null {
  if (result.ok) return null;
  const field = Object.values(result.error.fieldErrors ?? {})[0]?.[0];
  return field ?? result.error.message;
}

const outcome = (result: ActionResult<unknown>): UndoOutcome => (result.ok ? { ok: true } : { ok: false, message: reason(result)! });

/** Why `name` cannot be added or be the new name of `except`, if it cannot. */
export function nameProblem(name: string, lists: Lists, except?: string): string | null {
  if (!name) return "Enter a name";
  if (name.length > 60) return "Use at most 60 characters";
  const same = (v: string) => v !== except && v.toLowerCase() === name.toLowerCase();
  if (lists.values.some(same)) return `“${name}” is already in the list`;
  if (lists.archived.some(same)) return `“${name}” is archived: restore it below`;
  return null;
}

export function ChoiceListEditor({ slug, list, title, noun, hint, values, archived, canManage }: Props) {
  const saved: Lists = { values, archived };
  const [lists, show] = useOptimistic(saved, (_current, next: Lists) => next);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState("");
  const [addError, setAddError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ from: string; to: string; error: string | null } | null>(null);
  const headingId = `${list}-heading`;

  const write = (next: Lists) => updateTenantSettingsAction(slug, { [list]: next.values, [ARCHIVED_LIST[list]]: next.archived });

  /** Shows `next` at once and saves it; on success, `undo` (if given) is offered as `label`. */
  const save = (next: Lists, label?: string) =>
    startTransition(async () => {
      setError(null);
      show(next);
      const before = lists;
      const result = await write(next);
      if (!result.ok) setError(reason(result));
      else if (label) offerUndo(label, async () => outcome(await write(before)));
    });

  const add = (event: FormEvent) => {
    event.preventDefault();
    const name = adding.trim();
    const problem = nameProblem(name, lists);
    setAddError(problem);
    if (problem) return;
    setAdding("");
    save({ ...lists, values: [...lists.values, name] });
  };

  const rename = (event: FormEvent) => {
    event.preventDefault();
    if (!renaming) return;
    const { from } = renaming;
    const to = renaming.to.trim();
    if (to === from) return setRenaming(null);
    const problem = nameProblem(to, lists, from);
    if (problem) return setRenaming({ ...renaming, error: problem });
    setRenaming(null);
    const swap = (v: string) => (v === from ? to : v);
    startTransition(async () => {
      setError(null);
      show({ values: lists.values.map(swap), archived: lists.archived.map(swap) });
      const result = await renameChoiceAction(slug, { list, from, to });
      if (!result.ok) return setError(reason(result));
      const cases = result.data.cases;
      offerUndo(`Renamed “${from}” to “${to}”${cases ? ` on ${cases.toLocaleString("en")} ${cases === 1 ? "case" : "cases"}` : ""}`, async () =>
        outcome(await renameChoiceAction(slug, { list, from: to, to: from })),
      );
    });
  };

  const move = (index: number, by: -1 | 1) => {
    const values = [...lists.values];
    [values[index], values[index + by]] = [values[index + by]!, values[index]!];
    save({ ...lists, values });
  };

  const archive = (value: string) =>
    save({ values: lists.values.filter((v) => v !== value), archived: [...lists.archived, value] }, `Archived “${value}”`);
  const restore = (value: string) =>
    save({ values: [...lists.values, value], archived: lists.archived.filter((v) => v !== value) }, `Restored “${value}”`);

  const renameForm = (value: string) => (
    <form onSubmit={rename} className="flex flex-1 flex-wrap items-center gap-2">
      <label htmlFor={`${list}-rename`} className="sr-only">
        New name for {value}
      </label>
      <Input
        id={`${list}-rename`}
        autoFocus
        value={renaming!.to}
        maxLength={80}
        aria-invalid={!!renaming!.error}
        aria-describedby={renaming!.error ? `${list}-rename-error` : undefined}
        onChange={(e) => setRenaming({ ...renaming!, to: e.target.value, error: null })}
        onKeyDown={(e) => {
          if (e.key === "Escape") setRenaming(null);
        }}
        className="h-8 min-w-0 flex-1"
      />
      <Button type="submit" size="sm">
        Save
      </Button>
      <Button type="button" size="sm" variant="ghost" onClick={() => setRenaming(null)}>
        Cancel
      </Button>
      {renaming!.error ? (
        <p id={`${list}-rename-error`} role="alert" className="basis-full text-sm text-red-600">
          {renaming!.error}
        </p>
      ) : null}
    </form>
  );

  const iconButton = "size-8 px-0 text-slate-600";
  const row = (value: string, actions: ReactNode) => (
    <li key={value} className="flex min-h-11 items-center gap-2 px-3 py-1.5">
      {renaming?.from === value ? (
        renameForm(value)
      ) : (
        <>
          <span className="min-w-0 flex-1 break-words text-sm">{value}</span>
          {canManage ? (
            <span className="flex shrink-0 items-center">
              <Button type="button" variant="ghost" size="sm" className={iconButton} aria-label={`Rename ${value}`} title="Rename" disabled={pending} onClick={() => setRenaming({ from: value, to: value, error: null })}>
                <Pencil className="size-4" aria-hidden />
              </Button>
              {actions}
            </span>
          ) : null}
        </>
      )}
    </li>
  );

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div>
        <h3 id={headingId} className="text-sm font-semibold">
          {title} <span className="font-normal text-slate-500">({lists.values.length})</span>
        </h3>
        <p className="mt-0.5 text-sm text-slate-600">{hint}</p>
      </div>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {lists.values.length ? (
        <ul aria-label={title} className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {lists.values.map((value, index) =>
            row(
              value,
              <>
                <Button type="button" variant="ghost" size="sm" className={iconButton} aria-label={`Move ${value} up`} title="Move up" disabled={pending || index === 0} onClick={() => move(index, -1)}>
                  <ArrowUp className="size-4" aria-hidden />
                </Button>
                <Button type="button" variant="ghost" size="sm" className={iconButton} aria-label={`Move ${value} down`} title="Move down" disabled={pending || index === lists.values.length - 1} onClick={() => move(index, 1)}>
                  <ArrowDown className="size-4" aria-hidden />
                </Button>
                <Button type="button" variant="ghost" size="sm" className={iconButton} aria-label={`Archive ${value}`} title="Archive" disabled={pending} onClick={() => archive(value)}>
                  <Archive className="size-4" aria-hidden />
                </Button>
              </>,
            ),
          )}
        </ul>
      ) : (
        <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-center text-sm text-slate-600">
          No {noun === "category" ? "categories" : `${noun}s`} yet{canManage ? ": add the first below." : "."}
        </p>
      )}
      {canManage ? (
        <form onSubmit={add} noValidate className="space-y-1">
          <div className="flex gap-2">
            <label htmlFor={`${list}-new`} className="sr-only">
              New {noun}
            </label>
            <Input
              id={`${list}-new`}
              placeholder={`New ${noun}`}
              value={adding}
              maxLength={80}
              aria-invalid={!!addError}
              aria-describedby={addError ? `${list}-new-error` : undefined}
              onChange={(e) => {
                setAdding(e.target.value);
                setAddError(null);
              }}
              className="min-w-0 flex-1"
            />
            <Button type="submit" variant="secondary" disabled={pending}>
              <Plus className="size-4" aria-hidden />
              Add
            </Button>
          </div>
          {addError ? (
            <p id={`${list}-new-error`} role="alert" className="text-sm text-red-600">
              {addError}
            </p>
          ) : null}
        </form>
      ) : null}
      {lists.archived.length ? (
        <details className="group rounded-md border border-slate-200">
          <summary className="cursor-pointer px-3 py-2 text-sm text-slate-700">Archived ({lists.archived.length}): kept on existing cases, not offered for new ones</summary>
          <ul aria-label={`Archived ${title.toLowerCase()}`} className="divide-y divide-slate-200 border-t border-slate-200">
            {lists.archived.map((value) =>
              row(
                value,
                <Button type="button" variant="ghost" size="sm" className="h-8 px-2 text-slate-700" aria-label={`Restore ${value}`} disabled={pending} onClick={() => restore(value)}>
                  <RotateCcw className="size-4" aria-hidden />
                  Restore
                </Button>,
              ),
            )}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
