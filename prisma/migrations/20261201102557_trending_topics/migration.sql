-- CreateTable
CREATE TABLE "topic_days" (
    "tenant_id" UUID NOT NULL,
    "term" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "cases" INTEGER NOT NULL,

    CONSTRAINT "topic_days_pkey" PRIMARY KEY ("tenant_id","term","day")
);

-- CreateTable
CREATE TABLE "trending_runs" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "window_end" TIMESTAMPTZ(3) NOT NULL,
    "cases" INTEGER NOT NULL,
    "candidates" INTEGER NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trending_runs_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "trending_topics" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "rank" INTEGER NOT NULL,
    "term" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "related" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "cases" INTEGER NOT NULL,
    "baseline" DOUBLE PRECISION NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "growth" DOUBLE PRECISION NOT NULL,
    "hourly" INTEGER[],
    "channels" JSONB NOT NULL,
    "business_units" JSONB NOT NULL,
    "sample_case_ids" UUID[],

    CONSTRAINT "trending_topics_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE INDEX "topic_days_day_idx" ON "topic_days"("day");

-- CreateIndex
CREATE INDEX "trending_runs_tenant_id_created_at_idx" ON "trending_runs"("tenant_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "trending_topics_tenant_id_run_id_term_key" ON "trending_topics"("tenant_id", "run_id", "term");

-- CreateIndex
CREATE INDEX "case_messages_tenant_id_created_at_idx" ON "case_messages"("tenant_id", "created_at");

-- AddForeignKey
ALTER TABLE "topic_days" ADD CONSTRAINT "topic_days_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trending_runs" ADD CONSTRAINT "trending_runs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trending_topics" ADD CONSTRAINT "trending_topics_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trending_topics" ADD CONSTRAINT "trending_topics_tenant_id_run_id_fkey" FOREIGN KEY ("tenant_id", "run_id") REFERENCES "trending_runs"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---- Hand-written: isolation and grants ----

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['topic_days', 'trending_runs', 'trending_topics'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO caseboard_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('CREATE POLICY privileged_access ON %I TO caseboard_privileged USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON topic_days, trending_runs, trending_topics TO caseboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON topic_days, trending_runs, trending_topics TO caseboard_privileged;
