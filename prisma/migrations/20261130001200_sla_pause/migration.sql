-- SLA clocks pause while a case waits on the customer (PENDING) or is snoozed: when the pause
-- began, null while the clocks run (services/cases/sla-pause.ts). The tenant policy on cases
-- already covers the new column.
ALTER TABLE "cases" ADD COLUMN "sla_paused_at" TIMESTAMPTZ(3);
