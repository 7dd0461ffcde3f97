-- AlterTable
ALTER TABLE "chat_widgets" ADD COLUMN     "logo" BYTEA,
ADD COLUMN     "logo_updated_at" TIMESTAMPTZ(3);
