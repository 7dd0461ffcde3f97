"use client";
// A list worked from the keyboard, as the inbox and the alerts page are: j/k move the highlighted
// row, x ticks it, and the page's own keys act on the ticked rows or else the highlighted one.
// Keys typed into a field, or with a modifier held, belong to the field or the browser.
import { useEffect, useEffectEvent, useRef, useState } from "react";

export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/**
 * `onKey` gets the other keys with the highlighted item and returns whether it used the key
 * (then the browser's default is prevented). Reads the latest state at the moment of the key
 * press; the listener is attached once.
 */
export function useKeyboardList<T extends { id: string }>(items: readonly T[], onKey: (event: KeyboardEvent, current: T | undefined) => boolean) {
  const [focused, setFocused] = useState(0);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const rows = useRef<(HTMLElement | null)[]>([]);
  const focusedIndex = Math.min(focused, Math.max(items.length - 1, 0));
  const focusedItem = items[focusedIndex];

  const toggle = (id: string) =>
    setTicked((t) => {
      const next = new Set(t);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const handle = useEffectEvent((event: KeyboardEvent) => {
    if (event.metaKey || event.ctrlKey || event.altKey || isTypingTarget(event.target)) return;
    if (items.length === 0) return;
    if (event.key === "j") setFocused(Math.min(items.length - 1, focusedIndex + 1));
    else if (event.key === "k") setFocused(Math.max(0, focusedIndex - 1));
    else if (event.key === "x" && focusedItem) toggle(focusedItem.id);
    else if (!onKey(event, focusedItem)) return;
    event.preventDefault();
  });
  useEffect(() => {
    window.addEventListener("keydown", handle);
    return () => window.removeEventListener("keydown", handle);
  }, []);
  useEffect(() => {
    rows.current[focusedIndex]?.scrollIntoView({ block: "nearest" });
  }, [focusedIndex]);

  return {
    focusedIndex,
    focusedItem,
    setFocused,
    ticked,
    toggle,
    clearTicked: () => setTicked(new Set()),
    /** The ticked items, or else the highlighted one. */
    targets: ticked.size ? items.filter((item) => ticked.has(item.id)) : focusedItem ? [focusedItem] : [],
    /** Give each row's element, so the highlighted one is scrolled into view. */
    rowRef: (index: number) => (el: HTMLElement | null) => {
      rows.current[index] = el;
    },
  };
}
