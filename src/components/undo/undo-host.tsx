"use client";
// The toasts' place on screen, and ⌘Z / Ctrl+Z for the latest undoable action. In a text field
// the keys stay the field's own (the browser undoes typing there).
import { useTheme } from "next-themes";
import { useEffect } from "react";
import { Toaster } from "sonner";
import { isTypingTarget } from "@/components/ui/keyboard-list";
import { runUndo } from "./offer-undo";

export function UndoHost() {
  const { resolvedTheme } = useTheme();
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key.toLowerCase() !== "z" || !(event.metaKey || event.ctrlKey) || event.shiftKey || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      event.preventDefault();
      void runUndo();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return <Toaster position="bottom-right" theme={resolvedTheme === "dark" ? "dark" : "light"} closeButton richColors={false} />;
}
