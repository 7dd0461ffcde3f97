"use client";
// j/k move the focused row, x ticks it, Enter opens it, / jumps to search, p shows or hides the
// preview pane, a assigns to me and e resolves (the ticked rows, or else the focused one). Keys typed into a
// field, or with a modifier held, belong to the field or the browser, not to the list.
import { useEffect } from "react";
import { isTypingTarget } from "@/components/ui/keyboard-list";

interface Handlers {
  count: number;
  focused: number;
  setFocused: (index: number) => void;
  /** x: absent for members who cannot edit cases (ticking is for bulk changes). */
  onSelect?: (index: number) => void;
  onOpen: (index: number) => void;
  onSearch: () => void;
  /** p: the preview pane on or off. */
  onTogglePreview?: () => void;
  /** Absent for members who cannot edit cases. */
  onAssignToMe?: () => void;
  onResolve?: () => void;
}


export function useListKeyboard({ count, focused, setFocused, onSelect, onOpen, onSearch, onTogglePreview, onAssignToMe, onResolve }: Handlers) {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey || isTypingTarget(event.target)) return;
      if (event.key === "/") {
        event.preventDefault();
        onSearch();
        return;
      }
      if (event.key === "p" && onTogglePreview) {
        event.preventDefault();
        onTogglePreview();
        return;
      }
      if (count === 0) return;
      if (event.key === "j") setFocused(Math.min(count - 1, focused + 1));
      else if (event.key === "k") setFocused(Math.max(0, focused - 1));
      else if (event.key === "x" && focused >= 0 && onSelect) onSelect(focused);
      else if (event.key === "a" && onAssignToMe) onAssignToMe();
      else if (event.key === "e" && onResolve) onResolve();
      else if (event.key === "Enter" && focused >= 0 && !(event.target instanceof HTMLAnchorElement || event.target instanceof HTMLButtonElement)) onOpen(focused);
      else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [count, focused, setFocused, onSelect, onOpen, onSearch, onTogglePreview, onAssignToMe, onResolve]);
}
