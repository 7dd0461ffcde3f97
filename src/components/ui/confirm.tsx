"use client";
// Confirmation of an irreversible action (delete, remove, revoke) in the app's own dialog, not the
// browser's confirm(): `await confirmAction({...})` resolves true when the member confirms. One
// dialog at a time, rendered by <ConfirmHost/> in the app shell.
import { create } from "zustand";
import { Button } from "./button";
import { ModalDialog } from "./modal-dialog";

export interface ConfirmRequest {
  title: string;
  description?: string;
  /** The confirming button's words, e.g. "Delete view". */
  confirmLabel: string;
  /** Red confirming button: the action destroys or takes away something. Default true. */
  destructive?: boolean;
}

interface ConfirmState {
  request: (ConfirmRequest & { resolve: (ok: boolean) => void }) | null;
}

const useConfirmStore = create<ConfirmState>()(() => ({ request: null }));

export function confirmAction(request: ConfirmRequest): Promise<boolean> {
  return new Promise((resolve) => {
    // A dialog still open is answered "no" before the new one replaces it.
    useConfirmStore.getState().request?.resolve(false);
    useConfirmStore.setState({ request: { ...request, resolve } });
  });
}

function answer(ok: boolean) {
  const request = useConfirmStore.getState().request;
  useConfirmStore.setState({ request: null });
  request?.resolve(ok);
}

export function ConfirmHost() {
  const request = useConfirmStore((s) => s.request);
  return (
    <ModalDialog open={request !== null} onClose={() => answer(false)} title={request?.title ?? ""} description={request?.description}>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" size="sm" onClick={() => answer(false)}>
          Cancel
        </Button>
        <Button type="button" size="sm" variant={request?.destructive === false ? "primary" : "danger"} autoFocus onClick={() => answer(true)}>
          {request?.confirmLabel}
        </Button>
      </div>
    </ModalDialog>
  );
}
