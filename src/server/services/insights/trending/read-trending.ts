// The trending page and a topic's page read the tenant's newest run. A topic not in it (the feed's
// link is a day old, or the term was never the tenant's) is NOT_FOUND, and the page says it no
// longer trends.
import { z } from "zod";
import { text } from "@/lib/validations/text";
import type { TenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";

const runOutput = z.object({
  id: z.uuid(),
  computedAt: z.date(),
  windowStart: z.date(),
  windowEnd: z.date(),
  /** Cases with text in the window. */
  cases: z.number(),
  candidates: z.number(),
  durationMs: z.number(),
});

const topicOutput = z.object({
  rank: z.number(),
  /** Stemmed words: the topic's key in URLs. */
  term: z.string(),
  label: z.string(),
  /** Other surging words and phrases in mostly the same cases. */
  related: z.array(z.string()),
  cases: z.number(),
  /** Mean cases per day over the 28 days before. */
  baseline: z.number(),
  score: z.number(),
  growth: z.number(),
  /** Cases per hour of the window, oldest first. */
  hourly: z.array(z.number()),
  channels: z.record(z.string(), z.number()),
  /** "" is cases without a business unit. */
  businessUnits: z.record(z.string(), z.number()),
});

export const trendingListOutput = z.object({ run: runOutput.nullable(), topics: z.array(topicOutput) });

export const trendingTopicInput = z.object({ term: text().trim().min(1).max(100) });

const sampleCase = z.object({
  id: z.uuid(),
  number: z.number(),
  title: z.string(),
  status: z.string(),
  channel: z.string(),
  createdAt: z.date(),
});

export const trendingTopicOutput = z.object({
  run: runOutput,
  topic: topicOutput.extend({ samples: z.array(sampleCase) }),
});

const runSelect = { id: true, createdAt: true, windowStart: true, windowEnd: true, cases: true, candidates: true, durationMs: true } as const;
const topicSelect = {
  rank: true,
  term: true,
  label: true,
  related: true,
  cases: true,
  baseline: true,
  score: true,
  growth: true,
  hourly: true,
  channels: true,
  businessUnits: true,
} as const;

const counts = (value: unknown): Record<string, number> =>
  Object.fromEntries(Object.entries((value ?? {}) as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === "number"));

function runView(run: { id: string; createdAt: Date; windowStart: Date; windowEnd: Date; cases: number; candidates: number; durationMs: number }) {
  const { createdAt, ...rest } = run;
  return { ...rest, computedAt: createdAt };
}

export async function listTrending(db: TenantDb): Promise<z.output<typeof trendingListOutput>> {
  const run = await db.trendingRun.findFirst({
    orderBy: { createdAt: "desc" },
    select: { ...runSelect, topics: { select: topicSelect, orderBy: { rank: "asc" } } },
  });
  if (!run) return { run: null, topics: [] };
  const { topics, ...rest } = run;
  return { run: runView(rest), topics: topics.map((t) => ({ ...t, channels: counts(t.channels), businessUnits: counts(t.businessUnits) })) };
}

export async function getTrendingTopic(db: TenantDb, term: string): Promise<z.output<typeof trendingTopicOutput>> {
  const run = await db.trendingRun.findFirst({ orderBy: { createdAt: "desc" }, select: runSelect });
  const topic = run && (await db.trendingTopic.findFirst({ where: { runId: run.id, term }, select: { ...topicSelect, sampleCaseIds: true } }));
  if (!run || !topic) throw notFound("Trending topic");
  const cases = await db.case.findMany({
    where: { id: { in: topic.sampleCaseIds } },
    select: { id: true, number: true, title: true, status: true, channel: true, createdAt: true },
  });
  // In the run's order (most relevant first); a case deleted since is left out.
  const byId = new Map(cases.map((c) => [c.id, c]));
  const { sampleCaseIds, ...rest } = topic;
  return {
    run: runView(run),
    topic: {
      ...rest,
      channels: counts(rest.channels),
      businessUnits: counts(rest.businessUnits),
      samples: sampleCaseIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    },
  };
}
