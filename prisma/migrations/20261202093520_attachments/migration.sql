-- CreateEnum
CREATE TYPE "AttachmentStatus" AS ENUM ('SCANNING', 'READY', 'BLOCKED');

-- CreateTable
CREATE TABLE "attachments" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "file_id" UUID NOT NULL,
    "thumbnail_file_id" UUID,
    "message_id" UUID,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "status" "AttachmentStatus" NOT NULL DEFAULT 'READY',
    "uploaded_by_id" UUID,
    "chat_visitor_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachments_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE INDEX "attachments_tenant_id_message_id_idx" ON "attachments"("tenant_id", "message_id");

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_tenant_id_file_id_fkey" FOREIGN KEY ("tenant_id", "file_id") REFERENCES "files"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_tenant_id_thumbnail_file_id_fkey" FOREIGN KEY ("tenant_id", "thumbnail_file_id") REFERENCES "files"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_tenant_id_message_id_fkey" FOREIGN KEY ("tenant_id", "message_id") REFERENCES "case_messages"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---- Hand-written: isolation and grants, as every tenant table ----
ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE attachments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON attachments TO caseboard_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
CREATE POLICY privileged_access ON attachments TO caseboard_privileged USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON attachments TO caseboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON attachments TO caseboard_privileged;

-- An attachment that goes (its message or case deleted) hands its files to the expiry purge,
-- which deletes the bytes before the rows: retention follows the message.
CREATE FUNCTION attachments_release_files() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE files SET expires_at = now()
   WHERE tenant_id = OLD.tenant_id AND id IN (OLD.file_id, OLD.thumbnail_file_id);
  RETURN OLD;
END $$;
CREATE TRIGGER attachments_release_files AFTER DELETE ON attachments
  FOR EACH ROW EXECUTE FUNCTION attachments_release_files();

-- A message may be files alone: its body may now be empty (the API still asks for words or files).
ALTER TABLE case_messages DROP CONSTRAINT case_messages_body_length;
ALTER TABLE case_messages ADD CONSTRAINT case_messages_body_length CHECK (char_length(body) <= 50000);
