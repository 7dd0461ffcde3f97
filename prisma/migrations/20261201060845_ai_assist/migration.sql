-- CreateEnum
CREATE TYPE "AgentRunOutcome" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DISMISSED', 'APPLIED');

-- AlterEnum
ALTER TYPE "FeedItemKind" ADD VALUE 'AI_PAUSED';

-- CreateTable
CREATE TABLE "agent_runs" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "agent" TEXT NOT NULL,
    "agent_version" INTEGER NOT NULL,
    "model" TEXT NOT NULL,
    "outcome" "AgentRunOutcome" NOT NULL DEFAULT 'RUNNING',
    "failure_reason" TEXT,
    "error" TEXT,
    "attempts" JSONB NOT NULL DEFAULT '[]',
    "tokens_in" INTEGER NOT NULL DEFAULT 0,
    "tokens_out" INTEGER NOT NULL DEFAULT 0,
    "latency_ms" INTEGER,
    "case_id" UUID,
    "user_id" UUID,
    "redactions" JSONB NOT NULL DEFAULT '{}',
    "prompt" JSONB,
    "output" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "agent_runs_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "case_suggestions" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'PENDING',
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_suggestions_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE INDEX "agent_runs_tenant_id_created_at_idx" ON "agent_runs"("tenant_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "agent_runs_tenant_id_agent_created_at_idx" ON "agent_runs"("tenant_id", "agent", "created_at" DESC);

-- CreateIndex
CREATE INDEX "agent_runs_created_at_idx" ON "agent_runs"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "case_suggestions_tenant_id_case_id_field_key" ON "case_suggestions"("tenant_id", "case_id", "field");

-- AddForeignKey
ALTER TABLE "agent_runs" ADD CONSTRAINT "agent_runs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_suggestions" ADD CONSTRAINT "case_suggestions_tenant_id_case_id_fkey" FOREIGN KEY ("tenant_id", "case_id") REFERENCES "cases"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_suggestions" ADD CONSTRAINT "case_suggestions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---- Hand-written: isolation and grants ----

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['agent_runs', 'case_suggestions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO caseboard_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('CREATE POLICY privileged_access ON %I TO caseboard_privileged USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON agent_runs, case_suggestions TO caseboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON agent_runs, case_suggestions TO caseboard_privileged;
