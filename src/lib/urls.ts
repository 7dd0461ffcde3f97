// Where the app may send a browser after signing in or out: only a path of its own origin.
// Prefix checks ("starts with / but not //") are not enough: URL parsers turn "/\evil.example"
// into "//evil.example" and drop tabs and newlines, so "/\t/evil.example" is another host too.
// The candidate is parsed exactly as the browser will parse it, against the app's own origin,
// and kept only if it stays there; what is returned is the normalised path, never the input.

/** Stands in for the app's origin where the caller has none (a path-only check needs no real one). */
const PLACEHOLDER_ORIGIN = "http://caseboard.invalid";

const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f\\]/;

/**
 * `candidate` as a same-origin path (`/t/acme/cases?x=1#y`), or `fallback`. Absolute URLs are
 * accepted only when their origin is `ownOrigin`.
 */
export function safeRedirectPath(candidate: unknown, ownOrigin: string = PLACEHOLDER_ORIGIN, fallback = "/"): string {
  if (typeof candidate !== "string" || candidate === "" || candidate.length > 2048) return fallback;
  // Refused outright rather than guessed at: no link of ours contains them.
  if (CONTROL_OR_BACKSLASH.test(candidate)) return fallback;
  let base: URL;
  let target: URL;
  try {
    base = new URL(ownOrigin);
    target = new URL(candidate, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  // A relative candidate must be a rooted path ("cases" or "?x" would resolve against wherever the browser is).
  if (!/^[a-z][a-z0-9+.-]*:/i.test(candidate) && !candidate.startsWith("/")) return fallback;
  // Encoded slashes and backslashes in the path: harmless to a browser, but a server that decodes
  // once more would see "//evil.example"; no path of the app needs them.
  if (/%(2f|5c)/i.test(target.pathname) || target.pathname.startsWith("//")) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}
