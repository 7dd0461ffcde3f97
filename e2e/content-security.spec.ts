// The Content-Security-Policy (src/proxy.ts) allows no 'unsafe-eval'. The app's own code must not
// need it, and must not even try: every attempt is reported as a violation (to the console, and to
// any report endpoint a deployment adds). Zod's compile probe is the known one, switched off in
// src/instrumentation-client.ts; these pages parse URL filters, forms and live events with zod.
import { expect, test, type Page } from "@playwright/test";
import { filterBy, signIn } from "./helpers";

async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

test("no page the agent opens tries anything the Content-Security-Policy refuses", async ({ page }) => {
  const violations = await recordViolations(page);
  await signIn(page, "agent@acme.test");
  expect(await violations(), "sign-in and the cases list").toEqual([]);

  // A filter read back from the URL is parsed with the server's zod schema in the browser.
  await filterBy(page, "Status", "Open", "Pending");
  await expect(page).toHaveURL(/status=OPEN%2CPENDING/);
  await page.reload();
  await expect(page.getByRole("button", { name: "Status is Open, Pending: change values" })).toBeVisible();
  expect(await violations(), "the filtered list after a reload").toEqual([]);

  await page.locator("tbody tr").first().locator("a").first().click();
  await expect(page).toHaveURL(/\/cases\/\d+/);
  await expect(page.getByRole("textbox").first()).toBeVisible();
  expect(await violations(), "a case").toEqual([]);
});
