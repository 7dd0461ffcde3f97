"use client";
// "?" shows the keyboard shortcuts of the workspace.
import { useEffect, useState } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { isTypingTarget } from "@/components/ui/keyboard-list";

const SHORTCUTS: [string, string][] = [
  ["⌘K / Ctrl+K", "Command palette: case number, search, pages"],
  ["j / k", "Next / previous case in the list"],
  ["x", "Tick the focused case"],
  ["Enter", "Open the focused case"],
  ["a", "Assign the ticked (or focused) cases to me"],
  ["e", "Resolve the ticked (or focused) cases"],
  ["p", "Show or hide the preview pane beside the list"],
  ["/", "Search the list"],
  ["?", "This help"],
];


export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key === "?" && !e.metaKey && !e.ctrlKey && !e.altKey && !isTypingTarget(e.target)) {
        e.preventDefault();
        setOpen(true);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <ModalDialog open={open} onClose={() => setOpen(false)} title="Keyboard shortcuts">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-700">{keys}</kbd>
            </dt>
            <dd className="text-slate-700">{what}</dd>
          </div>
        ))}
      </dl>
    </ModalDialog>
  );
}
