import { z } from "zod";
import { alertmanagerWebhookSchema } from "@/lib/validations/alertmanager";
import { tenantProcedure } from "@/server/api/trpc";
import { receiveAlertmanagerWebhook } from "@/server/services/alerts/alertmanager";

/**
 * Prometheus Alertmanager's webhook receiver (payload version 4), authenticated with an API key
 * in the Authorization header (`http_config.authorization` in alertmanager.yml). By fingerprint:
 * firing → created or recurred, resolved → resolved; a resolved alert never seen is ignored.
 */
export const receiveAlertmanager = tenantProcedure("alerts:manage")
  .meta({ openapi: { method: "POST", path: "/alerts/alertmanager", summary: "Prometheus Alertmanager webhook (version 4)" } })
  .input(alertmanagerWebhookSchema)
  .output(z.object({ created: z.number().int(), recurred: z.number().int(), resolved: z.number().int(), ignored: z.number().int() }))
  .mutation(({ ctx, input }) => receiveAlertmanagerWebhook(ctx.db, input));
