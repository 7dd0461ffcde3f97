// Loads the demo tenants on first start (and on `npm run db:seed`). Idempotent: it does nothing
// once a demo tenant exists.
import type { Database } from "@/server/db/connection";
import { privilegedTransaction } from "@/server/db/privileged-db";
import { hashApiKey } from "@/server/auth/api-keys";
import { hashPassword } from "@/server/auth/password";
import { tenantSettingsSchema } from "@/lib/validations/tenant-settings";
import { CASE_CHANNELS, CASE_PRIORITIES } from "@/lib/validations/case";
import { logger } from "@/server/logger";
import { CASE_SUBJECTS, CASE_TAGS, DEMO_PASSWORD, DEMO_TENANTS } from "./demo-data";

/** A small deterministic PRNG, so every machine gets the same demo data. */
export function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUS_WEIGHTS = [
  ["NEW", 0.2],
  ["OPEN", 0.3],
  ["PENDING", 0.12],
  ["SNOOZED", 0.05],
  ["RESOLVED", 0.2],
  ["CLOSED", 0.13],
] as const;

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function weighted<T>(rand: () => number, items: readonly (readonly [T, number])[]): T {
  let r = rand();
  for (const [item, weight] of items) {
    if ((r -= weight) <= 0) return item;
  }
  return items.at(-1)![0];
}

export async function seedDemoIfEmpty(db: Database, options: { casesPerTenant?: number } = {}): Promise<boolean> {
  const casesPerTenant = options.casesPerTenant ?? 60;
  const started = Date.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await privilegedTransaction(db.prisma, async (tx) => {
    if (await tx.tenant.findFirst({ where: { slug: { in: DEMO_TENANTS.map((t) => t.slug) } }, select: { id: true } })) {
      return false;
    }
    const rand = mulberry32(42);
    const now = Date.now();
    for (const demo of DEMO_TENANTS) {
      const tenant = await tx.tenant.create({
        data: {
          name: demo.name,
          slug: demo.slug,
          settings: tenantSettingsSchema.parse({
            timeZone: "Europe/Amsterdam",
            businessUnits: ["Consumer", "Business"],
          }),
        },
      });
      const userIds: string[] = [];
      for (const u of demo.users) {
        const user = await tx.user.upsert({
          where: { email: u.email },
          create: { email: u.email, name: u.name, passwordHash },
          update: {},
        });
        await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: u.role } });
        userIds.push(user.id);
      }
      const ownerId = userIds[0]!;
      await tx.apiKey.create({
        data: {
          tenantId: tenant.id,
          name: "Demo script key",
          prefix: demo.apiKey.split("_")[1]!,
          hash: hashApiKey(demo.apiKey),
          role: "AGENT",
          createdById: ownerId,
        },
      });
      const agents = userIds.slice(0, -1);
      const rows = Array.from({ length: casesPerTenant }, (_, i) => {
        const createdAt = new Date(now - (casesPerTenant - i) * ((60 * 86_400_000) / casesPerTenant) - Math.floor(rand() * 3_600_000));
        const status = weighted(rand, STATUS_WEIGHTS);
        return {
          tenantId: tenant.id,
          title: pick(rand, CASE_SUBJECTS),
          description: "Customer wrote in about this. Details are in the first message.",
          channel: pick(rand, CASE_CHANNELS),
          priority: weighted(rand, [["LOW", 0.2], ["NORMAL", 0.5], ["HIGH", 0.22], ["URGENT", 0.08]] as const) ?? pick(rand, CASE_PRIORITIES),
          status,
          tags: rand() < 0.6 ? [pick(rand, CASE_TAGS)] : [],
          assigneeId: status === "NEW" && rand() < 0.7 ? null : pick(rand, agents),
          createdById: ownerId,
          createdAt,
          updatedAt: new Date(Math.min(now, createdAt.getTime() + Math.floor(rand() * 3 * 86_400_000))),
        };
      });
      await tx.case.createMany({ data: rows });
    }
    return true;
  });
  if (seeded) logger.info({ ms: Date.now() - started }, "demo data seeded");
  return seeded;
}
