// Prometheus Alertmanager's webhook payload (version "4"), as its webhook receiver posts it:
// https://prometheus.io/docs/alerting/latest/configuration/#webhook_config. Fields we do not use
// are let through (a newer Alertmanager may add some); sizes are bounded so one request cannot
// make an unbounded transaction. Times stay text: Alertmanager sends "0001-01-01T00:00:00Z" as
// the endsAt of an alert still firing, a year no date input of ours accepts.
import { z } from "zod";
import { alertLabelsSchema } from "./alert";
import { text } from "./text";

export const ALERTMANAGER_MAX_ALERTS = 500;
const ANNOTATIONS_MAX = 64;

const amStatus = z.enum(["firing", "resolved"]);

/** Annotations carry prose (summary, description, runbook links), so values may be longer than labels'. */
const annotationsSchema = z
  .record(text().min(1).max(200), text().max(10_000))
  .refine((a) => Object.keys(a).length <= ANNOTATIONS_MAX, { message: `Use at most ${ANNOTATIONS_MAX} annotations` });

const timestamp = text().max(64);
const url = text().max(2000);

export const alertmanagerAlertSchema = z.looseObject({
  status: amStatus,
  labels: alertLabelsSchema.default({}),
  annotations: annotationsSchema.default({}),
  startsAt: timestamp.optional(),
  endsAt: timestamp.optional(),
  generatorURL: url.optional(),
  /** Alertmanager's stable id of the alert (a hash of its labels): our dedupe key. */
  fingerprint: text().trim().min(1).max(200),
});
export type AlertmanagerAlert = z.output<typeof alertmanagerAlertSchema>;

export const alertmanagerWebhookSchema = z.looseObject({
  version: text().max(16).optional(),
  groupKey: text().max(10_000).optional(),
  truncatedAlerts: z.number().int().min(0).optional(),
  status: amStatus.optional(),
  receiver: text().max(1000).optional(),
  groupLabels: alertLabelsSchema.optional(),
  commonLabels: alertLabelsSchema.optional(),
  commonAnnotations: annotationsSchema.optional(),
  externalURL: url.optional(),
  alerts: z
    .array(alertmanagerAlertSchema)
    .min(1, { message: "Send at least one alert" })
    .max(ALERTMANAGER_MAX_ALERTS, { message: `Send at most ${ALERTMANAGER_MAX_ALERTS} alerts at once (set max_alerts in the receiver)` }),
});
export type AlertmanagerWebhook = z.output<typeof alertmanagerWebhookSchema>;
