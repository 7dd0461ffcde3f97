-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "done_at" TIMESTAMPTZ(3),
ADD COLUMN     "snoozed_until" TIMESTAMPTZ(3);

-- ---- Hand-written ----
-- The inbox's open list: a member's notifications not yet done, newest first.
CREATE INDEX "notifications_open_idx" ON "notifications" ("tenant_id", "user_id", "created_at" DESC, "id" DESC) WHERE "done_at" IS NULL;
