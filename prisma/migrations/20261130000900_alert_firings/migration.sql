-- AlterTable
ALTER TABLE "alerts" ADD COLUMN     "firings" TIMESTAMPTZ(3)[] DEFAULT ARRAY[]::TIMESTAMPTZ(3)[];

-- Hand-written: alerts that fired before this column existed start their history with the first
-- and the last firing they recorded.
UPDATE "alerts" SET "firings" = CASE WHEN "occurrences" > 1 THEN ARRAY["first_fired_at", "last_fired_at"] ELSE ARRAY["first_fired_at"] END;

-- CreateIndex
CREATE INDEX "audit_events_tenant_id_target_type_target_id_created_at_idx" ON "audit_events"("tenant_id", "target_type", "target_id", "created_at" DESC);
