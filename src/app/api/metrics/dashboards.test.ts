// The Grafana dashboards (deploy/grafana/dashboards/*.json) query the metrics this endpoint
// serves. A metric renamed or removed in prometheus.ts would leave a panel empty without any error,
// so every caseboard_* name a dashboard's PromQL uses must be one prometheus.ts defines. Also: the
// files parse, panel ids are unique per dashboard (Grafana keys panels by id) and panels do not
// overlap on the grid.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const DASHBOARDS_DIR = fileURLToPath(new URL("../../../../deploy/grafana/dashboards", import.meta.url));
const PROMETHEUS_SOURCE = fileURLToPath(new URL("./prometheus.ts", import.meta.url));

interface Panel {
  id?: number;
  type: string;
  title?: string;
  gridPos?: { x: number; y: number; w: number; h: number };
  targets?: { expr?: string }[];
  panels?: Panel[];
}

interface Dashboard {
  uid: string;
  panels: Panel[];
  templating?: { list: { query?: string | { query?: string } }[] };
}

const files = readdirSync(DASHBOARDS_DIR).filter((name) => name.endsWith(".json")).sort();
const dashboards = files.map((file) => ({ file, dashboard: JSON.parse(readFileSync(join(DASHBOARDS_DIR, file), "utf8")) as Dashboard }));

/** Every panel, those inside collapsed rows included. */
function allPanels(panels: Panel[]): Panel[] {
  return panels.flatMap((panel) => [panel, ...allPanels(panel.panels ?? [])]);
}

/** The PromQL of a dashboard: its panels' targets and its query variables. */
function queries(dashboard: Dashboard): string[] {
  const fromPanels = allPanels(dashboard.panels).flatMap((panel) => (panel.targets ?? []).map((t) => t.expr ?? ""));
  const fromVariables = (dashboard.templating?.list ?? []).map((v) => (typeof v.query === "string" ? v.query : (v.query?.query ?? "")));
  return [...fromPanels, ...fromVariables];
}

/** The caseboard_* names prometheus.ts defines: its string literals (comments do not count). */
function definedMetrics(): Set<string> {
  const source = readFileSync(PROMETHEUS_SOURCE, "utf8");
  return new Set([...source.matchAll(/["'`](caseboard_\w+)["'`]/g)].map((m) => m[1]!));
}

/** A name is served if defined, or is a histogram's _bucket, _sum or _count series of a defined name. */
function isServed(name: string, defined: Set<string>): boolean {
  if (defined.has(name)) return true;
  const stem = /^(.+)_(bucket|sum|count)$/.exec(name)?.[1];
  return stem !== undefined && defined.has(stem);
}

describe("Grafana dashboards", () => {
  it("are found", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it("read the names out of prometheus.ts", () => {
    // Guards the extraction itself: if it found nothing, every name below would be flagged anyway,
    // but a partial match should not pass silently either.
    const defined = definedMetrics();
    for (const name of ["caseboard_procedure_calls_total", "caseboard_procedure_duration_seconds", "caseboard_http_requests_in_flight", "caseboard_db_admission_waiting"]) {
      expect(defined).toContain(name);
    }
  });

  it.each(dashboards)("$file: panel ids are unique", ({ dashboard }) => {
    const ids = allPanels(dashboard.panels).map((panel) => panel.id);
    expect(ids.every((id) => typeof id === "number")).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(dashboards)("$file: panels stay within the grid and do not overlap", ({ dashboard }) => {
    const placed = dashboard.panels.filter((panel) => panel.gridPos);
    for (const { gridPos: g, title } of placed) {
      expect(g!.x + g!.w, `${title} is wider than the grid`).toBeLessThanOrEqual(24);
    }
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) {
        const [p, q] = [a.gridPos!, b.gridPos!];
        const overlap = p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
        expect(overlap, `"${a.title}" and "${b.title}" overlap`).toBe(false);
      }
    }
  });

  it.each(dashboards)("$file: every caseboard_* metric it queries is served by /api/metrics", ({ dashboard }) => {
    const defined = definedMetrics();
    const used = new Set(queries(dashboard).flatMap((expr) => expr.match(/\bcaseboard_\w+/g) ?? []));
    const unknown = [...used].filter((name) => !isServed(name, defined));
    expect(unknown, "metrics the dashboard queries but src/app/api/metrics/prometheus.ts does not define").toEqual([]);
  });
});
