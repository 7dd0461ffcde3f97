// The composer's draft, kept per user and case in the browser (localStorage) so a reload, a
// crash or a collision prompt never loses what was written. `seenUpTo` is the newest message the
// author had seen when the draft began: the server compares it with newer public replies.
export interface ComposerDraft {
  kind: "PUBLIC_REPLY" | "INTERNAL_NOTE";
  body: string;
  seenUpTo: string | null;
}

type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const draftKey = (userId: string, caseId: string) => `caseboard:draft:${userId}:${caseId}`;

export function loadDraft(storage: DraftStorage | undefined, key: string): ComposerDraft | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<ComposerDraft>;
    if (typeof value.body !== "string" || value.body.trim() === "") return null;
    return {
      kind: value.kind === "INTERNAL_NOTE" ? "INTERNAL_NOTE" : "PUBLIC_REPLY",
      body: value.body,
      seenUpTo: typeof value.seenUpTo === "string" ? value.seenUpTo : null,
    };
  } catch {
    // Unreadable (another version's format, storage disabled): start afresh.
    return null;
  }
}

export function saveDraft(storage: DraftStorage | undefined, key: string, draft: ComposerDraft): void {
  try {
    if (draft.body.trim() === "") storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(draft));
  } catch {
    // Full or disabled storage: the draft lives as long as the page, as before.
  }
}

export function clearDraft(storage: DraftStorage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

interface MessageLike {
  type: string;
  id: string;
  createdAt: Date;
}

/** The newest message of a timeline (events are not messages), or null when there is none. */
export function newestMessageId(items: readonly MessageLike[] | undefined): string | null {
  let newest: MessageLike | null = null;
  for (const item of items ?? []) {
    if (item.type !== "message") continue;
    if (!newest || item.createdAt > newest.createdAt || (item.createdAt.getTime() === newest.createdAt.getTime() && item.id > newest.id)) newest = item;
  }
  return newest?.id ?? null;
}
