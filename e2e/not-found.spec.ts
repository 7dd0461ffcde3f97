import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// A case or customer that does not exist answers 404 (not a 200 carrying the not-found page),
// whether the id is well-formed or not.
test("missing cases and customers are a 404 with the not-found page", async ({ page }) => {
  await signIn(page, "owner@acme.test");
  for (const path of ["/t/acme/cases/99999", "/t/acme/cases/abc", `/t/acme/customers/${randomUUID()}`, "/t/acme/customers/abc"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

// Search params a list refuses (a NUL byte, a forged cursor) render the list, never an error page.
test("lists with invalid search params still render", async ({ page }) => {
  await signIn(page, "owner@acme.test");
  const forged = Buffer.from(JSON.stringify({ s: "created", o: "desc", k: ["garbage"], id: randomUUID() })).toString("base64url");
  for (const [path, heading] of [
    ["/t/acme/cases?q=a%00b", "Cases"],
    [`/t/acme/cases?cursor=${forged}`, "Cases"],
    ["/t/acme/customers?q=a%00b", "Customers"],
    [`/t/acme/customers?cursor=${forged}`, "Customers"],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
  }
});
