// Search analytics: every search is recorded (who, the normalised text, the kinds searched, how many
// results, how long it took, where it was made) and every result opened from it (its position).
// Written in the search's own tenant transaction, so a search and its record come and go together.
// What members searched for is oversight data: the report is for those who read the audit log.
import { z } from "zod";
import { text } from "@/lib/validations/text";
import type { TenantDb } from "@/server/db/tenant-db";
import type { SearchSurface } from "@/server/db/generated/enums";
import { Prisma } from "@/server/db/generated/client";
import { requireTenantId, tenantKey } from "@/server/db/tenant-scope";
import { notFound } from "@/server/errors/app-error";
import { SEARCH_KINDS } from "./search-kinds";

/** How long searches are kept (jobs/tasks/purge-search-events.ts). */
export const SEARCH_RETENTION_DAYS = 90;

/** The same search typed twice counts as one query: trimmed, lower case, inner spaces collapsed. */
export function normaliseQuery(q: string): string {
  return q.trim().toLowerCase().replace(/\s+/g, " ");
}

/**
 * A member typing in the palette or the search box searches at every pause: "arr", "arrived",
 * "arrived damaged". Within this time of the previous search on the same surface, a search whose
 * text extends or shortens that one's replaces it, so the analytics count what was looked for, not
 * each step of typing it. Results already opened keep the search (it stays a search of its own).
 */
export const REFINEMENT_WINDOW_MS = 10_000;

export async function recordSearch(
  db: TenantDb,
  input: {
    userId: string | null;
    q: string;
    kinds: readonly string[];
    /** The case filters given (fields left out or empty are not kept). */
    filters?: Record<string, unknown>;
    resultCount: number;
    latencyMs: number;
    surface: SearchSurface;
  },
  now = new Date(),
): Promise<string> {
  const query = normaliseQuery(input.q);
  const filters = Object.fromEntries(
    Object.entries(input.filters ?? {}).flatMap(([key, value]) =>
      value === undefined || (Array.isArray(value) && value.length === 0) ? [] : [[key, value instanceof Date ? value.toISOString() : value]],
    ),
  ) as Prisma.InputJsonObject;
  const data = { query, kinds: [...input.kinds], filters, resultCount: input.resultCount, latencyMs: Math.max(0, Math.round(input.latencyMs)) };
  if (input.userId && input.surface !== "API") {
    const previous = await db.searchEvent.findFirst({
      where: { userId: input.userId, surface: input.surface, createdAt: { gte: new Date(now.getTime() - REFINEMENT_WINDOW_MS) }, opens: { none: {} } },
      orderBy: { createdAt: "desc" },
      select: { id: true, query: true },
    });
    if (previous && previous.query !== query && (query.startsWith(previous.query) || previous.query.startsWith(query))) {
      await db.searchEvent.update({ where: tenantKey(previous.id), data: { ...data, createdAt: now } });
      return previous.id;
    }
  }
  const row = await db.searchEvent.create({
    data: { tenantId: requireTenantId(), userId: input.userId, surface: input.surface, createdAt: now, ...data },
    select: { id: true },
  });
  return row.id;
}

export const recordSearchOpenInput = z.object({
  /** The `searchId` the search answered with. */
  searchId: z.uuid(),
  /** 1 for the first result of its kind. */
  position: z.number().int().min(1).max(1000),
  kind: z.enum(SEARCH_KINDS),
  id: z.uuid(),
});
export type RecordSearchOpenInput = z.output<typeof recordSearchOpenInput>;

/** Records a result opened from a search: only from the caller's own searches (anything else is NOT_FOUND). */
export async function recordSearchOpen(db: TenantDb, userId: string | null, input: RecordSearchOpenInput): Promise<{ ok: true }> {
  const search = await db.searchEvent.findFirst({ where: { id: input.searchId, userId }, select: { id: true } });
  if (!search) throw notFound("Search");
  await db.searchOpen.create({ data: { tenantId: requireTenantId(), searchId: search.id, position: input.position, kind: input.kind, targetId: input.id } });
  return { ok: true };
}

/** The caller's last distinct queries, newest first (the palette offers them before anything is typed). */
export async function recentSearches(db: TenantDb, userId: string, limit = 6): Promise<{ query: string; at: Date }[]> {
  const rows = await db.$queryRaw<{ query: string; at: Date }[]>`
    SELECT query, max(created_at) AS at
      FROM (SELECT query, created_at FROM search_events
             WHERE tenant_id = ${requireTenantId()}::uuid AND user_id = ${userId}::uuid
             ORDER BY created_at DESC LIMIT 200) recent
     GROUP BY query ORDER BY at DESC LIMIT ${limit}::int`;
  return rows;
}

export const searchAnalyticsInput = z.object({
  /** The period, in days up to today. */
  days: z
    .number()
    .int()
    .refine((d) => d === 7 || d === 30 || d === 90, { message: "Choose 7, 30 or 90 days" })
    .default(30),
  /** Rows per list. */
  limit: z.number().int().min(1).max(100).default(20),
  /** Only queries containing this text. */
  contains: text().trim().max(200).optional(),
});

const queryRow = z.object({
  query: z.string(),
  searches: z.number().int(),
  /** Searches of this query from which at least one result was opened. */
  withOpens: z.number().int(),
  /** withOpens / searches, 0–1. */
  clickThrough: z.number(),
  /** Mean position of the results opened (1 = first), or null when none was. */
  meanPosition: z.number().nullable(),
  /** Mean number of results. */
  meanResults: z.number(),
  lastAt: z.date(),
});
export const searchAnalyticsOutput = z.object({
  days: z.number().int(),
  totals: z.object({ searches: z.number().int(), withOpens: z.number().int(), noResults: z.number().int(), searchers: z.number().int(), p50LatencyMs: z.number().nullable() }),
  bySurface: z.array(z.object({ surface: z.enum(["PAGE", "PALETTE", "API"]), searches: z.number().int() })),
  /** Searches per day (UTC), oldest first, days without searches included. */
  daily: z.array(z.object({ day: z.string(), searches: z.number().int(), withOpens: z.number().int(), noResults: z.number().int() })),
  topQueries: z.array(queryRow),
  /** Queries that found nothing, most searched first: what people look for and do not find. */
  noResultQueries: z.array(z.object({ query: z.string(), searches: z.number().int(), lastAt: z.date() })),
});
export type SearchAnalytics = z.output<typeof searchAnalyticsOutput>;

type Row = Record<string, unknown>;
const int = (v: unknown) => Number(v ?? 0);

export async function searchAnalytics(db: TenantDb, input: z.output<typeof searchAnalyticsInput>, now = new Date()): Promise<SearchAnalytics> {
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (input.days - 1)));
  const like = input.contains ? `%${normaliseQuery(input.contains).replace(/[\\%_]/g, (c) => `\\${c}`)}%` : "%";
  // The period's searches, each with whether a result was opened from it and the mean position of
  // what was; every list below groups these rows in the database (a busy tenant has millions).
  const searches = Prisma.sql`
    SELECT e.query, e.surface, e.user_id, e.result_count, e.latency_ms, e.created_at,
           o.search_id IS NOT NULL AS opened, o.mean_position
      FROM search_events e
      LEFT JOIN (SELECT search_id, avg(position)::float8 AS mean_position FROM search_opens
                  WHERE tenant_id = ${requireTenantId()}::uuid AND created_at >= ${since}::timestamptz
                  GROUP BY search_id) o ON o.search_id = e.id
     WHERE e.tenant_id = ${requireTenantId()}::uuid AND e.created_at >= ${since}::timestamptz AND e.query LIKE ${like}`;
  const [totals] = await db.$queryRaw<Row[]>`
    WITH s AS (${searches})
    SELECT count(*) AS searches, count(*) FILTER (WHERE opened) AS with_opens, count(*) FILTER (WHERE result_count = 0) AS no_results,
           count(DISTINCT user_id) AS searchers, percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50
      FROM s`;
  const surfaces = await db.$queryRaw<Row[]>`WITH s AS (${searches}) SELECT surface::text AS surface, count(*) AS searches FROM s GROUP BY surface`;
  const days = await db.$queryRaw<Row[]>`
    WITH s AS (${searches})
    SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*) AS searches,
           count(*) FILTER (WHERE opened) AS with_opens, count(*) FILTER (WHERE result_count = 0) AS no_results
      FROM s GROUP BY 1`;
  const top = await db.$queryRaw<Row[]>`
    WITH s AS (${searches})
    SELECT query, count(*) AS searches, count(*) FILTER (WHERE opened) AS with_opens, avg(mean_position) AS mean_position,
           avg(result_count)::float8 AS mean_results, max(created_at) AS last_at
      FROM s GROUP BY query ORDER BY count(*) DESC, max(created_at) DESC, query LIMIT ${input.limit}::int`;
  const empty = await db.$queryRaw<Row[]>`
    WITH s AS (${searches})
    SELECT query, count(*) AS searches, max(created_at) AS last_at
      FROM s WHERE result_count = 0 GROUP BY query ORDER BY count(*) DESC, max(created_at) DESC, query LIMIT ${input.limit}::int`;

  const byDay = new Map(days.map((d) => [String(d.day), d]));
  const daily: SearchAnalytics["daily"] = [];
  for (let i = 0; i < input.days; i++) {
    const day = new Date(since.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    const d = byDay.get(day);
    daily.push({ day, searches: int(d?.searches), withOpens: int(d?.with_opens), noResults: int(d?.no_results) });
  }
  const bySurface = new Map(surfaces.map((r) => [String(r.surface), int(r.searches)]));
  return {
    days: input.days,
    totals: {
      searches: int(totals?.searches),
      withOpens: int(totals?.with_opens),
      noResults: int(totals?.no_results),
      searchers: int(totals?.searchers),
      p50LatencyMs: totals?.p50 == null ? null : int(totals.p50),
    },
    bySurface: (["PAGE", "PALETTE", "API"] as const).map((surface) => ({ surface, searches: bySurface.get(surface) ?? 0 })),
    daily,
    topQueries: top.map((r) => ({
      query: String(r.query),
      searches: int(r.searches),
      withOpens: int(r.with_opens),
      clickThrough: int(r.with_opens) / int(r.searches),
      meanPosition: r.mean_position == null ? null : Number(r.mean_position),
      meanResults: Number(r.mean_results),
      lastAt: r.last_at as Date,
    })),
    noResultQueries: empty.map((r) => ({ query: String(r.query), searches: int(r.searches), lastAt: r.last_at as Date })),
  };
}
