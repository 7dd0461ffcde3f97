import { expect, test } from "@playwright/test";
import { signIn, uniqueEmail } from "./helpers";

test("an admin invites a new agent by link; the invitee signs up, joins, and a role change applies on their next page", async ({ browser }) => {
  // No SMTP in tests: the settings page shows the link for the admin to copy.
  const adminContext = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@acme.test");
  await admin.getByRole("link", { name: "Settings" }).first().click();
  await admin.getByRole("link", { name: "Invitations" }).click();
  await expect(admin).toHaveURL(/\/t\/acme\/settings\/invitations$/);

  const email = uniqueEmail("invitee");
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Role").selectOption("AGENT");
  await admin.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText("Mail is not configured")).toBeVisible();
  await admin.getByRole("button", { name: "Copy link" }).click();
  await expect(admin.getByRole("button", { name: "Copied" })).toBeVisible();
  const link = await admin.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(admin.getByTestId("invitation-link")).toHaveText(link);
  await expect(admin.getByTestId("invitation-row").filter({ hasText: email })).toContainText("pending");

  // A second browser context: nobody signed in there.
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "Join Acme Support" })).toBeVisible();
  await expect(invitee.getByLabel("Email")).toHaveValue(email);
  await expect(invitee.getByLabel("Email")).toHaveAttribute("readonly", "");
  await invitee.getByLabel("Your name").fill("Ivy Invitee");
  await invitee.getByLabel("Password").fill("invitee-password-1");
  await invitee.getByRole("button", { name: "Create account and join Acme Support" }).click();
  await expect(invitee).toHaveURL(/\/t\/acme\/cases/);
  await expect(invitee.getByRole("heading", { name: "Cases" })).toBeVisible();
  // Agents see "New case" (navigation and page header).
  await expect(invitee.getByRole("link", { name: "New case" }).first()).toBeVisible();

  // The link was single-use.
  const again = await inviteeContext.newPage();
  await again.goto(link);
  await expect(again.getByText("This invitation has already been used.")).toBeVisible();
  await again.close();

  await admin.goto("/t/acme/settings/members");
  const role = admin.getByLabel("Role of Ivy Invitee");
  await expect(role).toHaveValue("AGENT");
  // The role change is a server action (a POST to this page): wait for its answer, not for idle (the page polls).
  const saved = admin.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/settings/members"));
  await role.selectOption("VIEWER");
  expect((await saved).ok()).toBe(true);
  await admin.reload();
  await expect(admin.getByLabel("Role of Ivy Invitee")).toHaveValue("VIEWER");

  await invitee.reload();
  await expect(invitee.getByRole("heading", { name: "Cases" })).toBeVisible();
  await expect(invitee.getByRole("link", { name: "New case" })).toHaveCount(0);

  await adminContext.close();
  await inviteeContext.close();
});
