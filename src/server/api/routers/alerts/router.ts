import { createTRPCRouter } from "@/server/api/trpc";
import { acknowledgeAlert } from "./acknowledge-alert";
import { assignAlert } from "./assign-alert";
import { countAlerts } from "./count-alerts";
import { createAlert } from "./create-alert";
import { deleteAlert } from "./delete-alert";
import { getAlert } from "./get-alert";
import { listAlerts } from "./list-alerts";
import { receiveAlertmanager } from "./receive-alertmanager-webhook";
import { reopenAlert } from "./reopen-alert";
import { resolveAlert } from "./resolve-alert";
import { updateAlert } from "./update-alert";

// Order matters for REST: routes are matched in this order, so GET /alerts/count must come
// before GET /alerts/{id} (which would otherwise take "count" for an id).
export const alertsRouter = createTRPCRouter({
  list: listAlerts,
  count: countAlerts,
  get: getAlert,
  create: createAlert,
  update: updateAlert,
  acknowledge: acknowledgeAlert,
  resolve: resolveAlert,
  reopen: reopenAlert,
  assign: assignAlert,
  delete: deleteAlert,
  alertmanager: receiveAlertmanager,
});
