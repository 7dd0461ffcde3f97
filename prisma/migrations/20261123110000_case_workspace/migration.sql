-- CreateEnum
CREATE TYPE "CaseMessageKind" AS ENUM ('PUBLIC_REPLY', 'INTERNAL_NOTE');

-- CreateEnum
CREATE TYPE "MessageAuthorType" AS ENUM ('MEMBER', 'CUSTOMER', 'SYSTEM');

-- DropIndex
DROP INDEX "cases_tenant_id_created_at_id_idx";

-- DropIndex
DROP INDEX "cases_tenant_id_status_created_at_idx";

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "business_unit" TEXT,
ADD COLUMN     "category" TEXT,
ADD COLUMN     "closed_at" TIMESTAMPTZ(3),
ADD COLUMN     "customer_id" UUID,
ADD COLUMN     "first_responded_at" TIMESTAMPTZ(3),
ADD COLUMN     "first_response_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "merged_into_id" UUID,
ADD COLUMN     "resolution_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "resolved_at" TIMESTAMPTZ(3),
ADD COLUMN     "snoozed_until" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "customers" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email_ciphertext" TEXT,
    "email_blind_index" TEXT,
    "phone_ciphertext" TEXT,
    "company" TEXT,
    "external_id" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_followers" (
    "tenant_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_followers_pkey" PRIMARY KEY ("case_id","user_id")
);

-- CreateTable
CREATE TABLE "case_messages" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "kind" "CaseMessageKind" NOT NULL,
    "author_type" "MessageAuthorType" NOT NULL,
    "author_id" UUID,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_events" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "from" JSONB,
    "to" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_views" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "owner_id" UUID,
    "name" TEXT NOT NULL,
    "filters" JSONB NOT NULL DEFAULT '{}',
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "case_id" UUID,
    "message_id" UUID,
    "actor_id" TEXT,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "customers_tenant_id_name_id_idx" ON "customers"("tenant_id", "name", "id");

-- CreateIndex
CREATE INDEX "customers_tenant_id_created_at_id_idx" ON "customers"("tenant_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "customers_tenant_id_email_blind_index_key" ON "customers"("tenant_id", "email_blind_index");

-- CreateIndex
CREATE UNIQUE INDEX "customers_tenant_id_external_id_key" ON "customers"("tenant_id", "external_id");

-- CreateIndex
CREATE INDEX "case_followers_tenant_id_user_id_idx" ON "case_followers"("tenant_id", "user_id");

-- CreateIndex
CREATE INDEX "case_messages_tenant_id_case_id_created_at_id_idx" ON "case_messages"("tenant_id", "case_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "case_events_tenant_id_case_id_created_at_id_idx" ON "case_events"("tenant_id", "case_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "saved_views_tenant_id_owner_id_idx" ON "saved_views"("tenant_id", "owner_id");

-- CreateIndex
CREATE INDEX "notifications_tenant_id_user_id_created_at_id_idx" ON "notifications"("tenant_id", "user_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "cases_tenant_id_created_at_id_idx" ON "cases"("tenant_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "cases_tenant_id_updated_at_id_idx" ON "cases"("tenant_id", "updated_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "cases_tenant_id_priority_created_at_id_idx" ON "cases"("tenant_id", "priority" DESC, "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "cases_tenant_id_resolution_due_at_id_idx" ON "cases"("tenant_id", "resolution_due_at", "id");

-- CreateIndex
CREATE INDEX "cases_tenant_id_status_created_at_id_idx" ON "cases"("tenant_id", "status", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "cases_tenant_id_assignee_id_created_at_id_idx" ON "cases"("tenant_id", "assignee_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "cases_tenant_id_customer_id_created_at_idx" ON "cases"("tenant_id", "customer_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "cases_tags_idx" ON "cases" USING GIN ("tags");

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "cases"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_followers" ADD CONSTRAINT "case_followers_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_messages" ADD CONSTRAINT "case_messages_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written: what Prisma's schema language cannot express.
-- ---------------------------------------------------------------------------------------------

-- No foreign keys to tenants and users here: the schema engine knows only the references
-- schema.prisma declares, and declaring these needs back-relation fields on Tenant and User.
-- Rows of a case go with it (case_id cascades); tenant_id is held by RLS and the extension.

-- Text search of the cases list: the same expression the list query uses, so the planner can
-- answer `to_tsvector(...) @@ websearch_to_tsquery(...)` from the index. 'simple' because cases
-- come in many languages and stemming one of them would hurt the others.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "cases_search_idx" ON "cases" USING GIN (to_tsvector('simple', "title" || ' ' || "description"));
-- Customer search by part of a name: lower(name) LIKE '%…%' (an expression index, which the
-- schema engine leaves alone; a plain-column trigram index it would propose to drop).
CREATE INDEX "customers_name_trgm_idx" ON "customers" USING GIN (lower("name") gin_trgm_ops);
-- The notification badge: a member's unread notifications.
CREATE INDEX "notifications_unread_idx" ON "notifications" ("tenant_id", "user_id") WHERE "read_at" IS NULL;

ALTER TABLE "cases" ADD CONSTRAINT "cases_not_merged_into_itself" CHECK ("merged_into_id" IS NULL OR "merged_into_id" <> "id");
ALTER TABLE "case_messages" ADD CONSTRAINT "case_messages_body_length" CHECK (char_length("body") BETWEEN 1 AND 50000);

-- Tenant isolation, as for every tenant-owned table (see the init migration).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['customers', 'case_followers', 'case_messages', 'case_events', 'saved_views', 'notifications'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO caseboard_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('CREATE POLICY privileged_access ON %I TO caseboard_privileged USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON customers, case_followers, saved_views, notifications TO caseboard_app;
-- The conversation and the timeline are a record: the application adds to them and moves them
-- with a merge (UPDATE of case_id), but never deletes a message or an event.
GRANT SELECT, INSERT, UPDATE ON case_messages, case_events TO caseboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON customers, case_followers, case_messages, case_events, saved_views, notifications TO caseboard_privileged;
