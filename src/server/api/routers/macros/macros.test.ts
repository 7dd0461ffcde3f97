// Macros: a named set of actions applied in one step and one transaction. A macro changes cases
// exactly as the bulk bar would, its reply is filled per case, and a macro that cannot apply
// whole applies not at all.
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { expectAppError } from "@/test/errors";
import { createTestTeam } from "@/test/escalation-fixtures";
import { apiKeyCaller, callerFor, createTestApiKey, createTestTenant, type TestTenant } from "@/test/factories";

let tenant: TestTenant;
type Caller = Awaited<ReturnType<typeof callerFor>>;
let agent: Caller;
let admin: Caller;
let viewer: Caller;
let teamId: string;

beforeAll(async () => {
  tenant = await createTestTenant("macros");
  agent = await callerFor(tenant.users.AGENT, tenant.slug);
  admin = await callerFor(tenant.users.ADMIN, tenant.slug);
  viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
  teamId = await createTestTeam(tenant, "Billing", [tenant.users.AGENT.id]);
});

const messagesOf = async (caseId: string) =>
  (await agent.cases.timeline({ caseId })).items.flatMap((i) => (i.type === "message" ? [{ kind: i.kind, body: i.body }] : []));

async function auditOf(targetId: string) {
  return withPrivilegedDb("test check", (db) =>
    db.auditEvent.findMany({ where: { tenantId: tenant.id, targetId }, orderBy: { seq: "asc" }, select: { action: true, diff: true } }),
  );
}

describe("macros", () => {
  it("replies, sets status, priority, tags, team and assignee in one step", async () => {
    const customer = await agent.customers.create({ name: "Grace Hopper", email: "grace@example.test" });
    const target = await agent.cases.create({ title: "Double charge", customerId: customer.id, tags: ["new-signup", "billing"] });
    const macro = await admin.macros.create({
      name: "Billing: waiting on bank",
      shared: true,
      actions: {
        reply: { body: "Hi {{customer.firstName}}, we asked the bank about #{{case.number}}. {{agent.firstName}}" },
        status: "PENDING",
        priority: "HIGH",
        addTags: ["refund"],
        removeTags: ["new-signup"],
        teamId,
        assigneeId: "me",
      },
    });
    // What the composer shows when the macro is picked: the reply filled for this case.
    const firstName = tenant.users.AGENT.name.split(" ")[0];
    const filled = `Hi Grace, we asked the bank about #${target.number}. ${firstName}`;
    expect(await agent.macros.render({ id: macro.id, caseId: target.id })).toEqual({ reply: { kind: "PUBLIC_REPLY", body: filled } });
    const result = await agent.macros.run({ id: macro.id, caseIds: [target.id] });
    expect(result).toMatchObject({ macro: { id: macro.id, name: "Billing: waiting on bank" }, matched: 1, replied: 1, updated: 1, skipped: 0 });

    const after = await agent.cases.get({ id: target.id });
    expect(after).toMatchObject({ status: "PENDING", priority: "HIGH", assignee: { id: tenant.users.AGENT.id }, team: { id: teamId } });
    expect(after.tags.sort()).toEqual(["billing", "refund"]);
    expect(result.changed).toEqual([{ id: target.id, version: after.version }]);
    expect(await messagesOf(target.id)).toEqual([{ kind: "PUBLIC_REPLY", body: filled }]);
    // The reply was the case's first response, made before the status change.
    expect(after.firstRespondedAt).not.toBeNull();
    // One audit entry names the macro and what it did.
    const [applied] = (await auditOf(macro.id)).filter((e) => e.action === "macro.applied");
    expect(applied!.diff).toMatchObject({ name: "Billing: waiting on bank", cases: 1, replied: 1, updated: 1, changes: { status: "PENDING", teamId } });
  });

  it("sends the composer's edited text instead of the macro's reply, with the collision check", async () => {
    const target = await agent.cases.create({ title: "Password reset loop" });
    const macro = await agent.macros.create({ name: "Resolve with note", actions: { reply: { kind: "INTERNAL_NOTE", body: "Fixed by reset" }, status: "RESOLVED" } });
    const first = await admin.cases.addMessage({ caseId: target.id, kind: "PUBLIC_REPLY", body: "Admin answered first" });
    // The composer had seen no message: a reply has arrived since, so nothing at all happens.
    const error = await expectAppError(
      agent.macros.run({ id: macro.id, caseIds: [target.id], message: { kind: "PUBLIC_REPLY", body: "Edited reply", seenUpTo: null } }),
      "CONFLICT",
    );
    expect(error.details?.reason).toBe("NEW_REPLIES");
    expect((await agent.cases.get({ id: target.id })).status).toBe("OPEN");

    await agent.macros.run({ id: macro.id, caseIds: [target.id], message: { kind: "PUBLIC_REPLY", body: "Edited reply", seenUpTo: first.message.id } });
    expect((await messagesOf(target.id)).map((m) => m.body)).toEqual(["Admin answered first", "Edited reply"]);
    expect((await agent.cases.get({ id: target.id })).status).toBe("RESOLVED");
    await expectAppError(agent.macros.run({ id: macro.id, caseIds: [target.id, target.id], message: { kind: "PUBLIC_REPLY", body: "x" } }), "BAD_REQUEST");
  });

  it("on several cases skips closed ones for the reply and counts refused transitions", async () => {
    const [open, toClose, resolved] = await Promise.all(["Open one", "Closed one", "Resolved one"].map((title) => agent.cases.create({ title })));
    for (const c of [toClose!, resolved!]) await agent.cases.transition({ id: c.id, to: "RESOLVED" });
    await agent.cases.transition({ id: toClose!.id, to: "CLOSED" });
    const macro = await agent.macros.create({ name: "Chase", actions: { reply: { body: "Any news on {{case.title}}?" }, status: "PENDING" } });

    const result = await agent.macros.run({ id: macro.id, caseIds: [open!.id, toClose!.id, resolved!.id] });
    // RESOLVED → PENDING is not a transition; the reply still reaches the resolved case.
    expect(result).toMatchObject({ matched: 3, replied: 2, updated: 1, skipped: 1, skippedReasons: { closed: 1, refusedTransition: 2 } });
    expect(await messagesOf(toClose!.id)).toEqual([]);
    expect((await messagesOf(resolved!.id)).map((m) => m.body)).toEqual(["Any news on Resolved one?"]);
    expect((await agent.cases.get({ id: open!.id })).status).toBe("PENDING");
    // One closed case alone is refused with its reason.
    await expectAppError(agent.macros.run({ id: macro.id, caseIds: [toClose!.id] }), "BAD_REQUEST");
  });

  it("applies not at all when it cannot apply whole", async () => {
    const target = await agent.cases.create({ title: "Stale macro target" });
    const goneTeam = await createTestTeam(tenant, "Short-lived", []);
    const macro = await admin.macros.create({ name: "To the short-lived team", shared: true, actions: { reply: { body: "Moving you on" }, teamId: goneTeam } });
    await admin.teams.delete({ id: goneTeam });
    const error = await expectAppError(agent.macros.run({ id: macro.id, caseIds: [target.id] }), "BAD_REQUEST");
    expect(error.details?.reason).toBe("MACRO_OUTDATED");
    expect(error.message).toContain("To the short-lived team");
    // Refused before any message was written.
    expect(await messagesOf(target.id)).toEqual([]);

    const missing = "0196f7a0-0000-7000-8000-000000000000";
    const reply = await agent.macros.create({ name: "Reply only", actions: { reply: { body: "Hello" } } });
    await expectAppError(agent.macros.run({ id: reply.id, caseIds: [target.id, missing] }), "NOT_FOUND");
    expect(await messagesOf(target.id)).toEqual([]);
  });

  it("refuses bad macros with field errors and keeps nothing", async () => {
    const typo = await expectAppError(agent.macros.create({ name: "Typo", actions: { reply: { body: "Hi {{customer.nam}}" } } }), "BAD_REQUEST");
    expect(JSON.stringify(typo.details?.fieldErrors)).toContain("{{customer.name}}");
    const empty = await expectAppError(agent.macros.create({ name: "Nothing", actions: {} }), "BAD_REQUEST");
    expect(JSON.stringify(empty.details?.fieldErrors)).toContain("Choose at least one action");
    // SNOOZED needs a time per case, CLOSED is a step of its own.
    await expectAppError(agent.macros.create({ name: "Snooze", actions: { status: "SNOOZED" as "OPEN" } }), "BAD_REQUEST");
    await expectAppError(agent.macros.create({ name: "Viewer", actions: { assigneeId: tenant.users.VIEWER.id } }), "BAD_REQUEST");
    const tooMany = Array.from({ length: 101 }, () => "0196f7a0-0000-7000-8000-000000000000");
    await expectAppError(agent.macros.run({ id: "0196f7a0-0000-7000-8000-000000000000", caseIds: tooMany }), "BAD_REQUEST");
    expect((await agent.macros.list({})).map((m) => m.name)).not.toContain("Typo");
  });

  it("keeps personal macros private and shared ones for admins to change; viewers have none", async () => {
    const mine = await agent.macros.create({ name: "My triage", actions: { priority: "LOW" } });
    expect(await agent.macros.render({ id: mine.id, caseId: (await agent.cases.create({ title: "Render target" })).id })).toEqual({ reply: null });
    await expectAppError(admin.macros.run({ id: mine.id, caseIds: [(await admin.cases.create({ title: "Someone else" })).id] }), "NOT_FOUND");
    await expectAppError(admin.macros.update({ id: mine.id, name: "Peeked" }), "NOT_FOUND");
    await expectAppError(agent.macros.create({ name: "For all", actions: { priority: "LOW" }, shared: true }), "FORBIDDEN", "PERMISSION_DENIED");
    const team = await admin.macros.create({ name: "Team triage", actions: { priority: "URGENT" }, shared: true });
    await expectAppError(agent.macros.delete({ id: team.id }), "FORBIDDEN", "PERMISSION_DENIED");
    expect((await agent.macros.list({ q: "triage" })).map((m) => [m.name, m.editable])).toEqual([
      ["My triage", true],
      ["Team triage", false],
    ]);
    await expectAppError(viewer.macros.list({}), "FORBIDDEN");
    await expectAppError(viewer.macros.run({ id: team.id, caseIds: [mine.id] }), "FORBIDDEN");
    const updated = await admin.macros.update({ id: team.id, name: "Team triage v2", actions: { priority: "HIGH", addTags: ["triaged"] } });
    expect(updated.actions).toEqual({ priority: "HIGH", addTags: ["triaged"] });
    await admin.macros.delete({ id: team.id });
    expect((await auditOf(team.id)).map((e) => e.action)).toEqual(["macro.created", "macro.updated", "macro.deleted"]);
  });

  it("through an API key: shared, and never 'me'", async () => {
    const key = await apiKeyCaller(await createTestApiKey(tenant, { role: "ADMIN" }), tenant.slug);
    const macro = await key.macros.create({ name: "Scripted assign", actions: { assigneeId: "me" } });
    expect(macro).toMatchObject({ shared: true, ownerId: null });
    const target = await key.cases.create({ title: "Scripted" });
    await expectAppError(key.macros.run({ id: macro.id, caseIds: [target.id] }), "BAD_REQUEST");
    // A member applying the same macro is "me".
    await agent.macros.run({ id: macro.id, caseIds: [target.id] });
    expect((await agent.cases.get({ id: target.id })).assignee?.id).toBe(tenant.users.AGENT.id);
    // Handing a case to someone else lands in their inbox, as a single assignment does.
    const handOver = await key.macros.create({ name: "To the admin", actions: { assigneeId: tenant.users.ADMIN.id } });
    await agent.macros.run({ id: handOver.id, caseIds: [target.id] });
    const told = await withPrivilegedDb("test check", (db) =>
      db.notification.findMany({ where: { tenantId: tenant.id, caseId: target.id, type: "assigned" }, select: { userId: true } }),
    );
    expect(told).toEqual([{ userId: tenant.users.ADMIN.id }]);
  });
});
