// Visitors of the chat widget. A visitor is known by a random token their browser keeps (only its
// hash is stored), looked up inside the widget's tenant: a token of another tenant, or a made-up
// one, finds nobody and the caller starts as a new visitor. A verified identity (identity.ts)
// attaches the visitor to the customer the host site vouches for, and continues that customer's
// open chat; an unverified visitor gets a customer of their own on their first message.
import { createHash, randomBytes } from "node:crypto";
import type { WidgetIdentity } from "@/lib/validations/chat-widget";
import { decrypt, emailBlindIndexCandidates, encrypt } from "@/server/crypto";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { AppError } from "@/server/errors/app-error";
import { createCustomer } from "@/server/services/customers/customers";
import { verifyIdentity } from "./identity";
import { widgetSecret } from "./widget-settings";

const LAST_SEEN_PRECISION_MS = 60_000;

export const hashVisitorToken = (token: string) => createHash("sha256").update(token).digest("base64url");
const newVisitorToken = () => `cv_${randomBytes(32).toString("base64url")}`;

/** The visitor's e-mail is personal data like a customer's: encrypted, bound to tenant and column. */
const emailContext = (tenantId: string) => `${tenantId}:chat_visitor.email`;
export const encryptVisitorEmail = (tenantId: string, email: string | undefined) => (email ? encrypt(email, emailContext(tenantId)) : null);

export const visitorSelect = {
  id: true,
  customerId: true,
  caseId: true,
  name: true,
  emailCiphertext: true,
  verified: true,
  agentSeenUpTo: true,
} as const;
export type VisitorRow = { id: string; customerId: string | null; caseId: string | null; name: string | null; emailCiphertext: string | null; verified: boolean; agentSeenUpTo: string | null };

export function visitorView(row: VisitorRow): { name: string | null; email: string | null; verified: boolean } {
  return { name: row.name, email: row.emailCiphertext ? decrypt(row.emailCiphertext, emailContext(requireTenantId())) : null, verified: row.verified };
}

/** The visitor whose token this is, in the current tenant; null for anyone else's or a made-up one. */
export async function findVisitor(db: TenantDb, token: string | null | undefined): Promise<VisitorRow | null> {
  if (!token || token.length > 200) return null;
  const row = await db.chatVisitor.findFirst({ where: { tokenHash: hashVisitorToken(token) }, select: { ...visitorSelect, lastSeenAt: true } });
  if (!row) return null;
  const { lastSeenAt, ...visitor } = row;
  // When the visitor was last here, to the minute: not a write on every call.
  if (Date.now() - lastSeenAt.getTime() > LAST_SEEN_PRECISION_MS) await db.chatVisitor.updateMany({ where: { id: row.id }, data: { lastSeenAt: new Date() } });
  return visitor;
}

/** The visitor a widget call acts as: refused (UNAUTHORIZED) without a valid token. */
export async function requireVisitor(db: TenantDb, token: string | null | undefined): Promise<VisitorRow> {
  const visitor = await findVisitor(db, token);
  if (!visitor) throw new AppError("UNAUTHORIZED", "Start a chat session first (POST …/session)", { reason: "NO_VISITOR_SESSION" });
  return visitor;
}

/**
 * Continues the presented visitor or starts a new one. With an identity, the signature must
 * verify (a refused one is an error the host's developer sees, not a silent downgrade), and a
 * browser that was someone else (another verified user, or anonymous) starts afresh as this user;
 * without one, a verified visitor's token starts an anonymous visitor: a shared computer never
 * shows one person's chat to the next.
 */
export async function startVisitorSession(
  db: TenantDb,
  token: string | null | undefined,
  identity: WidgetIdentity | undefined,
  /** Called before a new visitor is made (its rate limit); not for one that continues. */
  beforeNew: () => Promise<void> = async () => {},
): Promise<{ token: string; visitor: VisitorRow }> {
  const current = await findVisitor(db, token);
  if (!identity) {
    // A verified visitor continues only with their identity: a page without it is someone signed
    // out (or someone else at the same computer), who starts afresh.
    if (current && !current.verified) return { token: token!, visitor: current };
    await beforeNew();
    return createVisitor(db, {});
  }
  const check = verifyIdentity(await widgetSecret(db), identity);
  if (!check.ok) {
    const why = {
      NO_SECRET: "this widget has no identity secret yet (Settings → Chat widget)",
      BAD_SIGNATURE: "the signature does not match (sign userId, email, name and issuedAt with the widget's secret)",
      EXPIRED: "the signature is older than 10 minutes; sign again when the page loads",
      NOT_YET_VALID: "issuedAt is in the future; check the host server's clock",
    }[check.reason];
    throw new AppError("BAD_REQUEST", `The visitor's identity was not verified: ${why}`, { reason: "IDENTITY_NOT_VERIFIED", why: check.reason });
  }
  const customerId = await customerFor(db, identity);
  if (current?.verified && current.customerId === customerId) return { token: token!, visitor: current };
  await beforeNew();
  // The customer's open chat, from another device or an earlier visit, continues.
  const open = await db.case.findFirst({
    where: { customerId, channel: "CHAT", status: { not: "CLOSED" }, mergedIntoId: null },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return createVisitor(db, { customerId, caseId: open?.id ?? null, verified: true, name: identity.name ?? null, email: identity.email });
}

async function createVisitor(
  db: TenantDb,
  fields: { customerId?: string; caseId?: string | null; verified?: boolean; name?: string | null; email?: string },
): Promise<{ token: string; visitor: VisitorRow }> {
  const tenantId = requireTenantId();
  const token = newVisitorToken();
  const visitor = await db.chatVisitor.create({
    data: {
      tenantId,
      tokenHash: hashVisitorToken(token),
      customerId: fields.customerId ?? null,
      caseId: fields.caseId ?? null,
      verified: fields.verified ?? false,
      name: fields.name ?? null,
      emailCiphertext: encryptVisitorEmail(tenantId, fields.email),
    },
    select: visitorSelect,
  });
  return { token, visitor };
}

/** The customer a verified identity names: by the host's user id, else by e-mail, else a new one. */
async function customerFor(db: TenantDb, identity: WidgetIdentity): Promise<string> {
  const tenantId = requireTenantId();
  const byId = await db.customer.findFirst({ where: { externalId: identity.userId }, select: { id: true } });
  if (byId) return byId.id;
  if (identity.email) {
    const byEmail = await db.customer.findFirst({ where: { emailBlindIndex: { in: emailBlindIndexCandidates(tenantId, identity.email) } }, select: { id: true, externalId: true } });
    // A customer with another external id is someone else who happens to share the address.
    if (byEmail && byEmail.externalId === null) return byEmail.id;
  }
  const created = await createCustomer(
    db,
    { userId: null, canReadPii: true },
    {
      name: identity.name ?? identity.email ?? `Website user ${identity.userId}`.slice(0, 120),
      email: identity.email && !(await emailTaken(db, tenantId, identity.email)) ? identity.email : undefined,
      externalId: identity.userId,
      notes: "",
      attributes: {},
    },
  );
  return created.id;
}

async function emailTaken(db: TenantDb, tenantId: string, email: string): Promise<boolean> {
  return (await db.customer.count({ where: { emailBlindIndex: { in: emailBlindIndexCandidates(tenantId, email) } } })) > 0;
}
