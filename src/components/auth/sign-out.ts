"use client";
import { safeRedirectPath } from "@/lib/urls";

/**
 * Signs out, then goes to `path` on the origin the browser is on: a relative path (next-auth's
 * own navigation would follow its baseUrl, an absolute URL), and a full navigation, which drops
 * the pages the router cached while signed in. next-auth's client (CSRF token, then the sign-out
 * request) loads here, when someone signs out, rather than with every page.
 */
export async function signOutTo(path: string): Promise<void> {
  const { signOut } = await import("next-auth/react");
  await signOut({ redirect: false });
  window.location.assign(safeRedirectPath(path, window.location.origin, "/sign-in"));
}
