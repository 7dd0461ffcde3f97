// Where the chat page keeps the visitor's token between visits. The server also sets it as an
// HttpOnly cookie, but inside a third-party iframe browsers often block or partition cookies; the
// page's own storage is the fallback, sent as `x-visitor-token`. Storage itself may be refused
// (private modes, blocked site data): then each visit is a new visitor, and the chat still works.

export const visitorTokenKey = (widgetId: string) => `caseboard:visitor:${widgetId}`;

export function readVisitorToken(widgetId: string): string | null {
  try {
    return window.localStorage.getItem(visitorTokenKey(widgetId));
  } catch {
    return null;
  }
}

export function storeVisitorToken(widgetId: string, token: string): void {
  try {
    window.localStorage.setItem(visitorTokenKey(widgetId), token);
  } catch {
    // Refused: the cookie (where allowed) still carries the visitor for this visit.
  }
}
