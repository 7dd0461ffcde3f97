// What every rule kind provides (one file per kind under kinds/): how to measure it at a list of
// points, which cases explain a firing, and how the alert says it. Measuring never writes, so
// the minute's evaluation and the 7-day test share it.
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import type { AlertRuleKind, AlertRuleParams } from "@/lib/validations/alert-rule";
import type { CaseWindow } from "./case-windows";

export interface MeasureContext {
  /** One point, now: status is the current one and indexes on it apply. False: replaying the past. */
  live: boolean;
  /** The previous evaluation (live only): KEYWORD looks at cases since then. */
  since: Date | null;
}

export interface Reading {
  at: Date;
  value: number;
  /** What is usual (VOLUME_SPIKE: the mean of the same hour over the last 4 weeks). */
  baseline?: number;
  fires: boolean;
}

export interface RuleKind<K extends AlertRuleKind> {
  measure(db: TenantDb, params: AlertRuleParams<K>, points: readonly Date[], ctx: MeasureContext): Promise<Reading[]>;
  /** The window and condition whose cases explain a reading (sampled newest or oldest first by `order`). */
  window(params: AlertRuleParams<K>, at: Date, ctx: MeasureContext): CaseWindow;
  match(params: AlertRuleParams<K>, ctx: MeasureContext): Prisma.Sql;
  order: Prisma.Sql;
  /** After "<rule name>: " in the alert's title. */
  headline(params: AlertRuleParams<K>, reading: Reading): string;
  description(params: AlertRuleParams<K>, reading: Reading): string;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
