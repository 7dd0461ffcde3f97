// Planted training data for the learned triage model's tests: resolved cases whose words say
// their category (three topics with words of their own among shared noise), in a fixed random order.
import type { Prisma } from "@/server/db/generated/client";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import type { TestTenant } from "@/test/factories";

export const TOPICS = {
  Billing: ["invoice", "refund", "charge", "payment", "card", "billing", "receipt"],
  Access: ["password", "login", "locked", "reset", "account", "sign", "verification"],
  Hardware: ["printer", "toner", "screen", "keyboard", "cable", "monitor", "jammed"],
} as const;
const NOISE = ["please", "help", "today", "again", "customer", "office", "morning", "team"];

let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

/** A text about `topic`: three of its words among noise, so no two cases read alike. */
export function textAbout(topic: keyof typeof TOPICS): string {
  return [pick(NOISE), pick(TOPICS[topic]), pick(NOISE), pick(TOPICS[topic]), pick(TOPICS[topic]), pick(NOISE)].join(" ");
}

export async function setSettings(tenant: TestTenant, patch: Record<string, unknown>) {
  await withPrivilegedDb("test fixture", async (db) => {
    const row = await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { settings: true } });
    await db.tenant.update({ where: { id: tenant.id }, data: { settings: { ...(row.settings as object), ...patch } as Prisma.InputJsonValue } });
  });
}

/** `n` resolved cases per topic, category = topic, business unit by topic, urgent when it is about access. */
export async function plantResolvedCases(tenant: TestTenant, n: number, label: (topic: keyof typeof TOPICS) => string = (t) => t) {
  const topics = Object.keys(TOPICS) as (keyof typeof TOPICS)[];
  await withTenantDb(tenant.id, (db) =>
    db.case.createMany({
      data: topics.flatMap((topic) =>
        Array.from({ length: n }, () => ({
          tenantId: tenant.id,
          title: textAbout(topic),
          description: textAbout(topic),
          category: label(topic),
          businessUnit: topic === "Hardware" ? "Field" : "Office",
          priority: topic === "Access" ? ("URGENT" as const) : ("NORMAL" as const),
          status: "RESOLVED" as const,
          resolvedAt: new Date(),
        })),
      ),
    }),
  );
}

