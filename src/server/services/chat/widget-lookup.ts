// Finds the widget a visitor's request names by its public id: the one lookup made before the
// tenant is known, hence privileged. Kept for a few seconds per instance (every widget request
// and every page load of the widget asks); a change in settings forgets it here at once, and
// other instances follow within WIDGET_CACHE_MS.
import { widgetLogoUrl } from "@/lib/validations/chat-widget";
import { withPrivilegedDb } from "@/server/db/privileged-db";

export const WIDGET_CACHE_MS = 10_000;
const MAX_CACHED = 5_000;

export interface WidgetTarget {
  publicId: string;
  tenantId: string;
  tenantName: string;
  /** The widget is on and its tenant active (not suspended, not scheduled for deletion). */
  available: boolean;
  paused: boolean;
  color: string;
  greeting: string;
  logoUrl: string | null;
  allowedOrigins: string[];
  /** Raw tenant settings (parsed where used: time zone and working hours). */
  tenantSettings: unknown;
}

// On globalThis: Next bundles route handlers and server actions apart, each with its own copy of
// this module, and a change saved in settings must reach the copy the widget's API reads.
const globalForWidgets = globalThis as unknown as { caseboardWidgetCache?: Map<string, { at: number; target: WidgetTarget | null }> };
const cache = (globalForWidgets.caseboardWidgetCache ??= new Map());

export async function findWidget(publicId: string, now = Date.now()): Promise<WidgetTarget | null> {
  const hit = cache.get(publicId);
  if (hit && now - hit.at < WIDGET_CACHE_MS) return hit.target;
  const row = await withPrivilegedDb("chat widget by public id", (db) =>
    db.chatWidget.findUnique({
      where: { publicId },
      select: {
        publicId: true,
        tenantId: true,
        enabled: true,
        color: true,
        greeting: true,
        allowedOrigins: true,
        logoUpdatedAt: true,
        tenant: { select: { name: true, status: true, deletionScheduledFor: true, settings: true } },
      },
    }),
  );
  const target: WidgetTarget | null = row && {
    publicId: row.publicId,
    tenantId: row.tenantId,
    tenantName: row.tenant.name,
    available: row.enabled && row.tenant.status === "ACTIVE" && row.tenant.deletionScheduledFor === null,
    paused: !row.enabled,
    color: row.color,
    greeting: row.greeting,
    logoUrl: widgetLogoUrl(row.publicId, row.logoUpdatedAt),
    allowedOrigins: row.allowedOrigins,
    tenantSettings: row.tenant.settings,
  };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(publicId, { at: now, target });
  return target;
}

/** Drops this instance's copy (after the tenant's admins changed the widget). */
export function forgetWidget(publicId: string): void {
  cache.delete(publicId);
}
