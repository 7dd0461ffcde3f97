// Which Chromium the browser tests drive: an explicit path, the system's, or (when this returns
// undefined) Playwright's own. Plain JS so both the Playwright config and scripts/test.mjs load it.
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/** @returns {string | undefined} */
export function findChromium() {
  const explicit = process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (explicit) return explicit;
  return CANDIDATES.find((path) => existsSync(path));
}

/** Flags for a headless run on a machine without network access or a sandbox-capable kernel. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];
