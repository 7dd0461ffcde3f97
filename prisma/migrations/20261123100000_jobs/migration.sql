-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('PENDING', 'RUNNING', 'FAILED', 'DEAD', 'CANCELLED', 'SUCCEEDED');

-- CreateTable
CREATE TABLE "jobs" (
    "id" UUID NOT NULL,
    "tenant_id" UUID,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" "JobStatus" NOT NULL DEFAULT 'PENDING',
    "priority" INTEGER NOT NULL DEFAULT 0,
    "run_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL DEFAULT 5,
    "dedupe_key" TEXT,
    "locked_by" TEXT,
    "locked_until" TIMESTAMPTZ(3),
    "progress" INTEGER NOT NULL DEFAULT 0,
    "stage" TEXT,
    "result" JSONB,
    "last_error" TEXT,
    "error_history" JSONB NOT NULL DEFAULT '[]',
    "cancel_requested_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "jobs_tenant_id_created_at_id_idx" ON "jobs"("tenant_id", "created_at" DESC, "id");

-- ---------------------------------------------------------------------------------------------
-- Hand-written: what Prisma's schema language cannot express.
-- ---------------------------------------------------------------------------------------------
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_progress_range" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_attempts_range" CHECK ("attempts" >= 0 AND "max_attempts" >= 1);

-- Claiming: runners read due jobs in this order and skip the ones other runners hold.
-- Partial, so finished jobs (nearly all rows, eventually) never slow it down.
CREATE INDEX "jobs_due_idx" ON "jobs" ("priority" DESC, "run_at", "id") WHERE "status" IN ('PENDING', 'FAILED');
-- Finding the jobs of runners that died (lease expired).
CREATE INDEX "jobs_lease_idx" ON "jobs" ("locked_until") WHERE "status" = 'RUNNING';
-- Idempotent enqueue: one unfinished job per tenant and key; system jobs (NULL tenant) share one namespace.
CREATE UNIQUE INDEX "jobs_dedupe_key_unfinished" ON "jobs" ("tenant_id", "dedupe_key") NULLS NOT DISTINCT
  WHERE "dedupe_key" IS NOT NULL AND "status" IN ('PENDING', 'RUNNING', 'FAILED');
-- A recurring slot is enqueued once, ever, whichever instance notices it first.
CREATE UNIQUE INDEX "jobs_recurring_slot_key" ON "jobs" ("dedupe_key") WHERE "dedupe_key" LIKE 'recurring:%';
-- Retention purge of finished jobs.
CREATE INDEX "jobs_finished_idx" ON "jobs" ("finished_at") WHERE "status" IN ('SUCCEEDED', 'CANCELLED', 'DEAD');

-- Tenant isolation, as for every tenant-owned table (see the init migration). A system job
-- (tenant_id NULL) never equals app_current_tenant(), so tenants cannot see or create one.
ALTER TABLE "jobs" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "jobs" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "jobs" TO caseboard_app
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
CREATE POLICY privileged_access ON "jobs" TO caseboard_privileged USING (true) WITH CHECK (true);

-- Tenants enqueue, watch, cancel and retry their own jobs; only runners and retention delete.
GRANT SELECT, INSERT, UPDATE ON "jobs" TO caseboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "jobs" TO caseboard_privileged;
