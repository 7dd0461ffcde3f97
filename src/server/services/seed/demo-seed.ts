// Loads the demo tenants on first start (and on `npm run db:seed`). Idempotent: it does nothing
// once a demo tenant exists.
import type { Database } from "@/server/db/connection";
import { privilegedTransaction } from "@/server/db/privileged-db";
import { hashApiKey } from "@/server/auth/api-keys";
import { hashPassword } from "@/server/auth/password";
import { tenantSettingsSchema, type TenantSettings } from "@/lib/validations/tenant-settings";
import { emailBlindIndex } from "@/server/crypto";
import type { Prisma } from "@/server/db/generated/client";
import { computeSlaDue } from "@/server/services/cases/sla";
import { encryptPii } from "@/server/services/customers/pii";
import { CASE_CHANNELS, CASE_PRIORITIES } from "@/lib/validations/case";
import { logger } from "@/server/logger";
import { arrivalTimes } from "./arrival-times";
import { rebuildSearchTerms } from "@/server/services/search/search-terms";
import { seedCannedResponses } from "./demo-canned";
import { seedMacros } from "./demo-macros";
import { seedFeed } from "./demo-feed";
import {
  AGENT_REPLIES,
  CASE_SUBJECTS,
  SUBJECT_FILING,
  CASE_TAGS,
  CLOSING_REPLIES,
  COMPANIES,
  CUSTOMER_OPENERS,
  DEMO_PASSWORD,
  DEMO_TENANTS,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  INCIDENT_SUBJECTS,
  INTERNAL_NOTES,
  LAST_NAMES,
} from "./demo-data";

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

/** Older than a week: mostly done. */
const OLD_STATUS_WEIGHTS = [
  ["NEW", 0.02],
  ["OPEN", 0.06],
  ["PENDING", 0.04],
  ["SNOOZED", 0.02],
  ["RESOLVED", 0.36],
  ["CLOSED", 0.5],
] as const;

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

/**
 * Category and business unit: mostly as such a subject is usually filed, one in six chosen at
 * random as people sometimes do (two draws either way, so the draws after them are unchanged).
 */
function filingOf(rand: () => number, title: string, settings: { caseCategories: string[]; businessUnits: string[] }) {
  const usual = SUBJECT_FILING[title];
  const [r1, r2] = [rand(), rand()];
  const chosen = (r: number, list: string[], usualValue: string | undefined) =>
    usualValue && list.includes(usualValue) && r < 5 / 6 ? usualValue : list[Math.floor(r * list.length)]!;
  return {
    category: chosen(r1, settings.caseCategories, usual?.category),
    businessUnit: settings.businessUnits.length ? chosen(r2, settings.businessUnits, usual?.businessUnit) : null,
  };
}

function weighted<T>(rand: () => number, items: readonly (readonly [T, number])[]): T {
  let r = rand();
  for (const [item, weight] of items) {
    if ((r -= weight) <= 0) return item;
  }
  return items.at(-1)![0];
}

export async function seedDemoIfEmpty(db: Database, options: { casesPerTenant?: number; customersPerTenant?: number } = {}): Promise<boolean> {
  const casesPerTenant = options.casesPerTenant ?? 300;
  const customersPerTenant = options.customersPerTenant ?? 40;
  const started = Date.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await privilegedTransaction(db.prisma, async (tx) => {
    if (await tx.tenant.findFirst({ where: { slug: { in: DEMO_TENANTS.map((t) => t.slug) } }, select: { id: true } })) {
      return false;
    }
    const rand = mulberry32(42);
    const now = Date.now();
    for (const demo of DEMO_TENANTS) {
      const settings = tenantSettingsSchema.parse({
        timeZone: "Europe/Amsterdam",
        businessUnits: ["Consumer", "Business"],
      });
      const tenant = await tx.tenant.create({ data: { name: demo.name, slug: demo.slug, settings } });
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
      const teamIds = await seedTeams(tx, tenant.id, userIds, demo.users);
      await seedAlerts(tx, tenant.id, agents, now);
      await seedFeed(tx, tenant.id, ownerId, now);
      const agentId = userIds[demo.users.findIndex((u) => u.role === "AGENT")] ?? ownerId;
      await seedCannedResponses(tx, tenant.id, ownerId, agentId);
      await seedMacros(tx, tenant.id, { ownerId, agentId, billingTeamId: teamIds.get("Billing") ?? null });
      // A chat widget with a fixed id, so the embed snippet in the README works on a fresh start.
      await tx.chatWidget.create({ data: { tenantId: tenant.id, publicId: demoWidgetId(demo.slug), greeting: `Hi! This is ${demo.name}. How can we help?` } });
      const customers = await seedCustomers(tx, tenant.id, customersPerTenant, rand);
      await seedCases(tx, { tenantId: tenant.id, ownerId, agents, customers, settings, count: casesPerTenant, now, rand });
      // The vocabulary typos are corrected against, without waiting for the hourly job.
      await rebuildSearchTerms(tx, tenant.id);
    }
    return true;
  });
  if (seeded) logger.info({ ms: Date.now() - started }, "demo data seeded");
  return seeded;
}

/** The demo tenant's widget id: `w_<slug>_demo_widget`, padded to the id's minimum length. */
export const demoWidgetId = (slug: string) => `w_${slug}_demo_widget`.padEnd(18, "0");

type SeedTx = Parameters<Parameters<typeof privilegedTransaction>[1]>[0];

/**
 * A few alerts in each state, so the alerts page and its badge show what they are for: one
 * critical from monitoring still active, one acknowledged, one resolved with its note, one info.
 */
async function seedAlerts(tx: SeedTx, tenantId: string, agents: string[], now: number) {
  const minutes = (m: number) => new Date(now - m * 60_000);
  const [first, second] = agents;
  await tx.alert.createMany({
    data: [
      {
        tenantId,
        title: "Checkout error rate above 5 %",
        description: "HTTP 5xx on /api/checkout above 5 % for 10 minutes.",
        severity: "CRITICAL",
        source: "ALERTMANAGER",
        dedupeKey: "alertmanager:demo-checkout-5xx",
        labels: { alertname: "CheckoutErrors", service: "checkout", severity: "critical" },
        occurrences: 3,
        firstFiredAt: minutes(45),
        lastFiredAt: minutes(4),
        firings: [minutes(45), minutes(22), minutes(4)],
      },
      {
        tenantId,
        title: "Refund requests above the usual for this hour",
        description: "18 refund cases in the last hour; usually 4.",
        severity: "WARNING",
        businessUnit: "Consumer",
        source: "API",
        status: "ACKNOWLEDGED",
        acknowledgedById: first ?? null,
        acknowledgedAt: minutes(20),
        firstFiredAt: minutes(35),
        lastFiredAt: minutes(35),
        firings: [minutes(35)],
      },
      {
        tenantId,
        title: "Email channel delayed",
        description: "Inbound mail arriving 12 minutes late.",
        severity: "WARNING",
        source: "API",
        status: "RESOLVED",
        resolvedById: second ?? first ?? null,
        resolvedAt: minutes(60 * 5),
        resolutionNote: "The mail provider's incident is over; the backlog was delivered.",
        firstFiredAt: minutes(60 * 7),
        lastFiredAt: minutes(60 * 6),
        occurrences: 2,
        firings: [minutes(60 * 7), minutes(60 * 6)],
      },
      {
        tenantId,
        title: "Nightly CRM sync finished with 3 rejected rows",
        severity: "INFO",
        businessUnit: "Business",
        source: "SYSTEM",
        firstFiredAt: minutes(60 * 9),
        lastFiredAt: minutes(60 * 9),
        firings: [minutes(60 * 9)],
      },
    ],
  });
}

/**
 * Two teams of the tenant's agents, so sharing, team assignment and "My teams" have something to
 * show. No default channel and no round-robin: new cases behave as without teams until an admin
 * opts in.
 */
async function seedTeams(tx: SeedTx, tenantId: string, userIds: string[], users: readonly { role: string }[]): Promise<Map<string, string>> {
  const workers = userIds.filter((_, i) => users[i]!.role !== "VIEWER");
  const agents = userIds.filter((_, i) => users[i]!.role === "AGENT");
  const teams = [
    { name: "Front line", description: "First replies on every channel", members: agents },
    { name: "Billing", description: "Invoices, refunds and payment questions", members: workers.slice(-1) },
  ];
  const ids = new Map<string, string>();
  for (const t of teams) {
    const team = await tx.team.create({ data: { tenantId, name: t.name, description: t.description }, select: { id: true } });
    await tx.teamMember.createMany({ data: t.members.map((userId) => ({ tenantId, teamId: team.id, userId })) });
    ids.set(t.name, team.id);
  }
  return ids;
}

function customerDates(i: number): { createdAt: Date; updatedAt: Date } {
  const agoDays = 1 + ((i * 37) % 120);
  const createdAt = new Date(Date.now() - agoDays * 86_400_000 - ((i * 7919) % 86_400) * 1000);
  return { createdAt, updatedAt: new Date(createdAt.getTime() + ((i * 13) % agoDays) * 86_400_000) };
}

async function seedCustomers(tx: SeedTx, tenantId: string, count: number, rand: () => number) {
  const used = new Set<string>();
  const rows = Array.from({ length: count }, (_, i) => {
    const first = pick(rand, FIRST_NAMES);
    const last = pick(rand, LAST_NAMES);
    let email = `${first}.${last}`.toLowerCase().normalize("NFKD").replace(/[^a-z.]/g, "") + `@${pick(rand, EMAIL_DOMAINS)}`;
    if (used.has(email)) email = email.replace("@", `${i}@`);
    used.add(email);
    const phone = rand() < 0.7 ? `+31 6 ${String(Math.floor(rand() * 1e4)).padStart(4, "0")} ${String(Math.floor(rand() * 1e4)).padStart(4, "0")}` : null;
    return {
      tenantId,
      name: `${first} ${last}`,
      emailCiphertext: encryptPii(tenantId, "email", email),
      emailBlindIndex: emailBlindIndex(tenantId, email),
      phoneCiphertext: encryptPii(tenantId, "phone", phone),
      company: pick(rand, COMPANIES),
      externalId: rand() < 0.5 ? `CRM-${10_000 + i}` : null,
      attributes: rand() < 0.4 ? { plan: pick(rand, ["free", "pro", "enterprise"]), language: pick(rand, ["en", "nl", "de"]) } : {},
      // Customers came over the last months and were edited since; spread without drawing from
      // rand, so the cases generated after them stay the same.
      ...customerDates(i),
    };
  });
  return tx.customer.createManyAndReturn({ data: rows, select: { id: true } });
}

const HOUR = 3_600_000;

interface SeedCasesOptions {
  tenantId: string;
  ownerId: string;
  agents: string[];
  customers: { id: string }[];
  settings: TenantSettings;
  count: number;
  now: number;
  rand: () => number;
}

/** `at`, or halfway from `from` to `now` when `at` would be in the future. */
function within(at: number, from: number, now: number): Date {
  return new Date(at <= now ? at : from + Math.floor((now - from) / 2));
}

/** Cases over the last 60 days, older ones mostly done, each with a short conversation and its events. */
async function seedCases(tx: SeedTx, o: SeedCasesOptions) {
  const { rand, now } = o;
  const arrivals = arrivalTimes({ count: o.count, now, rand });
  const plans = arrivals.map((createdAt, i) => {
    const ageDays = (now - createdAt.getTime()) / 86_400_000;
    // The last day and a half had an incident, so Insights → Trending topics has something to show
    // (the demo template may be most of a day old when it is opened). Chosen without drawing from
    // rand, so every other case of the demo stays as it was.
    const incident = ageDays < 1.5 ? INCIDENT_SUBJECTS[i % INCIDENT_SUBJECTS.length] : null;
    // Recent cases are still being worked; older ones are mostly resolved or closed.
    const status = ageDays < 7 ? weighted(rand, STATUS_WEIGHTS) : weighted(rand, OLD_STATUS_WEIGHTS);
    const priority = weighted(rand, [["LOW", 0.2], ["NORMAL", 0.5], ["HIGH", 0.22], ["URGENT", 0.08]] as const) ?? pick(rand, CASE_PRIORITIES);
    const due = computeSlaDue(createdAt, priority, o.settings);
    // Within ten hours of arrival, but never in the future: a case that arrived minutes ago was answered minutes ago.
    const responded = status === "NEW" ? null : within(createdAt.getTime() + Math.floor(rand() * 10 * HOUR) + 5 * 60_000, createdAt.getTime(), now);
    const resolvedAt =
      status === "RESOLVED" || status === "CLOSED" ? new Date(Math.min(now, (responded ?? createdAt).getTime() + Math.floor(rand() * 72 * HOUR))) : null;
    const closedAt = status === "CLOSED" ? new Date(Math.min(now, resolvedAt!.getTime() + 2 * 86_400_000)) : null;
    const lastTouch = Math.max(createdAt.getTime(), responded?.getTime() ?? 0, resolvedAt?.getTime() ?? 0, closedAt?.getTime() ?? 0);
    // Drawn where the title always was (first in the row), so the draws after it are unchanged.
    const subject = pick(rand, CASE_SUBJECTS);
    return {
      row: {
        tenantId: o.tenantId,
        title: incident ?? subject,
        description: "Customer wrote in about this. Details are in the first message.",
        channel: pick(rand, CASE_CHANNELS),
        priority,
        status,
        tags: rand() < 0.6 ? [pick(rand, CASE_TAGS)] : [],
        assigneeId: status === "NEW" && rand() < 0.7 ? null : pick(rand, o.agents),
        createdById: o.ownerId,
        customerId: rand() < 0.92 ? pick(rand, o.customers).id : null,
        ...filingOf(rand, incident ?? subject, o.settings),
        snoozedUntil: status === "SNOOZED" ? new Date(now + (1 + Math.floor(rand() * 72)) * HOUR) : null,
        ...due,
        firstRespondedAt: responded,
        resolvedAt: status === "RESOLVED" || status === "CLOSED" ? resolvedAt : null,
        closedAt,
        createdAt,
        updatedAt: new Date(Math.min(now, lastTouch + Math.floor(rand() * HOUR))),
      },
      note: rand() < 0.3 ? pick(rand, INTERNAL_NOTES) : null,
    };
  });
  const cases = await tx.case.createManyAndReturn({ data: plans.map((p) => p.row), select: { id: true } });
  const messages: Prisma.CaseMessageCreateManyInput[] = [];
  const events: Prisma.CaseEventCreateManyInput[] = [];
  cases.forEach(({ id }, i) => {
    const { row, note } = plans[i]!;
    const base = { tenantId: o.tenantId, caseId: id };
    const agent = row.assigneeId ?? pick(rand, o.agents);
    const byAgent = { actorType: "user", actorId: agent };
    events.push({ ...base, type: "created", actorType: "system", actorId: "system", to: { status: "NEW", priority: row.priority }, createdAt: row.createdAt });
    messages.push({
      ...base,
      kind: "PUBLIC_REPLY",
      authorType: row.customerId ? "CUSTOMER" : "SYSTEM",
      authorId: row.customerId,
      body: `${pick(rand, CUSTOMER_OPENERS)}\n\n${row.title}.`,
      createdAt: within(row.createdAt.getTime() + 1000, row.createdAt.getTime(), now),
    });
    if (row.assigneeId) events.push({ ...base, ...byAgent, type: "assignee_changed", to: row.assigneeId, createdAt: within(row.createdAt.getTime() + 60_000, row.createdAt.getTime(), now) });
    if (row.firstRespondedAt) {
      messages.push({ ...base, kind: "PUBLIC_REPLY", authorType: "MEMBER", authorId: agent, body: pick(rand, AGENT_REPLIES), createdAt: row.firstRespondedAt });
      events.push({ ...base, ...byAgent, type: "status_changed", from: "NEW", to: { status: "OPEN" }, createdAt: row.firstRespondedAt });
    }
    if (note && row.firstRespondedAt) {
      messages.push({ ...base, kind: "INTERNAL_NOTE", authorType: "MEMBER", authorId: agent, body: note, createdAt: within(row.firstRespondedAt.getTime() + 30 * 60_000, row.firstRespondedAt.getTime(), now) });
    }
    if (row.status === "PENDING" || row.status === "SNOOZED") {
      const at = within((row.firstRespondedAt ?? row.createdAt).getTime() + HOUR, (row.firstRespondedAt ?? row.createdAt).getTime(), now);
      events.push({ ...base, ...byAgent, type: "status_changed", from: "OPEN", to: { status: row.status, ...(row.snoozedUntil ? { until: row.snoozedUntil.toISOString() } : {}) }, createdAt: at });
    }
    if (row.resolvedAt) {
      messages.push({ ...base, kind: "PUBLIC_REPLY", authorType: "MEMBER", authorId: agent, body: pick(rand, CLOSING_REPLIES), createdAt: row.resolvedAt });
      const resolutionMs = row.resolvedAt.getTime() - row.createdAt.getTime();
      events.push({ ...base, ...byAgent, type: "status_changed", from: "OPEN", to: { status: "RESOLVED", resolutionMs }, createdAt: row.resolvedAt });
    }
    if (row.closedAt) events.push({ ...base, actorType: "system", actorId: "system", type: "status_changed", from: "RESOLVED", to: { status: "CLOSED" }, createdAt: row.closedAt });
  });
  await tx.caseMessage.createMany({ data: messages });
  await tx.caseEvent.createMany({ data: events });
}
