"use client";
// ⌘K / Ctrl+K: jump to a case by number, search cases and customers (the search page has the
// rest), open a page, or act on the active case.
// Mounted once in the tenant layout. Case actions go through the same server actions as the
// buttons, so permissions and versions are checked as usual.
// Only the shortcut lives here: the dialog (cmdk, search, actions; about 16 kB of gzipped
// JavaScript) is fetched on the first ⌘K and stays mounted after, so no page pays for it upfront.
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { ShortcutHelp } from "./shortcut-help";

const PaletteDialog = dynamic(() => import("./palette-dialog").then((m) => m.PaletteDialog), { ssr: false });

interface Props {
  slug: string;
  canWrite: boolean;
  canImport: boolean;
}

export function CommandPalette({ slug, canWrite, canImport }: Props) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key.toLowerCase() === "k" && (e.metaKey || e.ctrlKey) && !e.altKey) {
        e.preventDefault();
        setLoaded(true);
        setOpen((o) => !o);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 5000);
    return () => clearTimeout(timer);
  }, [notice]);

  return (
    <>
      {loaded ? <PaletteDialog slug={slug} canWrite={canWrite} canImport={canImport} open={open} onOpenChange={setOpen} onNotice={setNotice} /> : null}
      <ShortcutHelp />
      {notice ? (
        <div role="status" className="fixed bottom-4 left-1/2 z-40 -translate-x-1/2 rounded-md bg-slate-900 px-4 py-2 text-sm text-white shadow-lg">
          {notice}
          <button type="button" className="ml-3 text-slate-300 underline" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
    </>
  );
}
