// The contract between the harness (run.ts) and a benchmark module. A module measures one thing
// on whichever database the harness hands it and returns rows; the harness owns databases,
// filtering, printing and the JSON output, so a new benchmark is one file plus one line in run.ts.
import type { Database, DatabaseKind } from "@/server/db/connection";
import type { SyntheticTenant } from "@/server/services/seed/bulk-cases";
import type { Stats } from "./measure";

export interface BenchContext {
  /** A fresh database made for this run (never the developer's), migrated and installed as the
   *  process database, so withTenantDb/withPrivilegedDb use it. */
  readonly db: Database;
  readonly kind: DatabaseKind;
  /** e.g. "PostgreSQL 15.20" or "embedded (PGlite 0.5.16)". */
  readonly label: string;
  /** --quick: smaller data and shorter measurements, for checking that a benchmark runs. */
  readonly quick: boolean;
  /** Progress for the person waiting (stderr); results go in the returned rows. */
  log(message: string): void;
  /** A tenant with `cases` synthetic cases, created once per database and shared between modules. */
  syntheticTenant(slug: string, cases: number): Promise<SyntheticTenant>;
}

export interface BenchRow {
  label: string;
  /** The row others are compared with (ratio 1.00). At most one per result. */
  baseline?: boolean;
  stats: Stats;
}

export interface BenchResult {
  /** What was measured on this database, e.g. the data size. */
  subtitle?: string;
  rows: BenchRow[];
  /** Conclusions worth a line under the table. */
  notes?: string[];
}

export interface BenchModule {
  /** Short, for --only. */
  readonly name: string;
  readonly title: string;
  /** Runs only when named in --only: for benchmarks that need minutes (e.g. a million cases). */
  readonly optIn?: boolean;
  run(ctx: BenchContext): Promise<BenchResult>;
}
