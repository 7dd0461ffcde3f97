// Rows of the case workspace (customer, shared view, shared canned response and macro, chat widget, a mention
// notification, a follower, a message) created in a tenant through its own procedures, for tests that attack them from
// another tenant.
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { callerFor, type TestTenant } from "./factories";

export interface WorkspaceRows {
  customerId: string;
  customerEmail: string;
  viewId: string;
  /** A shared canned response. */
  cannedResponseId: string;
  /** A shared macro. */
  macroId: string;
  /** A notification of the tenant's AGENT (mentioned by its OWNER). */
  notificationId: string;
  /** The note that mentioned the AGENT. */
  messageId: string;
  /** The stored (encrypted) identity secret of the tenant's chat widget. */
  chatWidgetSecret: string | null;
}

let counter = 0;

export async function createWorkspaceRows(tenant: TestTenant, caseId: string): Promise<WorkspaceRows> {
  const owner = await callerFor(tenant.users.OWNER, tenant.slug);
  const customerEmail = `customer-${tenant.slug}-${counter++}@example.test`;
  const customer = await owner.customers.create({ name: "Private Customer", email: customerEmail, phone: "+31 6 1234 5678" });
  await owner.cases.update({ id: caseId, version: 1, customerId: customer.id });
  const view = await owner.views.create({ name: "Team view", filters: { status: ["OPEN"] }, shared: true });
  const canned = await owner.cannedResponses.create({ title: "Team greeting", body: "Hello {{customer.name}}", shared: true });
  const macro = await owner.macros.create({ name: "Escalate", actions: { priority: "URGENT", addTags: ["escalated"] }, shared: true });
  await owner.chatWidget.update({ greeting: "Tenant's own greeting", allowedOrigins: ["https://private.example"] });
  await owner.chatWidget.rotateSecret({});
  const chatWidgetSecret = await withPrivilegedDb("test fixture", async (db) => (await db.chatWidget.findUniqueOrThrow({ where: { tenantId: tenant.id } })).secretCiphertext);
  const agentHandle = tenant.users.AGENT.email;
  const note = await owner.cases.addMessage({ caseId, kind: "INTERNAL_NOTE", body: `Please look at this @${agentHandle}` });
  const notification = await withPrivilegedDb("test fixture", (db) =>
    db.notification.findFirstOrThrow({ where: { tenantId: tenant.id, userId: tenant.users.AGENT.id }, select: { id: true } }),
  );
  return { customerId: customer.id, customerEmail, viewId: view.id, cannedResponseId: canned.id, macroId: macro.id, notificationId: notification.id, messageId: note.message.id, chatWidgetSecret };
}

/** A unique email per call, for creates the matrix runs twice (as a member and as a key). */
export const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}-${counter++}@example.test`;
