// The demo tenants' macros: two the team shares and one personal to the first agent, so `/` in a
// reply, the bulk bar and ⌘K have something to apply, and the settings page shows both groups.
import type { PrivilegedDb } from "@/server/db/privileged-db";
import type { MacroActionsInput } from "@/lib/validations/macro";

export async function seedMacros(tx: PrivilegedDb, tenantId: string, ids: { ownerId: string; agentId: string; billingTeamId: string | null }): Promise<void> {
  const macros: { name: string; ownerId: string; shared: boolean; actions: MacroActionsInput }[] = [
    {
      name: "Ask for order details",
      ownerId: ids.ownerId,
      shared: true,
      actions: {
        reply: { kind: "PUBLIC_REPLY", body: "Hi {{customer.firstName}},\n\nCould you send us the order number and a photo of the problem? We'll pick this up as soon as we have them." },
        status: "PENDING",
        addTags: ["needs-info"],
      },
    },
    {
      name: "Hand to Billing",
      ownerId: ids.ownerId,
      shared: true,
      actions: {
        reply: { kind: "INTERNAL_NOTE", body: "Billing question: handing over to the Billing team." },
        ...(ids.billingTeamId ? { teamId: ids.billingTeamId } : {}),
        assigneeId: null,
        addTags: ["billing"],
        priority: "HIGH",
      },
    },
    { name: "Take and open", ownerId: ids.agentId, shared: false, actions: { assigneeId: "me", status: "OPEN" } },
  ];
  await tx.macro.createMany({ data: macros.map((m) => ({ tenantId, ...m })) });
}
