import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test.use({ colorScheme: "dark" });

test("the theme follows the system until a member picks one, which survives a reload", async ({ page }) => {
  // The script that sets the theme before the first paint runs under the page's CSP (its nonce).
  const refused: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  await signIn(page, "agent@acme.test");
  const html = page.locator("html");
  await expect(html).toHaveClass(/\bdark\b/);
  // The page really is dark: the surface behind the content is the dark one.
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(await background()).toBe("rgb(10, 15, 28)");

  const theme = page.getByRole("group", { name: "Theme" });
  await theme.getByRole("button", { name: "Light" }).click();
  await expect(html).not.toHaveClass(/\bdark\b/);
  expect(await background()).not.toBe("rgb(10, 15, 28)");
  await page.reload();
  await expect(html).toHaveClass(/\blight\b/);
  await expect(theme.getByRole("button", { name: "Light" })).toHaveAttribute("aria-pressed", "true");

  await theme.getByRole("button", { name: "System" }).click();
  await expect(html).toHaveClass(/\bdark\b/);
  expect(refused).toEqual([]);
});
