-- AlterTable
ALTER TABLE "search_events" ADD COLUMN     "filters" JSONB NOT NULL DEFAULT '{}';
