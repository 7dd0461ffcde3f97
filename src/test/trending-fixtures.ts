// Cases for trending topics: a steady month (the same words every day, so nothing of it surges)
// and a planted surge in the last hours. Written directly (privileged), with their times set.
import { withPrivilegedDb } from "@/server/db/privileged-db";
import type { CaseChannel } from "@/server/db/generated/enums";
import type { TestTenant } from "./factories";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What every day of the month says, and the last day too. */
export const STEADY_TITLES = ["Password reset link not working", "Invoice missing from account", "Password reset email never arrived"];

export interface PlantedCase {
  title: string;
  description?: string;
  channel?: CaseChannel;
  businessUnit?: string | null;
  hoursAgo: number;
}

export async function seedCases(tenant: TestTenant, rows: readonly (PlantedCase & { createdAt?: Date })[], now = new Date()): Promise<string[]> {
  const made = await withPrivilegedDb("test fixture", (db) =>
    db.case.createManyAndReturn({
      data: rows.map((r) => ({
        tenantId: tenant.id,
        title: r.title,
        description: r.description ?? "",
        channel: r.channel ?? "EMAIL",
        businessUnit: r.businessUnit ?? null,
        createdAt: r.createdAt ?? new Date(now.getTime() - r.hoursAgo * HOUR),
      })),
      select: { id: true },
    }),
  );
  return made.map((c) => c.id);
}

/** Each of the 28 days before yesterday, and the last day, has the steady titles twice each. */
export async function seedSteadyMonth(tenant: TestTenant, now = new Date()): Promise<void> {
  const rows: (PlantedCase & { createdAt: Date })[] = [];
  for (let day = 0; day <= 30; day++) {
    for (const [i, title] of STEADY_TITLES.entries()) {
      for (const copy of [0, 1]) rows.push({ title, hoursAgo: 0, createdAt: new Date(now.getTime() - day * DAY - (i * 3 + copy + 1) * HOUR) });
    }
  }
  await seedCases(tenant, rows, now);
}

/** `n` cases about a jammed printer in the last `hours` hours, with varied wording. */
export function printerSurge(n: number, hours = 6): PlantedCase[] {
  const titles = ["Printer jammed again", "The printer jammed on floor 3", "printer jammed, contact bob@example.com", "Printer jammed – order 48213"];
  return Array.from({ length: n }, (_, i) => ({
    title: titles[i % titles.length]!,
    description: i % 2 === 0 ? "Paper stuck in tray 2 since 09:14" : "",
    channel: i % 3 === 0 ? "CHAT" : "EMAIL",
    businessUnit: i % 2 === 0 ? "Facilities" : null,
    // Spread over the hours before now (none at now itself: the window ends before it).
    hoursAgo: 0.05 + ((i * hours) / n) % hours,
  }));
}

/** A customer's message on a case, sent `hoursAgo`. */
export async function seedCustomerMessage(tenant: TestTenant, caseId: string, body: string, hoursAgo: number, now = new Date()): Promise<void> {
  await withPrivilegedDb("test fixture", (db) =>
    db.caseMessage.create({
      data: { tenantId: tenant.id, caseId, kind: "PUBLIC_REPLY", authorType: "CUSTOMER", body, createdAt: new Date(now.getTime() - hoursAgo * HOUR) },
    }),
  );
}
