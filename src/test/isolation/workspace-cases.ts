// Isolation attacks on the agent's workspace: cases, customers, saved views, notifications.
import { NOTIFICATION_KINDS } from "@/lib/notification-kinds";
import type { RealtimeMessage } from "@/lib/realtime/events";
import { expect } from "vitest";
import { Prisma } from "@/server/db/generated/client";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import type { CaseDetail } from "@/server/services/cases/case-select";
import { encodeCaseCursor } from "@/server/services/cases/list-cases";
import { uniqueEmail } from "@/test/workspace-fixtures";
import { caseCountOf, idsOf, tenantsOfCases, type IsolationCase } from "./fixture";

export const WORKSPACE_ISOLATION_CASES: Record<string, IsolationCase[]> = {
  "cases.list": [
    {
      name: "lists A's rows and no row of B",
      input: () => ({ limit: 100 }),
      expect: async (result, fx) => {
        const ids = idsOf((result as { items: CaseDetail[] }).items);
        expect(ids).toEqual(expect.arrayContaining(idsOf(fx.aCases)));
        expect(await tenantsOfCases(ids)).toEqual([fx.a.id]);
      },
    },
    {
      name: "a cursor naming B's case yields nothing of B",
      input: (fx) => ({
        limit: 100,
        cursor: encodeCaseCursor({ s: "created", o: "desc", k: [fx.bCases[2]!.createdAt.toISOString()], id: fx.bCases[2]!.id }),
      }),
      expect: (result, fx) =>
        expect(idsOf((result as { items: CaseDetail[] }).items).filter((id) => idsOf(fx.bCases).includes(id))).toEqual([]),
    },
    {
      name: "searching B's title finds nothing",
      input: (fx) => ({ q: fx.bCases[0]!.title }),
      expect: (result) => expect((result as { items: CaseDetail[] }).items).toEqual([]),
    },
  ],
  "cases.get": [
    { name: "B's case id", input: (fx) => ({ id: fx.bCases[0]!.id }), expect: "NOT_FOUND" },
    { name: "a number only B has", input: (fx) => ({ number: fx.bCases[9]!.number }), expect: "NOT_FOUND" },
    {
      name: "a number both have resolves to A's case",
      input: (fx) => ({ number: fx.aCases[0]!.number }),
      expect: (result, fx) => expect((result as CaseDetail).id).toBe(fx.aCases[0]!.id),
    },
  ],
  "cases.create": [
    {
      // Input schemas strip unknown keys; this proves a smuggled tenantId is not honoured anywhere.
      name: "a smuggled tenantId of B is ignored: the case lands in A",
      input: (fx) => ({ title: "Smuggled into B?", tenantId: fx.b.id }),
      expect: async (result, fx) => {
        const id = (result as CaseDetail).id;
        const row = await withPrivilegedDb("test check", (db) => db.case.findFirstOrThrow({ where: { id } }));
        expect(row.tenantId).toBe(fx.a.id);
      },
    },
    { name: "a case in B's team", input: (fx) => ({ title: "Into B's team?", teamId: fx.bEscalation.teamId }), expect: "NOT_FOUND" },
  ],
  "cases.counts": [
    {
      name: "counts A's cases only",
      input: () => ({}),
      expect: async (result, fx) => expect((result as { all: number }).all).toBe(await caseCountOf(fx.a.id)),
    },
  ],
  "cases.tags": [
    {
      name: "suggests A's tags only, never one of B's",
      input: () => ({ limit: 50 }),
      expect: async (result, fx) => {
        const tags = (result as { tag: string }[]).map((t) => t.tag);
        expect(tags).toContain("alpha-tag");
        expect(fx.bCases.flatMap((c) => c.tags)).toContain("bravo-secret-tag");
        expect(tags).not.toContain("bravo-secret-tag");
      },
    },
  ],
  "cases.display": [{ name: "the caller's own display, defaults for a new member", input: () => undefined, expect: (result) => expect(result).toMatchObject({ density: "comfortable" }), asKey: "FORBIDDEN" }],
  "cases.setDisplay": [
    {
      name: "stored on the caller's membership in A only",
      input: () => ({ density: "compact" }),
      expect: async (_result, fx) => {
        const rows = await withPrivilegedDb("test check", (db) =>
          db.membership.findMany({ where: { tenantId: { in: [fx.a.id, fx.b.id] }, NOT: { listDisplay: { equals: Prisma.DbNull } } }, select: { tenantId: true, userId: true } }),
        );
        expect(rows).toEqual([{ tenantId: fx.a.id, userId: fx.a.users.OWNER.id }]);
      },
      asKey: "FORBIDDEN",
    },
  ],
  "cases.timeline": [{ name: "B's case", input: (fx) => ({ caseId: fx.bCases[1]!.id }), expect: "NOT_FOUND" }],
  "chat.visitor": [{ name: "B's case", input: (fx) => ({ caseId: fx.bCases[1]!.id }), expect: "NOT_FOUND" }],
  "cases.update": [
    { name: "B's case", input: (fx) => ({ id: fx.bCases[0]!.id, version: fx.bCases[0]!.version, title: "Hijacked" }), expect: "NOT_FOUND" },
    {
      name: "A's case linked to B's customer",
      input: (fx) => ({ id: fx.aCases[0]!.id, version: 1, customerId: fx.bRows.customerId }),
      expect: "NOT_FOUND",
    },
  ],
  "cases.transition": [{ name: "B's case", input: (fx) => ({ id: fx.bCases[0]!.id, to: "OPEN" }), expect: "NOT_FOUND" }],
  "cases.assign": [
    { name: "B's case", input: (fx) => ({ id: fx.bCases[0]!.id, assigneeId: null }), expect: "NOT_FOUND" },
    { name: "A's case to B's agent", input: (fx) => ({ id: fx.aCases[0]!.id, assigneeId: fx.b.users.AGENT.id }), expect: "NOT_FOUND" },
    { name: "A's case to B's team", input: (fx) => ({ id: fx.aCases[0]!.id, teamId: fx.bEscalation.teamId }), expect: "NOT_FOUND" },
  ],
  "cases.follow": [
    { name: "B's case", input: (fx) => ({ id: fx.bCases[0]!.id, userId: fx.a.users.AGENT.id }), expect: "NOT_FOUND" },
    { name: "A's case for B's agent", input: (fx) => ({ id: fx.aCases[0]!.id, userId: fx.b.users.AGENT.id }), expect: "NOT_FOUND" },
  ],
  "cases.unfollow": [{ name: "B's case", input: (fx) => ({ id: fx.bCases[1]!.id, userId: fx.b.users.OWNER.id }), expect: "NOT_FOUND" }],
  "cases.addMessage": [
    { name: "B's case", input: (fx) => ({ caseId: fx.bCases[0]!.id, kind: "INTERNAL_NOTE", body: "Planted note" }), expect: "NOT_FOUND" },
    {
      name: "A's case, seen up to B's message",
      input: (fx) => ({ caseId: fx.aCases[0]!.id, kind: "INTERNAL_NOTE", body: "Probe", seenUpTo: fx.bRows.messageId }),
      expect: "NOT_FOUND",
    },
  ],
  "cases.merge": [
    { name: "B's case into A's", input: (fx) => ({ sourceId: fx.bCases[0]!.id, targetId: fx.aCases[0]!.id }), expect: "NOT_FOUND" },
    { name: "A's case into B's", input: (fx) => ({ sourceId: fx.aCases[0]!.id, targetId: fx.bCases[0]!.id }), expect: "NOT_FOUND" },
  ],
  "cases.bulkUpdate": [
    {
      name: "B's ids match nothing",
      input: (fx) => ({ target: { ids: fx.bCases.map((c) => c.id) }, priority: "URGENT", addTags: ["hijacked"] }),
      expect: (result) => expect(result).toMatchObject({ matched: 0, updated: 0 }),
    },
    {
      name: "a filter naming B's customer matches nothing",
      input: (fx) => ({ target: { filter: { customerId: fx.bRows.customerId } }, priority: "LOW" }),
      expect: (result) => expect(result).toMatchObject({ matched: 0, updated: 0 }),
    },
  ],
  "customers.list": [
    {
      name: "B's customer's exact email finds nothing",
      input: (fx) => ({ q: fx.bRows.customerEmail }),
      expect: (result) => expect((result as { items: unknown[] }).items).toEqual([]),
    },
    {
      name: "B's customer's name finds nothing",
      input: () => ({ q: "Private Customer" }),
      expect: (result) => expect((result as { items: unknown[] }).items).toEqual([]),
    },
  ],
  "customers.get": [{ name: "B's customer", input: (fx) => ({ id: fx.bRows.customerId }), expect: "NOT_FOUND" }],
  "customers.create": [
    {
      name: "a smuggled tenantId of B is ignored: the customer lands in A",
      input: (fx) => ({ name: "Smuggled", email: uniqueEmail("smuggled"), tenantId: fx.b.id }),
      expect: async (result, fx) => {
        const id = (result as { id: string }).id;
        const row = await withPrivilegedDb("test check", (db) => db.customer.findFirstOrThrow({ where: { id } }));
        expect(row.tenantId).toBe(fx.a.id);
      },
    },
  ],
  "customers.update": [{ name: "B's customer", input: (fx) => ({ id: fx.bRows.customerId, version: 1, name: "Hijacked" }), expect: "NOT_FOUND" }],
  "customers.rotateEncryption": [
    {
      name: "enqueues a job of A only",
      input: () => ({}),
      expect: async (result, fx) => {
        const id = (result as { jobId: string }).jobId;
        const row = await withPrivilegedDb("test check", (db) => db.job.findUniqueOrThrow({ where: { id } }));
        expect(row.tenantId).toBe(fx.a.id);
      },
    },
  ],
  "views.list": [
    {
      name: "none of B's views, shared ones included",
      input: () => undefined,
      expect: (result, fx) => expect((result as { id: string }[]).map((v) => v.id)).not.toContain(fx.bRows.viewId),
    },
  ],
  "views.create": [
    {
      name: "a smuggled tenantId of B is ignored: the view lands in A",
      input: (fx) => ({ name: "Smuggled view", filters: {}, shared: true, tenantId: fx.b.id }),
      expect: async (result, fx) => {
        const id = (result as { id: string }).id;
        const row = await withPrivilegedDb("test check", (db) => db.savedView.findFirstOrThrow({ where: { id } }));
        expect(row.tenantId).toBe(fx.a.id);
      },
    },
  ],
  "views.update": [{ name: "B's shared view", input: (fx) => ({ id: fx.bRows.viewId, name: "Hijacked" }), expect: "NOT_FOUND" }],
  "views.delete": [{ name: "B's shared view", input: (fx) => ({ id: fx.bRows.viewId }), expect: "NOT_FOUND" }],
  "cannedResponses.list": [
    {
      name: "none of B's responses, shared ones included, even searching B's title",
      input: () => ({ q: "Team greeting" }),
      expect: (result, fx) => expect((result as { id: string }[]).map((r) => r.id)).not.toContain(fx.bRows.cannedResponseId),
    },
  ],
  "cannedResponses.create": [
    {
      name: "a smuggled tenantId of B is ignored: the response lands in A",
      input: (fx) => ({ title: "Smuggled response", body: "Hi", shared: true, tenantId: fx.b.id }),
      expect: async (result, fx) => {
        const id = (result as { id: string }).id;
        const row = await withPrivilegedDb("test check", (db) => db.cannedResponse.findFirstOrThrow({ where: { id } }));
        expect(row.tenantId).toBe(fx.a.id);
      },
    },
  ],
  "cannedResponses.update": [{ name: "B's shared response", input: (fx) => ({ id: fx.bRows.cannedResponseId, title: "Hijacked" }), expect: "NOT_FOUND" }],
  "cannedResponses.delete": [{ name: "B's shared response", input: (fx) => ({ id: fx.bRows.cannedResponseId }), expect: "NOT_FOUND" }],
  "cannedResponses.render": [
    { name: "B's shared response on A's case", input: (fx) => ({ id: fx.bRows.cannedResponseId, caseId: fx.aCases[0]!.id }), expect: "NOT_FOUND" },
    { name: "A's response on B's case", input: (fx) => ({ id: fx.aCannedResponseId, caseId: fx.bCases[0]!.id }), expect: "NOT_FOUND" },
  ],
  "macros.list": [
    {
      name: "none of B's macros, shared ones included, even searching B's name",
      input: () => ({ q: "Escalate" }),
      expect: (result, fx) => expect((result as { id: string }[]).map((r) => r.id)).not.toContain(fx.bRows.macroId),
    },
  ],
  "macros.create": [
    {
      name: "a smuggled tenantId of B is ignored: the macro lands in A",
      input: (fx) => ({ name: "Smuggled macro", actions: { priority: "LOW" }, shared: true, tenantId: fx.b.id }),
      expect: async (result, fx) => {
        const id = (result as { id: string }).id;
        const row = await withPrivilegedDb("test check", (db) => db.macro.findFirstOrThrow({ where: { id } }));
        expect(row.tenantId).toBe(fx.a.id);
      },
    },
    { name: "a macro moving cases to B's team", input: (fx) => ({ name: "To B's team", actions: { teamId: fx.bEscalation.teamId } }), expect: "NOT_FOUND" },
    { name: "a macro assigning to B's member", input: (fx) => ({ name: "To B's agent", actions: { assigneeId: fx.b.users.AGENT.id } }), expect: "NOT_FOUND" },
  ],
  "macros.update": [
    { name: "B's shared macro", input: (fx) => ({ id: fx.bRows.macroId, name: "Hijacked" }), expect: "NOT_FOUND" },
    { name: "A's macro changed to B's team", input: (fx) => ({ id: fx.aMacroId, actions: { teamId: fx.bEscalation.teamId } }), expect: "NOT_FOUND" },
  ],
  "macros.delete": [{ name: "B's shared macro", input: (fx) => ({ id: fx.bRows.macroId }), expect: "NOT_FOUND" }],
  "macros.render": [
    { name: "B's shared macro on A's case", input: (fx) => ({ id: fx.bRows.macroId, caseId: fx.aCases[0]!.id }), expect: "NOT_FOUND" },
    { name: "A's macro on B's case", input: (fx) => ({ id: fx.aMacroId, caseId: fx.bCases[0]!.id }), expect: "NOT_FOUND" },
  ],
  "macros.run": [
    { name: "B's shared macro on A's case", input: (fx) => ({ id: fx.bRows.macroId, caseIds: [fx.aCases[0]!.id] }), expect: "NOT_FOUND" },
    { name: "A's macro on B's case", input: (fx) => ({ id: fx.aMacroId, caseIds: [fx.bCases[0]!.id] }), expect: "NOT_FOUND" },
    { name: "A's macro on A's and B's cases together", input: (fx) => ({ id: fx.aMacroId, caseIds: [fx.aCases[0]!.id, fx.bCases[0]!.id] }), expect: "NOT_FOUND" },
  ],
  "notifications.list": [
    {
      name: "none of B's notifications",
      input: () => ({}),
      expect: (result, fx) => expect((result as { items: { id: string }[] }).items.map((n) => n.id)).not.toContain(fx.bRows.notificationId),
    },
  ],
  "notifications.markRead": [{ name: "B's notification", input: (fx) => ({ ids: [fx.bRows.notificationId] }), expect: "NOT_FOUND" }],
  "notifications.update": [{ name: "B's notification done", input: (fx) => ({ ids: [fx.bRows.notificationId], action: "done" }), expect: "NOT_FOUND" }],
  "notifications.snooze": [
    { name: "B's notification snoozed", input: (fx) => ({ ids: [fx.bRows.notificationId], until: new Date(Date.now() + 3_600_000) }), expect: "NOT_FOUND" },
  ],
  "realtime.events": [
    {
      name: "catching up from the start replays none of B's events",
      input: () => ({ lastEventId: "0" }),
      expect: async (result, fx) => {
        const iterator = (result as AsyncIterable<[string, RealtimeMessage]>)[Symbol.asyncIterator]();
        const bIds = new Set([...fx.bCases.map((c) => c.id), ...Object.values(fx.b.users).map((u) => u.id), fx.bRows.notificationId]);
        const replayed: string[] = [];
        for (;;) {
          const { value, done } = await iterator.next();
          if (done || value[1].type === "ready") break;
          if (value[1].type === "event") replayed.push(value[1].entityId);
        }
        await iterator.return?.(undefined);
        expect(replayed.length).toBeGreaterThan(0);
        expect(replayed.filter((id) => bIds.has(id))).toEqual([]);
      },
    },
  ],
  "realtime.position": [
    {
      name: "A's own log position, not B's",
      input: () => undefined,
      expect: async (result, fx) => {
        const seqOf = (tenantId: string) =>
          withPrivilegedDb("test check", (db) => db.realtimeCounter.findUnique({ where: { tenantId }, select: { lastSeq: true } }));
        expect(result).toEqual({ seq: Number((await seqOf(fx.a.id))?.lastSeq ?? 0) });
      },
    },
  ],
  "realtime.presence": [{ name: "B's case", input: (fx) => ({ caseId: fx.bCases[0]!.id, state: "viewing" }), expect: "NOT_FOUND" }],
  "notifications.preferences": [
    {
      name: "the caller's own choices: one per kind, nothing of B",
      input: () => undefined,
      expect: (result) => expect((result as { preferences: { kind: string }[] }).preferences.map((p) => p.kind).sort()).toEqual([...NOTIFICATION_KINDS].sort()),
      asKey: "FORBIDDEN",
    },
  ],
  "notifications.updatePreferences": [
    {
      name: "stored for the caller in A only",
      input: () => ({ preferences: [{ kind: "mention", inApp: false, email: "digest" }] }),
      expect: async (_result, fx) => {
        const rows = await withPrivilegedDb("test check", (db) => db.notificationPreference.findMany({ where: { kind: "mention", email: "digest" }, select: { tenantId: true, userId: true } }));
        expect(rows.filter((r) => r.tenantId === fx.b.id)).toEqual([]);
        expect(rows).toContainEqual({ tenantId: fx.a.id, userId: fx.a.users.OWNER.id });
      },
      asKey: "FORBIDDEN",
    },
  ],
};
