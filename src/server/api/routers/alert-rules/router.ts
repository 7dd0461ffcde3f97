import { createTRPCRouter } from "@/server/api/trpc";
import { createAlertRule } from "./create-alert-rule";
import { deleteAlertRule } from "./delete-alert-rule";
import { listAlertRules } from "./list-alert-rules";
import { testAlertRule } from "./test-alert-rule";
import { updateAlertRule } from "./update-alert-rule";

export const alertRulesRouter = createTRPCRouter({
  list: listAlertRules,
  create: createAlertRule,
  update: updateAlertRule,
  delete: deleteAlertRule,
  test: testAlertRule,
});
