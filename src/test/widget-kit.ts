// Calls the chat widget's HTTP surface as a browser or a script would (the route's own handler,
// in process), and sets up a tenant's widget.
import { handleWidgetRequest } from "@/server/api/openapi/widget-rest-handler";
import { CLIENT_IP_HEADER, clientIpStamp } from "@/server/security/client-ip";
import { signIdentity } from "@/server/services/chat/identity";
import { callerFor, type TestTenant } from "./factories";

export const APP_ORIGIN = "http://caseboard.test";

const randomIp = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join(".")}`;
/**
 * The visitors' address for this run, so the widget's per-IP budgets (kept in Redis across runs
 * on the CI's PostgreSQL pass) are not shared with earlier runs. The test files share one module
 * graph (vitest's isolate: false), so every file's calls come from it; new sessions, whose
 * per-address budget is small (30 per 10 minutes), each come from an address of their own.
 */
const KIT_IP = randomIp();

export interface WidgetAnswer {
  status: number;
  body: Record<string, unknown> & { code?: string; details?: Record<string, unknown> };
  headers: Headers;
}

export async function widgetCall(
  method: "GET" | "POST" | "OPTIONS",
  path: string,
  opts: { token?: string; body?: unknown; origin?: string; ip?: string } = {},
): Promise<WidgetAnswer> {
  const headers = new Headers({ host: "caseboard.test", [CLIENT_IP_HEADER]: clientIpStamp(opts.ip ?? KIT_IP) });
  if (opts.token) headers.set("x-visitor-token", opts.token);
  if (opts.origin) headers.set("origin", opts.origin);
  if (opts.body !== undefined) headers.set("content-type", "application/json");
  const res = await handleWidgetRequest(new Request(`${APP_ORIGIN}/api/widget/v1${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) }));
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as WidgetAnswer["body"]) : {}, headers: res.headers };
}

/** The tenant's widget, allowed on `origins`, with an identity secret. */
export async function setUpWidget(tenant: TestTenant, origins: string[] = ["https://shop.example"]): Promise<{ widgetId: string; secret: string }> {
  const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
  const { publicId } = await admin.chatWidget.update({ allowedOrigins: origins });
  const { secret } = await admin.chatWidget.rotateSecret({});
  return { widgetId: publicId, secret };
}

/** A new visitor's token (anonymous, or with a signed identity). */
export async function visitorToken(widgetId: string, identity?: Record<string, unknown>): Promise<string> {
  const res = await widgetCall("POST", `/${widgetId}/session`, { body: identity ? { identity } : {}, ip: randomIp() });
  if (res.status !== 200) throw new Error(`session: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.visitorToken as string;
}

export function signedIdentity(secret: string, who: { userId: string; email?: string; name?: string }, issuedAt = Math.floor(Date.now() / 1000)) {
  return { ...who, issuedAt, signature: signIdentity(secret, { ...who, issuedAt }) };
}

/** A visitor's file upload (raw body), as the widget's page sends it. */
export async function widgetUpload(widgetId: string, token: string | undefined, bytes: Uint8Array, filename: string, opts: { origin?: string } = {}): Promise<WidgetAnswer> {
  const headers = new Headers({ host: "caseboard.test", [CLIENT_IP_HEADER]: clientIpStamp(KIT_IP), "content-length": String(bytes.length) });
  if (token) headers.set("x-visitor-token", token);
  if (opts.origin) headers.set("origin", opts.origin);
  const url = `${APP_ORIGIN}/api/widget/v1/${widgetId}/attachments?filename=${encodeURIComponent(filename)}`;
  const res = await handleWidgetRequest(new Request(url, { method: "POST", headers, body: new Blob([new Uint8Array(bytes)]) }));
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as WidgetAnswer["body"]) : {}, headers: res.headers };
}

/** GET of a link the widget API gave (relative to the app), answered raw. */
export function widgetFetch(link: string): Promise<Response> {
  return handleWidgetRequest(new Request(`${APP_ORIGIN}${link}`, { headers: { host: "caseboard.test", [CLIENT_IP_HEADER]: clientIpStamp(KIT_IP) } }));
}
