-- CreateTable
CREATE TABLE "realtime_counters" (
    "tenant_id" UUID NOT NULL,
    "last_seq" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "realtime_counters_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "realtime_events" (
    "tenant_id" UUID NOT NULL,
    "seq" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,
    "user_id" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "realtime_events_pkey" PRIMARY KEY ("tenant_id","seq")
);

-- CreateIndex
CREATE INDEX "realtime_events_created_at_idx" ON "realtime_events"("created_at");

-- ---- Hand-written: isolation and grants ----

-- Tenant isolation, as for every tenant-owned table (see the init migration).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['realtime_counters', 'realtime_events'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO caseboard_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('CREATE POLICY privileged_access ON %I TO caseboard_privileged USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

-- The application appends to the log and reads it; only the privileged cleanup deletes from it.
GRANT SELECT, INSERT, UPDATE ON realtime_counters TO caseboard_app;
GRANT SELECT, INSERT ON realtime_events TO caseboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON realtime_counters, realtime_events TO caseboard_privileged;
