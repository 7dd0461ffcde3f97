import { createTRPCRouter } from "@/server/api/trpc";
import { createEscalationRule } from "./create-escalation-rule";
import { deleteEscalationRule } from "./delete-escalation-rule";
import { listEscalationRules } from "./list-escalation-rules";
import { updateEscalationRule } from "./update-escalation-rule";

export const escalationRulesRouter = createTRPCRouter({
  list: listEscalationRules,
  create: createEscalationRule,
  update: updateEscalationRule,
  delete: deleteEscalationRule,
});
