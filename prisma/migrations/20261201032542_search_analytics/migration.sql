-- CreateEnum
CREATE TYPE "SearchSurface" AS ENUM ('PAGE', 'PALETTE', 'API');

-- CreateTable
CREATE TABLE "search_events" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "user_id" UUID,
    "query" TEXT NOT NULL,
    "kinds" TEXT[],
    "result_count" INTEGER NOT NULL,
    "latency_ms" INTEGER NOT NULL,
    "surface" "SearchSurface" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_events_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "search_opens" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "search_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "target_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_opens_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE INDEX "search_events_tenant_id_created_at_idx" ON "search_events"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "search_events_tenant_id_user_id_created_at_idx" ON "search_events"("tenant_id", "user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "search_events_created_at_idx" ON "search_events"("created_at");

-- CreateIndex
CREATE INDEX "search_opens_tenant_id_search_id_idx" ON "search_opens"("tenant_id", "search_id");

-- AddForeignKey
ALTER TABLE "search_events" ADD CONSTRAINT "search_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "search_events" ADD CONSTRAINT "search_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "search_opens" ADD CONSTRAINT "search_opens_tenant_id_search_id_fkey" FOREIGN KEY ("tenant_id", "search_id") REFERENCES "search_events"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "search_opens" ADD CONSTRAINT "search_opens_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---- Hand-written: isolation and grants ----

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['search_events', 'search_opens'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO caseboard_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('CREATE POLICY privileged_access ON %I TO caseboard_privileged USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON search_events, search_opens TO caseboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON search_events, search_opens TO caseboard_privileged;
