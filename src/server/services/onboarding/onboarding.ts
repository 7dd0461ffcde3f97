// A new organisation's first steps, each judged from what the tenant has actually done (so the
// checklist is never out of step with the data): a colleague invited or joined, an import that
// succeeded, working hours and SLA settings saved once, a first case. Dismissing it is the
// tenant's choice, kept on the tenant; once every step is done it is not shown either.
import { z } from "zod";
import { recordAudit } from "@/server/audit";
import type { TenantDb } from "@/server/db/tenant-db";

export const ONBOARDING_STEPS = ["invite_team", "import_data", "working_hours", "first_case"] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

export const onboardingOutput = z.object({
  steps: z.array(z.object({ key: z.enum(ONBOARDING_STEPS), done: z.boolean() })),
  /** All steps done. */
  complete: z.boolean(),
  dismissedAt: z.date().nullable(),
});
export type Onboarding = z.infer<typeof onboardingOutput>;

export async function onboardingProgress(db: TenantDb): Promise<Onboarding> {
  // Each reads one row at most (RLS keeps it to the tenant): cheap enough for every overview.
  const [tenant, invitation, succeededImport, settingsSaved, anyCase] = await Promise.all([
    db.tenant.findFirstOrThrow({ select: { onboardingDismissedAt: true, _count: { select: { memberships: true } } } }),
    db.invitation.findFirst({ select: { id: true } }),
    db.import.findFirst({ where: { status: "SUCCEEDED" }, select: { id: true } }),
    db.auditEvent.findFirst({ where: { action: "tenant.settings_updated" }, select: { id: true } }),
    db.case.findFirst({ select: { id: true } }),
  ]);
  const done: Record<OnboardingStep, boolean> = {
    invite_team: tenant._count.memberships > 1 || invitation !== null,
    import_data: succeededImport !== null,
    working_hours: settingsSaved !== null,
    first_case: anyCase !== null,
  };
  const steps = ONBOARDING_STEPS.map((key) => ({ key, done: done[key] }));
  return { steps, complete: steps.every((s) => s.done), dismissedAt: tenant.onboardingDismissedAt };
}

/** Hides the checklist for every member of the tenant; returns when it was dismissed. */
export async function dismissOnboarding(db: TenantDb, tenantId: string, now: Date): Promise<Date> {
  const { count } = await db.tenant.updateMany({ where: { id: tenantId, onboardingDismissedAt: null }, data: { onboardingDismissedAt: now } });
  if (count) await recordAudit(db, { action: "tenant.onboarding_dismissed", targetType: "tenant", targetId: tenantId });
  const tenant = await db.tenant.findFirstOrThrow({ select: { onboardingDismissedAt: true } });
  return tenant.onboardingDismissedAt ?? now;
}
