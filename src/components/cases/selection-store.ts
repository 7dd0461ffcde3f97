"use client";
// The rows ticked in the cases list. Lives outside React state so the bulk bar, the header
// checkbox and each row read it without threading props through the table.
import { create } from "zustand";

interface SelectionState {
  ids: ReadonlySet<string>;
  toggle: (id: string) => void;
  setMany: (ids: string[], selected: boolean) => void;
  clear: () => void;
}

export const useCaseSelection = create<SelectionState>((set) => ({
  ids: new Set(),
  toggle: (id) =>
    set((s) => {
      const ids = new Set(s.ids);
      if (ids.has(id)) ids.delete(id);
      else ids.add(id);
      return { ids };
    }),
  setMany: (ids, selected) =>
    set((s) => {
      const next = new Set(s.ids);
      for (const id of ids) {
        if (selected) next.add(id);
        else next.delete(id);
      }
      return { ids: next };
    }),
  clear: () => set({ ids: new Set() }),
}));
