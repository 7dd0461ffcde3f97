-- CreateEnum
CREATE TYPE "FeedItemKind" AS ENUM ('ANNOUNCEMENT', 'ALERT_FIRED', 'ALERT_RESOLVED', 'SLA_BREACH_WAVE', 'IMPORT_FINISHED', 'TRENDING_SURGE', 'NEW_MEMBER', 'ESCALATION');

-- CreateEnum
CREATE TYPE "FeedPriority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'PINNED');

-- CreateEnum
CREATE TYPE "FeedAudienceKind" AS ENUM ('EVERYONE', 'BUSINESS_UNIT', 'TEAM', 'ROLE');

-- CreateTable
CREATE TABLE "feed_items" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "kind" "FeedItemKind" NOT NULL DEFAULT 'ANNOUNCEMENT',
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "priority" "FeedPriority" NOT NULL DEFAULT 'NORMAL',
    "audience_kind" "FeedAudienceKind" NOT NULL DEFAULT 'EVERYONE',
    "audience_value" TEXT,
    "author_id" UUID,
    "expires_at" TIMESTAMPTZ(3),
    "dedupe_key" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "feed_items_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE INDEX "feed_items_tenant_id_priority_created_at_id_idx" ON "feed_items"("tenant_id", "priority" DESC, "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "feed_items_tenant_id_dedupe_key_key" ON "feed_items"("tenant_id", "dedupe_key");

-- AddForeignKey
ALTER TABLE "feed_items" ADD CONSTRAINT "feed_items_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feed_items" ADD CONSTRAINT "feed_items_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---- Hand-written: the expiry cleanup's index ----

-- The recurring purge (jobs/tasks/purge-expired-feed-items.ts) deletes expired items across
-- tenants, oldest expiry first: this reads only the items that can expire, in that order.
-- Partial, so Prisma's schema language cannot declare it; not unique, so it needs no tenant_id.
CREATE INDEX "feed_items_expires_at_idx" ON "feed_items" ("expires_at") WHERE "expires_at" IS NOT NULL;

-- ---- Hand-written: isolation and grants ----

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['feed_items'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO caseboard_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('CREATE POLICY privileged_access ON %I TO caseboard_privileged USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON feed_items TO caseboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON feed_items TO caseboard_privileged;
