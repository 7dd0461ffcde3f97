// Teams and escalation rules made the privileged way, for tests of shares and escalations that
// must not depend on the teams screens (and for attacks on them from another tenant).
import { randomUUID } from "node:crypto";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import type { TestTenant } from "./factories";

export async function createTestTeam(tenant: TestTenant, name: string, userIds: string[]): Promise<string> {
  return withPrivilegedDb("test fixture", async (db) => {
    const team = await db.team.create({ data: { tenantId: tenant.id, name: `${name} ${randomUUID().slice(0, 4)}` }, select: { id: true } });
    if (userIds.length) await db.teamMember.createMany({ data: userIds.map((userId) => ({ tenantId: tenant.id, teamId: team.id, userId })) });
    return team.id;
  });
}

export interface EscalationRows {
  /** A team with the tenant's AGENT in it. */
  teamId: string;
  /** An enabled rule: URGENT unassigned for 15 minutes goes to "Tier 2" and that team. */
  ruleId: string;
}

export async function createEscalationRows(tenant: TestTenant): Promise<EscalationRows> {
  const teamId = await createTestTeam(tenant, "Escalations", [tenant.users.AGENT.id]);
  const rule = await withPrivilegedDb("test fixture", (db) =>
    db.escalationRule.create({
      data: { tenantId: tenant.id, name: "Urgent unassigned", priority: "URGENT", unassignedMinutes: 15, level: "Tier 2", teamId },
      select: { id: true },
    }),
  );
  return { teamId, ruleId: rule.id };
}
