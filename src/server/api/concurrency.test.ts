// Many requests of two tenants in flight at once, as a busy server sees them. The embedded
// database has a single backend shared by every request, and PostgreSQL hands transactions to
// pooled connections: either way a request must never run under another request's tenant
// setting. Every call records what it saw; afterwards each observation is checked against the
// owning tenant read the privileged way, and the counts must add up exactly.
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { mulberry32 } from "@/server/services/seed/demo-seed";
import { rejectionOf } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";

const CALLS = 300;
const SEEDED = 5;

type Op = "list" | "get" | "create" | "keyCreate" | "txCreate" | "txRollback" | "crossGet" | "crossSlug";
/** Weighted so reads dominate, as in real traffic, with every kind of write and failure mixed in. */
const OPS: Op[] = ["list", "list", "list", "get", "get", "create", "create", "keyCreate", "txCreate", "txCreate", "txRollback", "crossGet", "crossSlug"];

interface Side {
  tenant: TestTenant;
  key: string;
  prefix: string;
  seededIds: string[];
}

let sides: [Side, Side];

beforeAll(async () => {
  const tenants = await Promise.all([createTestTenant("conc-a"), createTestTenant("conc-b")]);
  sides = (await Promise.all(
    tenants.map(async (tenant, i) => {
      const prefix = `conc-${"ab"[i]}`;
      const seeded = await createTestCases(tenant, Array.from({ length: SEEDED }, (_, n) => `${prefix} seed ${n + 1}`));
      return { tenant, key: await createTestApiKey(tenant), prefix, seededIds: seeded.map((c) => c.id) };
    }),
  )) as [Side, Side];
});

describe("concurrent requests of two tenants", () => {
  it(`${CALLS} interleaved calls never see the other tenant, and every count adds up`, async () => {
    const rand = mulberry32(7);
    /** Case ids each request saw, keyed by the tenant it acted for. */
    const observed: { tenantId: string; id: string; op: Op }[] = [];
    const problems: string[] = [];
    const created = new Map<string, { procedure: number; tx: number }>(sides.map((s) => [s.tenant.id, { procedure: 0, tx: 0 }]));

    const plan = Array.from({ length: CALLS }, (_, i) => ({ side: sides[i % 2]!, other: sides[(i + 1) % 2]!, op: OPS[Math.floor(rand() * OPS.length)]!, i }));

    async function run({ side, other, op, i }: (typeof plan)[number]) {
      const { tenant, prefix } = side;
      const note = (id: string) => observed.push({ tenantId: tenant.id, id, op });
      // A context per call, as each HTTP request builds its own.
      const user = () => callerFor(tenant.users.AGENT, tenant.slug);
      switch (op) {
        case "list": {
          const page = await (await user()).cases.list({ limit: 20 });
          for (const c of page.items) {
            note(c.id);
            if (!c.title.startsWith(prefix)) problems.push(`#${i} list in ${prefix} saw "${c.title}"`);
          }
          break;
        }
        case "get": {
          const number = 1 + Math.floor(rand() * SEEDED);
          const c = await (await apiKeyCaller(side.key)).cases.get({ number });
          note(c.id);
          if (c.title !== `${prefix} seed ${number}`) problems.push(`#${i} get #${number} in ${prefix} saw "${c.title}"`);
          break;
        }
        case "create":
        case "keyCreate": {
          const caller = op === "create" ? await user() : await apiKeyCaller(side.key);
          const c = await caller.cases.create({ title: `${prefix} ${op} ${i}` });
          note(c.id);
          created.get(tenant.id)!.procedure++;
          break;
        }
        case "txCreate": {
          // An interactive transaction that writes, then reads back through both layers.
          const seen = await withTenantDb(tenant.id, async (db) => {
            const row = await db.case.create({ data: { tenantId: requireTenantId(), title: `${prefix} tx ${i}` }, select: { id: true } });
            const [setting] = await db.$queryRaw<{ t: string }[]>`SELECT current_setting('app.tenant_id') AS t`;
            const raw = await db.$queryRaw<{ id: string; tenant_id: string }[]>`SELECT id::text, tenant_id::text FROM cases`;
            const viaModel = await db.case.findMany({ select: { id: true, title: true }, orderBy: { number: "desc" }, take: 20 });
            return { row, setting: setting?.t, raw, viaModel };
          });
          if (seen.setting !== tenant.id) problems.push(`#${i} tx in ${prefix} ran with app.tenant_id=${seen.setting}`);
          if (!seen.raw.some((r) => r.id === seen.row.id)) problems.push(`#${i} tx in ${prefix} did not read back its own insert`);
          for (const r of seen.raw) note(r.id);
          for (const c of seen.viaModel) if (!c.title.startsWith(prefix)) problems.push(`#${i} tx in ${prefix} saw "${c.title}"`);
          created.get(tenant.id)!.tx++;
          break;
        }
        case "txRollback": {
          // A failed request's writes must vanish, numbers included, without disturbing the others.
          const error = await rejectionOf(
            withTenantDb(tenant.id, async (db) => {
              await db.case.create({ data: { tenantId: requireTenantId(), title: `${prefix} rolled back ${i}` } });
              throw new Error("request failed");
            }),
          );
          if (!String(error.cause).includes("request failed")) problems.push(`#${i} rollback in ${prefix} failed otherwise: ${error.message}`);
          break;
        }
        case "crossGet": {
          const error = await rejectionOf((await user()).cases.get({ id: other.seededIds[0]! }));
          if (error.code !== "NOT_FOUND") problems.push(`#${i} ${prefix} reading the other tenant's case got ${error.code}`);
          break;
        }
        case "crossSlug": {
          const error = await rejectionOf((await callerFor(tenant.users.AGENT, other.tenant.slug)).cases.list({}));
          if (error.code !== "NOT_FOUND") problems.push(`#${i} ${prefix} under the other tenant's slug got ${error.code}`);
          break;
        }
      }
    }

    await Promise.all(plan.map((call) => run(call).catch((error: unknown) => problems.push(`#${call.i} ${call.op} threw: ${String(error)}`))));
    expect(problems).toEqual([]);
    // Every kind of call actually ran, so the mix above is what was tested.
    expect(new Set(plan.map((p) => p.op))).toEqual(new Set(OPS));

    const owners = await withPrivilegedDb("test check", (db) =>
      db.case.findMany({ where: { tenantId: { in: sides.map((s) => s.tenant.id) } }, select: { id: true, tenantId: true, number: true, title: true } }),
    );
    const ownerOf = new Map(owners.map((c) => [c.id, c.tenantId]));
    const leaks = observed.filter((o) => ownerOf.get(o.id) !== o.tenantId);
    expect(leaks).toEqual([]);

    for (const side of sides) {
      const rows = owners.filter((c) => c.tenantId === side.tenant.id);
      const { procedure, tx } = created.get(side.tenant.id)!;
      expect(procedure + tx, side.prefix).toBeGreaterThan(0);
      expect(rows.length, side.prefix).toBe(SEEDED + procedure + tx);
      expect(rows.filter((c) => c.title.includes("rolled back")), side.prefix).toEqual([]);
      // Numbers stay gapless and unique under concurrent inserts, rolled-back ones included.
      expect(rows.map((c) => c.number).sort((x, y) => x - y), side.prefix).toEqual(Array.from({ length: rows.length }, (_, n) => n + 1));
      const audited = await withPrivilegedDb("test check", (db) =>
        db.auditEvent.count({ where: { tenantId: side.tenant.id, action: "case.created" } }),
      );
      // Procedure creates are audited in their own transaction; raw transaction inserts are not.
      expect(audited, side.prefix).toBe(SEEDED + procedure);
    }
  });
});
