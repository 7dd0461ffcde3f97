-- AlterTable
ALTER TABLE "attachments" ADD COLUMN     "api_key_id" UUID;
