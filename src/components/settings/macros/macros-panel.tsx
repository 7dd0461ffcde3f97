"use client";
// The member's macros and the team's: named sets of case actions applied in one step from the
// composer (/), the bulk bar and the command palette.
import { describeMacro } from "@/lib/macro-summary";
import type { MacroActionsInput } from "@/lib/validations/macro";
import { SharedRecordsPanel } from "../shared-records-panel";
import { MacroForm } from "./macro-form";
import { deleteMacroAction } from "./macros-actions";

export interface MacroItem {
  id: string;
  name: string;
  actions: MacroActionsInput;
  shared: boolean;
  editable: boolean;
}

/** The teams and assignable members the form offers (and the list names). */
export interface MacroChoices {
  teams: { id: string; name: string }[];
  members: { id: string; name: string }[];
}

export function MacrosPanel({ slug, macros, canShare, choices }: { slug: string; macros: MacroItem[]; canShare: boolean; choices: MacroChoices }) {
  // A list of everyone's macros: "me" is whoever applies one, not the reader.
  const names = { teams: new Map(choices.teams.map((t) => [t.id, t.name])), members: new Map(choices.members.map((m) => [m.id, m.name])), me: "whoever applies it" };
  return (
    <SharedRecordsPanel
      noun="macro"
      heading="Macros"
      intro="A reply and the case changes that go with it, applied in one step: from a reply (type /), the bulk bar or ⌘K."
      empty="No macros yet. Save the steps you repeat (reply, set Pending, tag, hand to a team) and apply them in one go."
      items={macros}
      nameOf={(m) => m.name}
      renderDetail={(m) => (
        <>
          <ul className="mt-1.5 flex flex-wrap gap-1.5" aria-label={`What ${m.name} does`}>
            {describeMacro(m.actions, names).map((part) => (
              <li key={part} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                {part}
              </li>
            ))}
          </ul>
          {m.actions.reply ? <p className="mt-1.5 line-clamp-2 break-words text-sm text-slate-600">{m.actions.reply.body.replace(/\s+/g, " ")}</p> : null}
        </>
      )}
      renderForm={(m, onDone) => <MacroForm slug={slug} macro={m} canShare={canShare} choices={choices} onDone={onDone} />}
      onDelete={(m) => deleteMacroAction(slug, m.id)}
      lost={{ shared: "Nobody on the team can apply it any more.", personal: "You can no longer apply it." }}
    />
  );
}
