// Two agents must not answer the same customer unawares: a message written without knowledge of
// a newer public reply by someone else is refused (CONFLICT / NEW_REPLIES) until the author says
// to send it anyway; nothing is written by the refused call.
import { describe, expect, it } from "vitest";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestCases, createTestTenant } from "@/test/factories";
import { snapshotTenant } from "@/test/tenant-snapshot";

describe("cases.addMessage collision check", () => {
  it("refuses a reply written before a colleague's reply arrived, names it, and sends when told to", async () => {
    const tenant = await createTestTenant("collide");
    const [c] = await createTestCases(tenant, ["Where is my order?"]);
    const [ava, ben] = [await callerFor(tenant.users.AGENT, tenant.slug), await callerFor(tenant.users.ADMIN, tenant.slug)];
    const first = await ava.cases.addMessage({ caseId: c!.id, kind: "INTERNAL_NOTE", body: "Checking the warehouse" });

    // Both open the composer having seen the note; Ben replies first.
    const bens = await ben.cases.addMessage({ caseId: c!.id, kind: "PUBLIC_REPLY", body: "It ships today", seenUpTo: first.message.id });
    const before = await snapshotTenant(tenant.id);
    const refused = await expectAppError(
      ava.cases.addMessage({ caseId: c!.id, kind: "PUBLIC_REPLY", body: "It ships tomorrow", seenUpTo: first.message.id }),
      "CONFLICT",
    );
    expect(refused.message).toBe("A new reply arrived while you were writing");
    expect(refused.details).toEqual({ reason: "NEW_REPLIES", messageIds: [bens.message.id] });
    // A note is held back the same way: it may no longer be true either.
    await expectAppError(ava.cases.addMessage({ caseId: c!.id, kind: "INTERNAL_NOTE", body: "Told them tomorrow", seenUpTo: first.message.id }), "CONFLICT");
    expect(await snapshotTenant(tenant.id)).toEqual(before);

    // Having seen Ben's reply, or choosing to send anyway, goes through.
    await ava.cases.addMessage({ caseId: c!.id, kind: "INTERNAL_NOTE", body: "Saw it", seenUpTo: bens.message.id });
    const anyway = await ava.cases.addMessage({ caseId: c!.id, kind: "PUBLIC_REPLY", body: "Correction: tomorrow", seenUpTo: first.message.id, sendAnyway: true });
    expect(anyway.message).toMatchObject({ type: "message", body: "Correction: tomorrow" });
  });

  it("does not count the author's own replies, or notes, and checks an empty conversation (seenUpTo null)", async () => {
    const tenant = await createTestTenant("collide-own");
    const [c] = await createTestCases(tenant, ["Refund please"]);
    const [ava, ben] = [await callerFor(tenant.users.AGENT, tenant.slug), await callerFor(tenant.users.ADMIN, tenant.slug)];
    await ava.cases.addMessage({ caseId: c!.id, kind: "PUBLIC_REPLY", body: "On it", seenUpTo: null });
    await ben.cases.addMessage({ caseId: c!.id, kind: "INTERNAL_NOTE", body: "FYI approved" });
    // Ava's own reply and Ben's note are no collision for Ava...
    await ava.cases.addMessage({ caseId: c!.id, kind: "PUBLIC_REPLY", body: "Refunded", seenUpTo: null });
    // ...but for Ben, who saw nothing, Ava's two replies are.
    const error = await expectAppError(ben.cases.addMessage({ caseId: c!.id, kind: "PUBLIC_REPLY", body: "Refund done", seenUpTo: null }), "CONFLICT");
    expect(error.message).toBe("2 new replies arrived while you were writing");
  });

  it("refuses a seenUpTo that is not a message of the case (another case's, another tenant's) as NOT_FOUND", async () => {
    const [a, b] = [await createTestTenant("collide-a"), await createTestTenant("collide-b")];
    const [ca, cb] = [...(await createTestCases(a, ["A's case"])), ...(await createTestCases(b, ["B's case"]))];
    const theirs = await (await callerFor(b.users.AGENT, b.slug)).cases.addMessage({ caseId: cb!.id, kind: "PUBLIC_REPLY", body: "B's reply" });
    const error = await expectAppError(
      (await callerFor(a.users.AGENT, a.slug)).cases.addMessage({ caseId: ca!.id, kind: "PUBLIC_REPLY", body: "x", seenUpTo: theirs.message.id }),
      "NOT_FOUND",
    );
    expect(error.message).toBe("Message not found");
  });
});
