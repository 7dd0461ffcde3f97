"use client";
// The bulk bar's "Macro…": runs one on the ticked cases (up to MACRO_APPLY_LIMIT). A macro that
// writes to customers asks first (confirmMacroReplies); its field changes can be undone.
import { Select } from "@/components/ui/input";
import { MACRO_APPLY_LIMIT } from "@/lib/macro-fields";
import type { Member } from "./case-types";
import { confirmMacroReplies, useMacros, useRunMacro } from "./use-macros";

export function BulkMacroSelect({ ids, members, disabled, onDone }: { ids: string[]; members: Member[]; disabled: boolean; onDone: (error?: string) => void }) {
  // Loaded when rows are first ticked (the bar shows), not with the list.
  const macros = useMacros(members, true);
  const runMacro = useRunMacro();
  const tooMany = ids.length > MACRO_APPLY_LIMIT;

  async function run(id: string) {
    const macro = macros.find((m) => m.id === id);
    if (!macro) return;
    if (!(await confirmMacroReplies(macro, ids.length))) return;
    const result = await runMacro(macro, { caseIds: ids });
    onDone(result.ok ? undefined : result.error.message);
  }

  return (
    <Select
      aria-label="Apply a macro to selected"
      value=""
      disabled={disabled || tooMany}
      title={tooMany ? `A macro applies to at most ${MACRO_APPLY_LIMIT} cases at once` : undefined}
      onChange={(e) => void run(e.target.value)}
      className="h-8 w-auto text-sm"
    >
      <option value="">Macro…</option>
      {macros.length === 0 ? (
        <option value="" disabled>
          None yet: Settings → Macros
        </option>
      ) : null}
      {macros.map((m) => (
        <option key={m.id} value={m.id}>
          {m.name}
        </option>
      ))}
    </Select>
  );
}
