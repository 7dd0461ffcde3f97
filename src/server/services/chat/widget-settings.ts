// The tenant's chat widget as its admins set it up: made with defaults on first read, changed
// field by field, and the identity secret made or replaced (returned once, stored encrypted).
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { widgetLogoUrl, type ChatWidgetSettings, type updateChatWidgetSchema } from "@/lib/validations/chat-widget";
import { recordAudit } from "@/server/audit";
import { decrypt, encrypt } from "@/server/crypto";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { forgetWidget } from "./widget-lookup";

const settingsSelect = {
  publicId: true,
  enabled: true,
  color: true,
  greeting: true,
  allowedOrigins: true,
  secretCiphertext: true,
  secretRotatedAt: true,
  logoUpdatedAt: true,
} as const;

type Row = {
  publicId: string;
  enabled: boolean;
  color: string;
  greeting: string;
  allowedOrigins: string[];
  secretCiphertext: string | null;
  secretRotatedAt: Date | null;
  logoUpdatedAt: Date | null;
};

const toSettings = ({ secretCiphertext, logoUpdatedAt, ...row }: Row): ChatWidgetSettings => ({
  ...row,
  hasSecret: secretCiphertext !== null,
  logoUrl: widgetLogoUrl(row.publicId, logoUpdatedAt),
});

/** Binds the stored secret to its tenant: copied to another tenant's row, it does not decrypt. */
const secretContext = (tenantId: string) => `${tenantId}:chat_widget.secret`;

/** 128 bits, URL-safe: what the embed snippet names. */
export const newPublicId = () => `w_${randomBytes(16).toString("base64url")}`;

export async function getChatWidget(db: TenantDb): Promise<ChatWidgetSettings> {
  const tenantId = requireTenantId();
  const found = await db.chatWidget.findFirst({ select: settingsSelect });
  if (found) return toSettings(found);
  // Two first reads at once: the second finds the first's row instead of failing on the key.
  const row = await db.chatWidget.upsert({ where: { tenantId }, create: { tenantId, publicId: newPublicId() }, update: {}, select: settingsSelect });
  return toSettings(row);
}

/** The logo, re-encoded (or removed with null). */
export async function setChatWidgetLogo(db: TenantDb, logo: Buffer | null): Promise<ChatWidgetSettings> {
  const tenantId = requireTenantId();
  await getChatWidget(db);
  const row = await db.chatWidget.update({
    where: { tenantId },
    data: logo ? { logo: new Uint8Array(logo), logoUpdatedAt: new Date() } : { logo: null, logoUpdatedAt: null },
    select: settingsSelect,
  });
  await recordAudit(db, { action: logo ? "chat_widget.logo_set" : "chat_widget.logo_removed", targetType: "chat_widget", targetId: tenantId, diff: logo ? { bytes: logo.length } : {} });
  forgetWidget(row.publicId);
  return toSettings(row);
}

export async function updateChatWidget(db: TenantDb, input: z.output<typeof updateChatWidgetSchema>): Promise<ChatWidgetSettings> {
  const before = await getChatWidget(db);
  const row = await db.chatWidget.update({ where: { tenantId: requireTenantId() }, data: input, select: settingsSelect });
  const changed = Object.fromEntries(
    Object.entries(input).filter(([key, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify(before[key as keyof ChatWidgetSettings])),
  );
  if (Object.keys(changed).length) {
    await recordAudit(db, { action: "chat_widget.updated", targetType: "chat_widget", targetId: requireTenantId(), diff: changed });
  }
  forgetWidget(row.publicId);
  return toSettings(row);
}

/** A new identity secret: host sites signing with the old one stop verifying at once. */
export async function rotateChatWidgetSecret(db: TenantDb): Promise<{ secret: string; settings: ChatWidgetSettings }> {
  const tenantId = requireTenantId();
  await getChatWidget(db);
  const secret = `cws_${randomBytes(32).toString("base64url")}`;
  const row = await db.chatWidget.update({
    where: { tenantId },
    data: { secretCiphertext: encrypt(secret, secretContext(tenantId)), secretRotatedAt: new Date() },
    select: settingsSelect,
  });
  await recordAudit(db, { action: "chat_widget.secret_rotated", targetType: "chat_widget", targetId: tenantId, diff: {} });
  forgetWidget(row.publicId);
  return { secret, settings: toSettings(row) };
}

/** The identity secret in clear, for checking a signature; null when none was made. */
export async function widgetSecret(db: TenantDb): Promise<string | null> {
  const tenantId = requireTenantId();
  const row = await db.chatWidget.findFirst({ select: { secretCiphertext: true } });
  return row?.secretCiphertext ? decrypt(row.secretCiphertext, secretContext(tenantId)) : null;
}
