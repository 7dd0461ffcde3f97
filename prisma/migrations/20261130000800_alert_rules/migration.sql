-- CreateEnum
CREATE TYPE "AlertRuleKind" AS ENUM ('VOLUME_SPIKE', 'SLA_BREACHES', 'UNASSIGNED_AGE', 'BACKLOG', 'KEYWORD');

-- CreateTable
CREATE TABLE "alert_rules" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AlertRuleKind" NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "severity" "AlertSeverity" NOT NULL DEFAULT 'WARNING',
    "business_unit" TEXT,
    "assignee_id" UUID,
    "team_id" UUID,
    "cooldown_minutes" INTEGER NOT NULL DEFAULT 30,
    "last_evaluated_at" TIMESTAMPTZ(3),
    "last_fired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "alert_rules_tenant_id_name_key" ON "alert_rules"("tenant_id", "name");

-- CreateIndex
CREATE INDEX "cases_tenant_id_first_response_due_at_id_idx" ON "cases"("tenant_id", "first_response_due_at", "id");

-- AddForeignKey
-- Hand-edited: a composite foreign key's SET NULL names the column to clear (as in
-- 20261130000600_citus_ready_keys); clearing tenant_id too would break NOT NULL.
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_tenant_id_team_id_fkey" FOREIGN KEY ("tenant_id", "team_id") REFERENCES "teams"("tenant_id", "id") ON DELETE SET NULL ("team_id") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---- Hand-written: isolation and grants ----

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['alert_rules'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO caseboard_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('CREATE POLICY privileged_access ON %I TO caseboard_privileged USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON alert_rules TO caseboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON alert_rules TO caseboard_privileged;
