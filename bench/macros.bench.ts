// A macro on the bulk bar's largest selection (100 cases): a reply filled per case, a status
// change and a tag, in one call and one transaction, against what a script does without macros,
// the same changes as separate calls (cases.addMessage per case, then one cases.bulkUpdate).
//   separate calls (baseline)   100 × cases.addMessage + 1 × cases.bulkUpdate, each its own transaction
//   macros.run, 100 cases       the macro: placeholders per case, 100 messages, the bulk update, one audit entry
//   macros.run, 1 case          the composer's Send and apply, for the cost per call
// Two macros alternate (Pending ↔ Open) so every call changes every case.
import { createCaller } from "@/server/api/root";
import { createTRPCContext, TENANT_HEADER } from "@/server/api/context";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { createLimiter, overrideLimiters } from "@/server/rate-limit/limiters";
import { compareSideBySide, type Variant } from "./lib/measure";
import type { BenchModule } from "./lib/types";

const SELECTION = 100;

export const macrosBench: BenchModule = {
  name: "macros",
  title: `macros — a reply, a status and a tag on ${SELECTION} cases: one macro call vs the same as separate calls`,
  async run(ctx) {
    const tenant = await ctx.syntheticTenant("bench-macros", ctx.quick ? 300 : 2_000);
    const { user, ids } = await withPrivilegedDb("bench setup", async (db) => {
      const owner = await db.user.findUniqueOrThrow({ where: { id: tenant.ownerId }, select: { id: true, email: true, name: true } });
      const picked = await db.case.findMany({ where: { tenantId: tenant.id }, select: { id: true }, orderBy: { id: "asc" }, take: SELECTION + 10 });
      // Open, so both macros' transitions (Pending ↔ Open) apply to every one of them.
      await db.case.updateMany({ where: { id: { in: picked.map((c) => c.id) } }, data: { status: "OPEN", slaPausedAt: null } });
      return { user: { ...owner, platformRole: null }, ids: picked.map((c) => c.id) };
    });
    const caller = createCaller(await createTRPCContext({ headers: new Headers({ [TENANT_HEADER]: tenant.slug }), user }));
    const reply = { kind: "PUBLIC_REPLY" as const, body: "Hi {{customer.firstName}}, we are on #{{case.number}}." };
    const toPending = await caller.macros.create({ name: "Bench: wait", actions: { reply, status: "PENDING", addTags: ["bench-wait"], removeTags: ["bench-open"] } });
    const toOpen = await caller.macros.create({ name: "Bench: open", actions: { reply, status: "OPEN", addTags: ["bench-open"], removeTags: ["bench-wait"] } });
    const selection = ids.slice(0, SELECTION);
    const single = ids.slice(SELECTION, SELECTION + 1);
    // Each variant flips its own cases, so every call changes every case it names.
    const flipper = () => {
      let pending = false;
      return () => (pending = !pending);
    };
    const macroFlip = flipper();
    const singleFlip = flipper();
    const separateFlip = flipper();
    // The separate calls change their own 100 cases, so neither variant finds the other's work done.
    const own = await withPrivilegedDb("bench setup", (db) =>
      db.case.findMany({ where: { tenantId: tenant.id, id: { notIn: ids } }, select: { id: true }, orderBy: { id: "desc" }, take: SELECTION }),
    );
    if (own.length < SELECTION) throw new Error("macros bench: the tenant has too few cases");
    const scriptIds = own.map((c) => c.id);
    await withPrivilegedDb("bench setup", (db) => db.case.updateMany({ where: { id: { in: scriptIds } }, data: { status: "OPEN", slaPausedAt: null } }));

    const variants: Variant[] = [
      {
        label: `separate calls: ${SELECTION} addMessage + bulkUpdate`,
        baseline: true,
        fn: async () => {
          const pending = separateFlip();
          for (const caseId of scriptIds) await caller.cases.addMessage({ caseId, kind: "PUBLIC_REPLY", body: "Hi, we are on it." });
          await caller.cases.bulkUpdate({
            target: { ids: scriptIds },
            status: { to: pending ? "PENDING" : "OPEN" },
            addTags: [pending ? "bench-wait" : "bench-open"],
            removeTags: [pending ? "bench-open" : "bench-wait"],
          });
        },
      },
      { label: `macros.run, ${SELECTION} cases`, fn: () => caller.macros.run({ id: macroFlip() ? toPending.id : toOpen.id, caseIds: selection }) },
      { label: "macros.run, 1 case", fn: () => caller.macros.run({ id: singleFlip() ? toPending.id : toOpen.id, caseIds: single }) },
    ];
    // The separate calls are 101 requests per round: a member's limit (600 a minute) would stop
    // them within seconds, which is a point for macros but not what is measured here.
    const restore = overrideLimiters({ api: createLimiter({ keyPrefix: "bench-macros", points: 1_000_000, durationSeconds: 60 }) });
    const rows = await compareSideBySide(variants, { durationMs: ctx.quick ? 3_000 : 30_000, warmupMs: ctx.quick ? 0 : 1_000, blockMs: 500 }).finally(restore);
    const perCase = (label: string) => rows.find((r) => r.label === label)!.stats.p50 / SELECTION;
    return {
      subtitle: `${tenant.name}; each call changes every case it names`,
      rows,
      notes: [
        `per case: macro ${perCase(`macros.run, ${SELECTION} cases`).toFixed(1)} ms, separate calls ${perCase(`separate calls: ${SELECTION} addMessage + bulkUpdate`).toFixed(1)} ms (p50 / ${SELECTION})`,
      ],
    };
  },
};
