"use client";
// The case the agent is working on: the open case on its detail page, else the focused row of
// the list. The command palette's case actions (assign to me, resolve) act on it.
import { create } from "zustand";
import type { CaseStatus } from "@/lib/validations/case";

export interface ActiveCase {
  id: string;
  number: number;
  title: string;
  status: CaseStatus;
  version: number;
}

interface ActiveCaseState {
  current: ActiveCase | null;
  set: (c: ActiveCase | null) => void;
}

export const useActiveCase = create<ActiveCaseState>((set) => ({
  current: null,
  set: (current) => set({ current }),
}));
