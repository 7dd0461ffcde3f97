-- Citus-ready keys (docs/scaling.md): every distributed table's primary and unique keys start
-- with tenant_id, and a foreign key between two of them names tenant_id too, so that on Citus each
-- key and each join stays inside one shard. Reference tables (tenants, users, and the few
-- tenant-owned tables looked up before the tenant is known) keep single-column keys; the list and
-- the reasons are in src/server/db/distribution.ts, which a test holds the schema to.
--
-- A composite foreign key's ON DELETE SET NULL names the column to clear (PostgreSQL 15+):
-- clearing tenant_id as well would break NOT NULL.
--
-- Foreign keys to tenants and users are new here. Rows they would refuse can only be leftovers
-- (a tenant purged before every table was covered, a user gone), so they are removed first.
DELETE FROM "case_counters" WHERE "tenant_id" IS NOT NULL AND "tenant_id" NOT IN (SELECT "id" FROM "tenants");
DELETE FROM "customers" WHERE "tenant_id" IS NOT NULL AND "tenant_id" NOT IN (SELECT "id" FROM "tenants");
DELETE FROM "case_followers" WHERE "tenant_id" IS NOT NULL AND "tenant_id" NOT IN (SELECT "id" FROM "tenants");
DELETE FROM "case_messages" WHERE "tenant_id" IS NOT NULL AND "tenant_id" NOT IN (SELECT "id" FROM "tenants");
DELETE FROM "case_events" WHERE "tenant_id" IS NOT NULL AND "tenant_id" NOT IN (SELECT "id" FROM "tenants");
DELETE FROM "realtime_counters" WHERE "tenant_id" IS NOT NULL AND "tenant_id" NOT IN (SELECT "id" FROM "tenants");
DELETE FROM "realtime_events" WHERE "tenant_id" IS NOT NULL AND "tenant_id" NOT IN (SELECT "id" FROM "tenants");
DELETE FROM "saved_views" WHERE "tenant_id" IS NOT NULL AND "tenant_id" NOT IN (SELECT "id" FROM "tenants");
DELETE FROM "notifications" WHERE "tenant_id" IS NOT NULL AND "tenant_id" NOT IN (SELECT "id" FROM "tenants");
DELETE FROM "invitations" WHERE "tenant_id" IS NOT NULL AND "tenant_id" NOT IN (SELECT "id" FROM "tenants");
DELETE FROM "tenant_slug_redirects" WHERE "tenant_id" IS NOT NULL AND "tenant_id" NOT IN (SELECT "id" FROM "tenants");
DELETE FROM "files" WHERE "tenant_id" IS NOT NULL AND "tenant_id" NOT IN (SELECT "id" FROM "tenants");
DELETE FROM "imports" WHERE "tenant_id" IS NOT NULL AND "tenant_id" NOT IN (SELECT "id" FROM "tenants");
DELETE FROM "teams" WHERE "tenant_id" IS NOT NULL AND "tenant_id" NOT IN (SELECT "id" FROM "tenants");
DELETE FROM "team_members" WHERE "tenant_id" IS NOT NULL AND "tenant_id" NOT IN (SELECT "id" FROM "tenants");
DELETE FROM "escalation_rules" WHERE "tenant_id" IS NOT NULL AND "tenant_id" NOT IN (SELECT "id" FROM "tenants");
DELETE FROM "notification_preferences" WHERE "tenant_id" IS NOT NULL AND "tenant_id" NOT IN (SELECT "id" FROM "tenants");
DELETE FROM "jobs" WHERE "tenant_id" IS NOT NULL AND "tenant_id" NOT IN (SELECT "id" FROM "tenants");
DELETE FROM "case_followers" WHERE "user_id" NOT IN (SELECT "id" FROM "users");
DELETE FROM "notifications" WHERE "user_id" NOT IN (SELECT "id" FROM "users");
UPDATE "saved_views" SET "owner_id" = NULL WHERE "owner_id" IS NOT NULL AND "owner_id" NOT IN (SELECT "id" FROM "users");

-- DropForeignKey
ALTER TABLE "case_events" DROP CONSTRAINT "case_events_case_id_fkey";

-- DropForeignKey
ALTER TABLE "case_followers" DROP CONSTRAINT "case_followers_case_id_fkey";

-- DropForeignKey
ALTER TABLE "case_messages" DROP CONSTRAINT "case_messages_case_id_fkey";

-- DropForeignKey
ALTER TABLE "cases" DROP CONSTRAINT "cases_customer_id_fkey";

-- DropForeignKey
ALTER TABLE "cases" DROP CONSTRAINT "cases_merged_into_id_fkey";

-- DropForeignKey
ALTER TABLE "cases" DROP CONSTRAINT "cases_team_id_fkey";

-- DropForeignKey
ALTER TABLE "escalation_rules" DROP CONSTRAINT "escalation_rules_team_id_fkey";

-- DropForeignKey
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_case_id_fkey";

-- DropForeignKey
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_view_id_fkey";

-- DropForeignKey
ALTER TABLE "team_members" DROP CONSTRAINT "team_members_team_id_fkey";

-- DropIndex
DROP INDEX "files_storage_key_key";

-- AlterTable
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_pkey",
ADD CONSTRAINT "audit_events_pkey" PRIMARY KEY ("tenant_id", "id");

-- AlterTable
ALTER TABLE "case_events" DROP CONSTRAINT "case_events_pkey",
ADD CONSTRAINT "case_events_pkey" PRIMARY KEY ("tenant_id", "id");

-- AlterTable
ALTER TABLE "case_followers" DROP CONSTRAINT "case_followers_pkey",
ADD CONSTRAINT "case_followers_pkey" PRIMARY KEY ("tenant_id", "case_id", "user_id");

-- AlterTable
ALTER TABLE "case_messages" DROP CONSTRAINT "case_messages_pkey",
ADD CONSTRAINT "case_messages_pkey" PRIMARY KEY ("tenant_id", "id");

-- AlterTable
ALTER TABLE "cases" DROP CONSTRAINT "cases_pkey",
ADD CONSTRAINT "cases_pkey" PRIMARY KEY ("tenant_id", "id");

-- AlterTable
ALTER TABLE "customers" DROP CONSTRAINT "customers_pkey",
ADD CONSTRAINT "customers_pkey" PRIMARY KEY ("tenant_id", "id");

-- AlterTable
ALTER TABLE "escalation_rules" DROP CONSTRAINT "escalation_rules_pkey",
ADD CONSTRAINT "escalation_rules_pkey" PRIMARY KEY ("tenant_id", "id");

-- AlterTable
ALTER TABLE "files" DROP CONSTRAINT "files_pkey",
ADD CONSTRAINT "files_pkey" PRIMARY KEY ("tenant_id", "id");

-- AlterTable
ALTER TABLE "imports" DROP CONSTRAINT "imports_pkey",
ADD CONSTRAINT "imports_pkey" PRIMARY KEY ("tenant_id", "id");

-- AlterTable
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_pkey",
ADD CONSTRAINT "memberships_pkey" PRIMARY KEY ("tenant_id", "id");

-- AlterTable
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_pkey",
ADD CONSTRAINT "notifications_pkey" PRIMARY KEY ("tenant_id", "id");

-- AlterTable
ALTER TABLE "saved_views" DROP CONSTRAINT "saved_views_pkey",
ADD CONSTRAINT "saved_views_pkey" PRIMARY KEY ("tenant_id", "id");

-- AlterTable
ALTER TABLE "team_members" DROP CONSTRAINT "team_members_pkey",
ADD CONSTRAINT "team_members_pkey" PRIMARY KEY ("tenant_id", "team_id", "user_id");

-- AlterTable
ALTER TABLE "teams" DROP CONSTRAINT "teams_pkey",
ADD CONSTRAINT "teams_pkey" PRIMARY KEY ("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "files_tenant_id_storage_key_key" ON "files"("tenant_id", "storage_key");

-- AddForeignKey
ALTER TABLE "case_counters" ADD CONSTRAINT "case_counters_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_tenant_id_team_id_fkey" FOREIGN KEY ("tenant_id", "team_id") REFERENCES "teams"("tenant_id", "id") ON DELETE SET NULL ("team_id") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_tenant_id_customer_id_fkey" FOREIGN KEY ("tenant_id", "customer_id") REFERENCES "customers"("tenant_id", "id") ON DELETE SET NULL ("customer_id") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_tenant_id_merged_into_id_fkey" FOREIGN KEY ("tenant_id", "merged_into_id") REFERENCES "cases"("tenant_id", "id") ON DELETE SET NULL ("merged_into_id") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_followers" ADD CONSTRAINT "case_followers_tenant_id_case_id_fkey" FOREIGN KEY ("tenant_id", "case_id") REFERENCES "cases"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_followers" ADD CONSTRAINT "case_followers_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_followers" ADD CONSTRAINT "case_followers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_messages" ADD CONSTRAINT "case_messages_tenant_id_case_id_fkey" FOREIGN KEY ("tenant_id", "case_id") REFERENCES "cases"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_messages" ADD CONSTRAINT "case_messages_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_tenant_id_case_id_fkey" FOREIGN KEY ("tenant_id", "case_id") REFERENCES "cases"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "realtime_counters" ADD CONSTRAINT "realtime_counters_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "realtime_events" ADD CONSTRAINT "realtime_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_case_id_fkey" FOREIGN KEY ("tenant_id", "case_id") REFERENCES "cases"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_view_id_fkey" FOREIGN KEY ("tenant_id", "view_id") REFERENCES "saved_views"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tenant_slug_redirects" ADD CONSTRAINT "tenant_slug_redirects_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "files" ADD CONSTRAINT "files_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imports" ADD CONSTRAINT "imports_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "teams" ADD CONSTRAINT "teams_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_tenant_id_team_id_fkey" FOREIGN KEY ("tenant_id", "team_id") REFERENCES "teams"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation_rules" ADD CONSTRAINT "escalation_rules_tenant_id_team_id_fkey" FOREIGN KEY ("tenant_id", "team_id") REFERENCES "teams"("tenant_id", "id") ON DELETE SET NULL ("team_id") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation_rules" ADD CONSTRAINT "escalation_rules_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
