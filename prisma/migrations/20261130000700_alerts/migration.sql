-- CreateEnum
CREATE TYPE "AlertSeverity" AS ENUM ('INFO', 'WARNING', 'CRITICAL');

-- CreateEnum
CREATE TYPE "AlertSource" AS ENUM ('RULE', 'API', 'SYSTEM', 'ALERTMANAGER');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('ACTIVE', 'ACKNOWLEDGED', 'RESOLVED');

-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "alert_id" UUID;

-- CreateTable
CREATE TABLE "alerts" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "severity" "AlertSeverity" NOT NULL DEFAULT 'WARNING',
    "business_unit" TEXT,
    "source" "AlertSource" NOT NULL DEFAULT 'API',
    "status" "AlertStatus" NOT NULL DEFAULT 'ACTIVE',
    "acknowledged_by_id" UUID,
    "acknowledged_at" TIMESTAMPTZ(3),
    "resolved_by_id" UUID,
    "resolved_at" TIMESTAMPTZ(3),
    "resolution_note" TEXT,
    "dedupe_key" TEXT,
    "occurrences" INTEGER NOT NULL DEFAULT 1,
    "first_fired_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_fired_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "related_case_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "assignee_id" UUID,
    "team_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE INDEX "alerts_tenant_id_last_fired_at_id_idx" ON "alerts"("tenant_id", "last_fired_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "alerts_tenant_id_status_last_fired_at_id_idx" ON "alerts"("tenant_id", "status", "last_fired_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "alerts_tenant_id_severity_last_fired_at_id_idx" ON "alerts"("tenant_id", "severity", "last_fired_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "alerts_tenant_id_dedupe_key_key" ON "alerts"("tenant_id", "dedupe_key");

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_alert_id_fkey" FOREIGN KEY ("tenant_id", "alert_id") REFERENCES "alerts"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
-- Hand-edited: a composite foreign key's SET NULL names the column to clear (as in
-- 20261130000600_citus_ready_keys); clearing tenant_id too would break NOT NULL.
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_tenant_id_team_id_fkey" FOREIGN KEY ("tenant_id", "team_id") REFERENCES "teams"("tenant_id", "id") ON DELETE SET NULL ("team_id") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_id_fkey" FOREIGN KEY ("acknowledged_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---- Hand-written: isolation and grants ----

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['alerts'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO caseboard_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('CREATE POLICY privileged_access ON %I TO caseboard_privileged USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON alerts TO caseboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON alerts TO caseboard_privileged;
