"use client";
// Keeps a member signed in while the workspace is open. Reading next-auth's session route renews
// the session cookie (a JWT session: each read re-issues it with a fresh expiry), so the route is
// read every 5 minutes and whenever the tab comes back into view. That is what next-auth's
// SessionProvider does with refetchInterval and refetchOnWindowFocus; the provider itself is not
// used because nothing in the workspace reads the session in the browser (the layout passes the
// signed-in user down) and its client would add 12 kB gzipped to every page's first load.
import { useEffect } from "react";

export const SESSION_REFRESH_MS = 5 * 60 * 1000;

export function SessionKeepAlive(): null {
  useEffect(() => {
    const refresh = () => {
      // A failed read changes nothing: the next one renews the session, and requests made signed
      // out are answered UNAUTHORIZED and handled where they are made.
      fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" }).catch(() => undefined);
    };
    const onVisible = () => {
      if (document.visibilityState === "visible") refresh();
    };
    const timer = window.setInterval(refresh, SESSION_REFRESH_MS);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, []);
  return null;
}
