// One computation of a tenant's trending topics (the hourly job and "recompute now"): count the
// baseline days not counted yet (a tenant's first run has 28: in one statement when they hold few
// documents, else each in a transaction of its own), then in one transaction count the last 24
// hours, score, group and describe the topics, store them as the tenant's newest run and tell
// people of the big ones, so a run is stored whole or not at all.
import { topicPath, usualText } from "@/lib/trending-words";
import { parseTenantSettings } from "@/lib/validations/tenant-settings";
import { ALERT_RELATED_CASES_MAX } from "@/lib/validations/alert";
import type { TenantDb, WithTenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { fireAlerts } from "@/server/services/alerts/fire-alert";
import { postSystemItem } from "@/server/services/feed/feed-events";
import { baselineRange, countDays, countWindow, documentsIn, missingDays, ONE_STATEMENT_DOCUMENTS, pruneDays } from "./baseline-days";
import { groupTopics, pickCandidates, type Topic } from "./score";
import { similarity } from "./term-sketches";
import { topicDetails, WINDOW_HOURS } from "./topic-details";
import { topicLabels } from "./topic-labels";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Runs are kept two days: the page reads the newest, the alerts compare with the one before. */
const KEEP_RUNS_MS = 48 * HOUR;

export interface TrendingComputed {
  runId: string;
  topics: number;
  cases: number;
  candidates: number;
  countedDays: number;
  durationMs: number;
}

/** Runs `fn` in a transaction of the tenant (a job's `withDb`, or `withTenantDb` bound to it). */

export async function computeTrending(withDb: WithTenantDb, now = new Date()): Promise<TrendingComputed> {
  const started = performance.now();
  const window = { lo: new Date(now.getTime() - WINDOW_HOURS * HOUR), hi: now };
  const range = baselineRange(window.lo);
  const { missing, language } = await withDb(async (db) => ({ missing: await missingDays(db, range), language: (await loadSettings(db)).textLanguage }));
  if (missing.length > 0) {
    const span = { lo: missing[0]!, hi: new Date(missing.at(-1)!.getTime() + DAY) };
    const documents = await withDb((db) => documentsIn(db, requireTenantId(), span.lo, span.hi));
    if (documents <= ONE_STATEMENT_DOCUMENTS) await withDb((db) => countDays(db, requireTenantId(), missing, language));
    else for (const day of missing) await withDb((db) => countDays(db, requireTenantId(), [day], language));
  }
  return withDb((db) => storeRun(db, window, range, missing.length, now, started));
}

const loadSettings = async (db: TenantDb) => parseTenantSettings((await db.tenant.findFirstOrThrow({ select: { settings: true } })).settings);

async function storeRun(
  db: TenantDb,
  window: { lo: Date; hi: Date },
  range: { from: Date; to: Date },
  countedDays: number,
  now: Date,
  started: number,
): Promise<TrendingComputed> {
  const tenantId = requireTenantId();
  // Read again in this transaction: the language the days were counted in may have changed since.
  const { trending: settings, textLanguage: language } = await loadSettings(db);
  await pruneDays(db, range);
  const counts = await countWindow(db, tenantId, window, range, { minCases: settings.minCases, language });
  const candidates = pickCandidates(counts.terms, counts.activeDays);
  // Every candidate's details at once (the window's text read once more, not once per step);
  // grouping compares their sketches and keeps the topics' details.
  const details = await topicDetails(db, tenantId, window, candidates.map((t) => t.term), language);
  const picked = groupTopics(candidates, (a, b) => similarity(details.get(a)!.sketch, details.get(b)!.sketch));
  const described = picked.map((t) => ({ ...t, ...details.get(t.term)! }));
  // Related terms are written the way the topic's own sample cases write them.
  const labels = await topicLabels(db, described.flatMap((t) => [t, ...t.related.map((term) => ({ term, sampleCaseIds: t.sampleCaseIds }))]), language);

  const previous = await db.trendingRun.findFirst({ orderBy: { createdAt: "desc" }, select: { topics: { select: { term: true, score: true } } } });
  const durationMs = Math.round(performance.now() - started);
  const run = await db.trendingRun.create({
    data: { tenantId, windowStart: window.lo, windowEnd: window.hi, cases: counts.cases, candidates: counts.terms.length, durationMs, createdAt: now },
    select: { id: true },
  });
  await db.trendingTopic.createMany({
    data: described.map((t, i) => ({
      tenantId,
      runId: run.id,
      rank: i + 1,
      term: t.term,
      label: labels.get(t.term) ?? t.term,
      related: t.related.map((term) => labels.get(term) ?? term),
      cases: t.cases,
      baseline: t.baseline,
      score: t.score,
      growth: t.growth,
      hourly: t.hourly,
      channels: t.channels,
      businessUnits: t.businessUnits,
      sampleCaseIds: t.sampleCaseIds,
    })),
  });
  await db.trendingRun.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEEP_RUNS_MS) } } });

  const previousScores = new Map((previous?.topics ?? []).map((t) => [t.term, t.score]));
  await announce(db, described.map((t) => ({ ...t, label: labels.get(t.term) ?? t.term })), settings, previousScores, now);
  return { runId: run.id, topics: described.length, cases: counts.cases, candidates: counts.terms.length, countedDays, durationMs };
}

type Announced = Topic & { label: string; sampleCaseIds: string[] };

const describe = (t: Announced) =>
  `Found in ${t.cases.toLocaleString("en-US")} ${t.cases === 1 ? "case" : "cases"} in the last 24 hours; ${usualText(t.baseline)} (×${t.growth.toFixed(1)}, score ${t.score.toFixed(1)}).`;

/**
 * The feed hears of a topic once a day; an alert fires when a topic crosses the alert score (not
 * again each hour it stays above it, so resolving the alert is not undone by the next run).
 */
async function announce(
  db: TenantDb,
  topics: readonly Announced[],
  settings: { feedScore: number | null; alertScore: number | null },
  previousScores: Map<string, number>,
  now: Date,
): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  for (const t of topics) {
    if (settings.feedScore === null || t.score < settings.feedScore) continue;
    await postSystemItem(db, {
      kind: "TRENDING_SURGE",
      title: `“${t.label}” is trending`,
      body: describe(t),
      link: topicPath(t.term),
      priority: "NORMAL",
      dedupeKey: `trending:${t.term}:${day}`,
    });
  }
  const alertScore = settings.alertScore;
  if (alertScore === null) return;
  const crossing = topics.filter((t) => t.score >= alertScore && (previousScores.get(t.term) ?? 0) < alertScore);
  if (crossing.length === 0) return;
  await fireAlerts(
    db,
    crossing.map((t) => ({
      title: `Trending topic: “${t.label}”`,
      description: describe(t),
      severity: "WARNING",
      businessUnit: null,
      labels: { topic: t.term, cases: String(t.cases), score: t.score.toFixed(1) },
      relatedCaseIds: t.sampleCaseIds.slice(0, ALERT_RELATED_CASES_MAX),
      dedupeKey: `trending:${t.term}`,
      assigneeId: null,
      teamId: null,
      source: "SYSTEM",
    })),
  );
}
