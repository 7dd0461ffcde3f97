// Links prefetch on intent: loading a workspace page renders no other page on the server, and
// pointing at a navigation link prefetches that page (so the click still lands at once).
import { expect, test, type Page, type Request } from "@playwright/test";
import { signIn } from "./helpers";

/** Router prefetches of other pages: RSC requests that are not the page's own navigation. */
function recordPrefetches(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request: Request) => {
    const url = new URL(request.url());
    if (url.searchParams.has("_rsc") && request.headers()["next-router-prefetch"]) seen.push(url.pathname + url.search.replace(/[?&]_rsc=[^&]*/, ""));
  });
  return seen;
}

test("a page load prefetches nothing; pointing at a link prefetches its page", async ({ page }) => {
  await signIn(page, "agent@acme.test");
  const prefetched = recordPrefetches(page);
  await page.goto("/t/acme/cases");
  await expect(page.getByRole("table")).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(prefetched).toEqual([]);

  const inbox = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Inbox/ });
  await inbox.hover();
  await expect.poll(() => prefetched.filter((p) => p.startsWith("/t/acme/inbox"))).not.toHaveLength(0);
  await inbox.click();
  await expect(page).toHaveURL(/\/t\/acme\/inbox$/);
});
