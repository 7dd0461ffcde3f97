import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// The demo tenant's widget (src/server/services/seed/demo-seed.ts).
const WIDGET_ID = "w_acme_demo_widget";
/** A 1×1 PNG: the visitor's "photo". */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==", "base64");

let host: Server;
let hostOrigin: string;

/** A shop on another origin that embeds the widget with the one-line snippet. */
test.beforeAll(async ({ baseURL }) => {
  host = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><html><head><title>Demo shop</title><style>button { all: unset; } * { font-size: 40px !important; }</style></head>
      <body><h1>Demo shop</h1><script src="${baseURL}/widget.js" data-tenant="${WIDGET_ID}" async></script></body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, "localhost", resolve));
  hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

/** Writes as the visitor; outside business hours the widget asks for an e-mail first. */
async function visitorSends(chat: ReturnType<Page["frameLocator"]>, text: string) {
  const box = chat.getByRole("textbox", { name: "Message", exact: true });
  await box.fill(text);
  await box.press("Enter");
  const email = chat.getByLabel("Your e-mail");
  await expect(email.or(chat.getByRole("log").getByText(text))).toBeVisible();
  if (await email.isVisible()) {
    await email.fill("visitor@shop.test");
    await box.press("Enter");
  }
  await expect(chat.getByRole("log").getByText(text)).toBeVisible();
}

async function allowHost(page: Page, origin: string) {
  await page.goto("/t/acme/settings/chat-widget");
  const websites = page.getByRole("form", { name: "Allowed websites" });
  const rows = websites.getByPlaceholder("https://www.example.com");
  const values = await rows.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  if (values.includes(origin)) return;
  // An empty list shows one empty row to fill.
  if (values.at(-1) !== "") await websites.getByRole("button", { name: "Add website" }).click();
  await rows.last().fill(origin);
  await websites.getByRole("button", { name: "Save websites" }).click();
  await expect(websites).toContainText("Websites saved.");
}

test("a visitor chats from another website and sends a photo; the agent sees a new CHAT case live and answers with a canned response; the visitor sees it live", async ({ browser, page }) => {
  const tag = Date.now().toString(36);
  await signIn(page, "admin@acme.test");
  // Before it is allowed, the shop's page gets no launcher (and the console says why).
  const visitor = await browser.newPage();
  const warnings: string[] = [];
  visitor.on("console", (m) => warnings.push(m.text()));
  await visitor.goto(hostOrigin);
  await expect.poll(() => warnings.join("\n")).toContain("not among the chat widget's allowed websites");
  await expect(visitor.getByRole("button", { name: /chat/i })).toHaveCount(0);

  await allowHost(page, hostOrigin);
  await page.goto("/t/acme/cases?tab=all");

  await visitor.reload();
  await visitor.getByRole("button", { name: /chat/i }).click();
  const chat = visitor.frameLocator("iframe[title]");
  await expect(chat.getByText("Hi! This is Acme Support. How can we help?")).toBeVisible();
  const message = `My parcel ${tag} never arrived`;
  await visitorSends(chat, message);
  // …and a photo of the parcel's label, as a message of its own with no text.
  const photo = `label-${tag}.png`;
  await chat.locator('input[type="file"]').setInputFiles({ name: photo, mimeType: "image/png", buffer: PNG });
  const send = chat.getByRole("button", { name: "Send" });
  await expect(send).toBeEnabled();
  await send.click();
  await expect(chat.getByRole("log").getByRole("img", { name: photo })).toBeVisible();

  // The agent's list shows the new case without a reload.
  const row = page.getByRole("row").filter({ hasText: message });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText("Chat");
  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: message })).toBeVisible();
  await expect(page.getByRole("region", { name: "Website chat" })).toContainText("Not verified");
  // The photo is on the case, re-encoded, as a thumbnail the agent can open.
  await expect(page.getByRole("img", { name: photo })).toBeVisible();

  const reply = page.locator("#message-body");
  await reply.click();
  await reply.pressSequentially("/");
  await page.getByRole("listbox", { name: "Insert a canned response or macro" }).getByRole("option").first().click();
  await expect(reply).not.toHaveValue("/");
  const sent = await reply.inputValue();
  await page.getByRole("button", { name: "Send reply" }).click();

  // The visitor reads the answer live, named by the agent's first name, as plain text.
  const firstLine = sent.split("\n").find((l) => l.trim())!.trim();
  await expect(chat.getByRole("log").getByText(firstLine, { exact: false })).toBeVisible({ timeout: 20_000 });
  await visitor.close();
});

test("an agent's internal note never reaches the visitor, and the widget shows nothing of it", async ({ browser, page }) => {
  const tag = Date.now().toString(36);
  await signIn(page, "admin@acme.test");
  await allowHost(page, hostOrigin);
  const visitor = await browser.newPage();
  await visitor.goto(hostOrigin);
  await visitor.getByRole("button", { name: /chat/i }).click();
  const chat = visitor.frameLocator("iframe[title]");
  const message = `Question ${tag}`;
  await visitorSends(chat, message);

  await page.goto(`/t/acme/cases?tab=all&q=${encodeURIComponent(`"${message}"`)}`);
  await page.getByRole("row").filter({ hasText: message }).getByRole("link").first().click();
  await page.getByRole("radio", { name: "Internal note" }).click();
  await page.locator("#message-body").fill(`Secret note ${tag}`);
  await page.getByRole("button", { name: /Add note/ }).click();
  await expect(page.getByText(`Secret note ${tag}`)).toBeVisible();
  await page.getByRole("radio", { name: "Reply" }).click();
  await page.locator("#message-body").fill(`Public answer ${tag}`);
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(chat.getByRole("log").getByText(`Public answer ${tag}`)).toBeVisible({ timeout: 20_000 });
  await expect(chat.getByText(`Secret note ${tag}`)).toHaveCount(0);
  await visitor.close();
});
