// Every main page, light and dark, checked against WCAG 2.1 A and AA with axe: contrast (4.5:1 for
// text), names of controls and landmarks, labels of inputs. A violation prints what and where.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const AGENT_PAGES = ["/t/acme", "/t/acme/cases", "/t/acme/cases/1", "/t/acme/cases/new", "/t/acme/inbox", "/t/acme/alerts", "/t/acme/settings/profile", "/t/acme/insights/trending", "/t/acme/insights/reports"];
const ADMIN_PAGES = ["/t/acme/settings/general", "/t/acme/settings/members", "/t/acme/settings/audit", "/t/acme/settings/ai", "/t/acme/settings/chat-widget", "/t/acme/jobs", "/t/acme/insights/search", "/t/acme/insights/trending"];

async function violations(page: Page): Promise<string[]> {
  // Charts draw after data arrives; the page is checked as people see it, settled.
  await page.waitForLoadState("networkidle");
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1).join(" ").trim()}`));
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test("the sign-in page has no accessibility violations", async ({ page }) => {
      await page.goto("/sign-in");
      expect(await violations(page)).toEqual([]);
    });

    test("the website chat, as a visitor sees it, has none", async ({ page }) => {
      await page.goto("/widget/w_acme_demo_widget");
      await expect(page.getByRole("textbox", { name: "Message", exact: true })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test("an agent's pages have none", async ({ page }) => {
      // Every workspace page in turn, each the first of its kind for the server: 50-60 s on a busy
      // 2-core machine, against the 60 s a test gets by default.
      test.slow();
      await signIn(page, "agent@acme.test");
      for (const path of AGENT_PAGES) {
        await page.goto(path);
        expect(await violations(page), path).toEqual([]);
      }
    });

    test("an admin's pages have none", async ({ page }) => {
      test.slow();
      await signIn(page, "admin@acme.test");
      for (const path of ADMIN_PAGES) {
        await page.goto(path);
        expect(await violations(page), path).toEqual([]);
      }
    });
  });
}
