// The demo tenants' canned responses: three the team shares (owned by the owner, as an admin
// would have made them) and one personal to the first agent, so `/` in a reply has something
// to offer and the settings page shows both groups.
import type { PrivilegedDb } from "@/server/db/privileged-db";

export async function seedCannedResponses(tx: PrivilegedDb, tenantId: string, ownerId: string, agentId: string): Promise<void> {
  await tx.cannedResponse.createMany({
    data: [
      {
        tenantId,
        ownerId,
        shared: true,
        title: "Greeting",
        body: "Hi {{customer.firstName}},\n\nThanks for getting in touch about case #{{case.number}}. I'm looking into it now and will get back to you today.",
      },
      {
        tenantId,
        ownerId,
        shared: true,
        title: "Refund policy",
        body: "Refunds go back to the original payment method within 5 working days of our approval. You'll get an e-mail as soon as it is on its way.",
      },
      {
        tenantId,
        ownerId,
        shared: true,
        title: "Waiting for details",
        body: "Could you send us the order number and a photo of the problem? As soon as we have them we'll pick this up again.",
      },
      { tenantId, ownerId: agentId, title: "Sign-off", body: "Kind regards,\n{{agent.name}}\n{{tenant.name}} support" },
    ],
  });
}
