// Sets a test tenant's AI settings directly (a patch over the stored ones), as an admin would in
// Settings → AI, without going through the settings form.
import type { Prisma } from "@/server/db/generated/client";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import type { TestTenant } from "./factories";

export function setAiSettings(tenant: TestTenant, ai: Record<string, unknown>): Promise<void> {
  return patchSettingsGroup(tenant, "ai", ai);
}

/** A patch over one group of the stored settings (`ai`, `trending`). */
export function patchSettingsGroup(tenant: TestTenant, group: string, patch: Record<string, unknown>): Promise<void> {
  return withPrivilegedDb("test fixture", async (db) => {
    const row = await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { settings: true } });
    const settings = row.settings as Record<string, unknown>;
    const next = { ...settings, [group]: { ...(settings[group] as object), ...patch } };
    await db.tenant.update({ where: { id: tenant.id }, data: { settings: next as Prisma.InputJsonValue } });
  });
}

/**
 * Deletes AI jobs other test files left waiting (a case created while their stand-in model was
 * configured): a test that runs the AI job types must find only its own, or another file's job
 * takes its scripted answer.
 */
export function clearWaitingAiJobs(): Promise<unknown> {
  return withPrivilegedDb("test fixture", (db) => db.job.deleteMany({ where: { type: { startsWith: "ai." }, status: { in: ["PENDING", "FAILED"] } } }));
}
