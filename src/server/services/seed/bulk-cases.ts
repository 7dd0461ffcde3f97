// Synthetic tenants and cases in bulk, for load tests and benchmarks (`npm run db:seed -- --cases N`,
// bench/). Cases are written with set-based SQL (INSERT … SELECT over generate_series, random()
// choices per row) in batches, never row by row through Prisma: a million cases take seconds on
// PostgreSQL and minutes on the embedded database instead of hours.
import type { Database } from "@/server/db/connection";
import { privilegedTransaction } from "@/server/db/privileged-db";
import { hashPassword } from "@/server/auth/password";
import { tenantSettingsSchema } from "@/lib/validations/tenant-settings";
import { CASE_CHANNELS } from "@/lib/validations/case";
import { CASE_SUBJECTS, CASE_TAGS, DEMO_PASSWORD } from "./demo-data";

export interface SyntheticTenant {
  id: string;
  slug: string;
  name: string;
  ownerId: string;
  /** Members cases get assigned to (owner and agents). */
  assigneeIds: string[];
  /** False when the tenant already existed. */
  created: boolean;
}

/**
 * Finds the tenant by slug, or creates it with an owner (`owner@<slug>.test`) and `agents` agents
 * (`agent<n>@<slug>.test`), all signing in with the demo password, so the tenant can be opened in
 * the UI as well as benchmarked.
 */
export async function ensureSyntheticTenant(
  db: Database,
  opts: { slug: string; name: string; agents?: number },
): Promise<SyntheticTenant> {
  const existing = await privilegedTransaction(db.prisma, (tx) =>
    tx.tenant.findUnique({
      where: { slug: opts.slug },
      select: { id: true, name: true, memberships: { select: { userId: true, role: true }, orderBy: { createdAt: "asc" } } },
    }),
  );
  if (existing) {
    const owner = existing.memberships.find((m) => m.role === "OWNER") ?? existing.memberships[0];
    if (!owner) throw new Error(`Tenant "${opts.slug}" has no members to own synthetic cases`);
    const assigneeIds = existing.memberships.filter((m) => m.role !== "VIEWER").map((m) => m.userId);
    return { id: existing.id, slug: opts.slug, name: existing.name, ownerId: owner.userId, assigneeIds, created: false };
  }

  // Hashed outside the transaction: argon2 takes long enough to matter on the embedded database,
  // whose single connection every other caller would wait for.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = [
    { email: `owner@${opts.slug}.test`, name: `${opts.name} Owner`, role: "OWNER" as const },
    ...Array.from({ length: opts.agents ?? 4 }, (_, i) => ({
      email: `agent${i + 1}@${opts.slug}.test`,
      name: `${opts.name} Agent ${i + 1}`,
      role: "AGENT" as const,
    })),
  ];
  return privilegedTransaction(db.prisma, async (tx) => {
    const tenant = await tx.tenant.create({
      data: { name: opts.name, slug: opts.slug, settings: tenantSettingsSchema.parse({}) },
      select: { id: true },
    });
    const ids: string[] = [];
    for (const person of people) {
      const user = await tx.user.upsert({
        where: { email: person.email },
        create: { email: person.email, name: person.name, passwordHash },
        update: {},
        select: { id: true },
      });
      await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: person.role } });
      ids.push(user.id);
    }
    return { id: tenant.id, slug: opts.slug, name: opts.name, ownerId: ids[0]!, assigneeIds: ids, created: true };
  });
}

/** The default categories of a new tenant's settings, which synthetic tenants keep. */
const CATEGORIES = tenantSettingsSchema.parse({}).caseCategories;

export interface BulkCasesOptions {
  tenant: Pick<SyntheticTenant, "id" | "ownerId" | "assigneeIds">;
  count: number;
  /** Rows per INSERT statement (and transaction). */
  batchSize?: number;
  /**
   * Batches in flight at once, each on its own connection (PostgreSQL as a superuser only; the
   * embedded database has a single backend). Two already use both cores of a small machine.
   */
  parallel?: number;
  /** The cases' creation times spread evenly over this many days up to now. */
  spanDays?: number;
  onProgress?: (progress: { inserted: number; total: number; batchMs: number; elapsedMs: number }) => void;
}

export interface BulkCasesResult {
  inserted: number;
  firstNumber: number;
  lastNumber: number;
  ms: number;
  /** How the per-row triggers were kept out of the way (see insertSyntheticCases). */
  mode: "replica" | "disable-trigger";
}

// One statement per batch. The innermost SELECT draws every random number a row needs once
// (OFFSET 0 keeps the planner from flattening it, which would re-evaluate random() per use), the
// middle one derives status and priority from them, the outer one assembles the row.
// - id is a UUIDv7 built from created_at, like the app's ids (uuid(7)): time-ordered ids keep the
//   primary-key index appends sequential, which is most of the speed on a large table.
// - created_at rises with the number, as it does when the trigger numbers real cases.
// - cases older than 30 days are mostly resolved or closed, so "open cases" stays a small,
//   realistic fraction of a large tenant; the timestamps agree with the status (responded,
//   resolved, closed, snoozed until).
// - resolution_due_at is calendar hours by priority, not the working-hours SLA the app computes:
//   close enough for the "due soon" sort to have realistic data.
// $2 is the number before this batch's first, $10 the first number of the whole run (times are
// spread over the run, so batches continue each other).
const INSERT_BATCH = `
INSERT INTO cases (id, tenant_id, number, title, description, channel, status, priority, tags,
                   assignee_id, created_by_id, version, created_at, updated_at, category,
                   first_responded_at, resolved_at, closed_at, snoozed_until, resolution_due_at, search_vector)
SELECT (lpad(to_hex((extract(epoch FROM s.created_at) * 1000)::bigint), 12, '0') || '7'
          || substr(replace(gen_random_uuid()::text, '-', ''), 14))::uuid,
       $1::uuid, s.number, s.title, s.description, s.channel::"CaseChannel", s.status::"CaseStatus",
       s.priority::"CasePriority",
       CASE WHEN s.r_tag < 0.6 THEN ARRAY[($7::text[])[1 + floor(s.r_tag / 0.6 * cardinality($7::text[]))::int]]
            ELSE ARRAY[]::text[] END,
       CASE WHEN s.status = 'NEW' AND s.r_assignee < 0.7 THEN NULL
            ELSE ($8::uuid[])[1 + floor(s.r_assignee * cardinality($8::uuid[]))::int] END,
       $9::uuid, 1, s.created_at, s.updated_at,
       ($12::text[])[1 + floor(s.r_tag * cardinality($12::text[]))::int],
       CASE WHEN s.status <> 'NEW' THEN LEAST(s.updated_at, s.created_at + s.r_updated * interval '4 hours') END,
       CASE WHEN s.status IN ('RESOLVED', 'CLOSED') THEN s.updated_at END,
       CASE WHEN s.status = 'CLOSED' THEN s.updated_at END,
       CASE WHEN s.status = 'SNOOZED' THEN now() + (1 + s.r_updated * 6) * interval '1 day' END,
       s.created_at + CASE s.priority WHEN 'URGENT' THEN interval '4 hours' WHEN 'HIGH' THEN interval '1 day'
                                      WHEN 'NORMAL' THEN interval '3 days' ELSE interval '5 days' END,
       -- Written here: the trigger that writes it does not run in "replica" mode.
       case_search_vector(app_text_config($1::uuid), s.title, s.description)
FROM (
  SELECT r.*,
         LEAST(now(), r.created_at + r.r_updated * interval '3 days') AS updated_at,
         CASE WHEN r.created_at > now() - interval '30 days' THEN
                CASE WHEN r.r_status < 0.2 THEN 'NEW' WHEN r.r_status < 0.5 THEN 'OPEN'
                     WHEN r.r_status < 0.62 THEN 'PENDING' WHEN r.r_status < 0.67 THEN 'SNOOZED'
                     WHEN r.r_status < 0.87 THEN 'RESOLVED' ELSE 'CLOSED' END
              ELSE
                CASE WHEN r.r_status < 0.01 THEN 'NEW' WHEN r.r_status < 0.03 THEN 'OPEN'
                     WHEN r.r_status < 0.05 THEN 'PENDING' WHEN r.r_status < 0.06 THEN 'SNOOZED'
                     WHEN r.r_status < 0.6 THEN 'RESOLVED' ELSE 'CLOSED' END
         END AS status,
         CASE WHEN r.r_priority < 0.2 THEN 'LOW' WHEN r.r_priority < 0.7 THEN 'NORMAL'
              WHEN r.r_priority < 0.92 THEN 'HIGH' ELSE 'URGENT' END AS priority
  FROM (
    SELECT $2::int + g AS number,
           $4::timestamptz + (($2::int + g - $10::int) + random()) * ($5::float8 * interval '1 millisecond') AS created_at,
           ($6::text[])[1 + floor(random() * cardinality($6::text[]))::int] AS title,
           CASE WHEN random() < 0.5 THEN '' ELSE 'Customer wrote in about this. Details are in the first message.' END AS description,
           ($11::text[])[1 + floor(random() * cardinality($11::text[]))::int] AS channel,
           random() AS r_status, random() AS r_priority, random() AS r_tag, random() AS r_assignee, random() AS r_updated
    FROM generate_series(1, $3::int) AS g
    OFFSET 0
  ) r
) s`;

/**
 * Reserves `count` numbers for the tenant and returns the first. The UPDATE locks the counter
 * row and re-reads it if a concurrent insert moved it, so the range never overlaps numbers the
 * app hands out meanwhile. A run that stops early leaves a gap in the numbers, nothing worse.
 */
async function reserveNumbers(db: Database, tenantId: string, count: number): Promise<number> {
  return db.sql.transaction(async (tx) => {
    // FORCE ROW LEVEL SECURITY binds the table owner too; only caseboard_privileged has a policy
    // spanning tenants (a superuser bypasses RLS anyway).
    await tx.exec(`SET LOCAL ROLE caseboard_privileged`);
    await tx.query(`INSERT INTO case_counters (tenant_id, last_number) VALUES ($1, 0) ON CONFLICT (tenant_id) DO NOTHING`, [tenantId]);
    const [row] = await tx.query<{ last: number }>(
      `UPDATE case_counters
          SET last_number = GREATEST(last_number, (SELECT COALESCE(max(number), 0) FROM cases WHERE tenant_id = $1)) + $2
        WHERE tenant_id = $1
        RETURNING last_number AS last`,
      [tenantId, count],
    );
    if (!row) throw new Error("could not reserve case numbers");
    return row.last - count + 1;
  });
}

/**
 * Inserts `count` synthetic cases into one tenant, in batches of `batchSize` rows, each batch its
 * own transaction, with numbers reserved up front.
 *
 * The per-row numbering trigger must not run: with an explicit number it upserts the tenant's
 * counter row for every case, and inside one transaction those row versions cannot be pruned, so
 * each upsert walks all earlier ones. Measured on PostgreSQL 15: 10k rows 1.9 s, 20k 6.6 s, 40k
 * 30.7 s (quadratic). Two ways around it:
 * - "replica": as a superuser (always the case on the embedded database), session_replication_role
 *   = replica skips ordinary triggers, including the foreign-key checks, which were half of the
 *   remaining cost (100k rows: 5.5 s with, 2.6 s without). The references are valid by
 *   construction: tenant and members were just read. No lock is taken, so batches can run in
 *   parallel on PostgreSQL. This is how pg_restore --disable-triggers loads data.
 * - "disable-trigger": otherwise, as the table owner, ALTER TABLE … DISABLE TRIGGER inside each
 *   batch's transaction. Other sessions never see the trigger off (DDL is transactional), but the
 *   ALTER locks cases exclusively until the batch commits, so batches run one at a time.
 */
export async function insertSyntheticCases(db: Database, opts: BulkCasesOptions): Promise<BulkCasesResult> {
  const started = performance.now();
  const batchSize = opts.batchSize ?? 100_000;
  const spanMs = (opts.spanDays ?? 730) * 86_400_000;
  if (opts.tenant.assigneeIds.length === 0) throw new Error("insertSyntheticCases needs at least one assignee");
  if (opts.count < 1) throw new Error("insertSyntheticCases needs a positive count");

  const [role] = await db.sql.query<{ superuser: boolean }>(`SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`);
  const mode = role?.superuser ? "replica" : "disable-trigger";
  const parallel = mode === "replica" && db.kind === "postgres" ? Math.max(1, opts.parallel ?? 2) : 1;

  const firstNumber = await reserveNumbers(db, opts.tenant.id, opts.count);
  const stepMs = spanMs / opts.count;
  const spanStart = new Date(Date.now() - spanMs);
  const batches: { base: number; size: number }[] = [];
  for (let done = 0; done < opts.count; done += batchSize) {
    batches.push({ base: firstNumber - 1 + done, size: Math.min(batchSize, opts.count - done) });
  }

  const insertBatch = async ({ base, size }: { base: number; size: number }) => {
    const params = [
      opts.tenant.id,
      base,
      size,
      spanStart,
      stepMs,
      CASE_SUBJECTS,
      CASE_TAGS,
      opts.tenant.assigneeIds,
      opts.tenant.ownerId,
      firstNumber,
      [...CASE_CHANNELS],
      CATEGORIES,
    ];
    await db.sql.transaction(async (tx) => {
      if (mode === "replica") {
        await tx.exec(`SET LOCAL session_replication_role = replica`);
        await tx.query(INSERT_BATCH, params);
      } else {
        await tx.exec(`ALTER TABLE cases DISABLE TRIGGER cases_assign_number`);
        await tx.exec(`SET LOCAL ROLE caseboard_privileged`);
        await tx.query(INSERT_BATCH, params);
        await tx.exec(`RESET ROLE`);
        await tx.exec(`ALTER TABLE cases ENABLE TRIGGER cases_assign_number`);
      }
    });
  };

  let inserted = 0;
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < batches.length && !failed) {
      const batch = batches[next++]!;
      const batchStarted = performance.now();
      try {
        await insertBatch(batch);
      } catch (error) {
        failed = true; // the other workers stop after their current batch
        throw error;
      }
      inserted += batch.size;
      opts.onProgress?.({
        inserted,
        total: opts.count,
        batchMs: performance.now() - batchStarted,
        elapsedMs: performance.now() - started,
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, batches.length) }, worker));

  // Fresh statistics, so the planner (and any benchmark run next) sees the table as it now is.
  await db.sql.exec(`ANALYZE cases`);
  return { inserted, firstNumber, lastNumber: firstNumber + opts.count - 1, ms: performance.now() - started, mode };
}
