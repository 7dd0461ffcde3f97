-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "import_key" TEXT;

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "import_key" TEXT;

-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "deletion_scheduled_for" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "invitations" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "invited_by_id" UUID,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "accepted_by_id" UUID,
    "revoked_at" TIMESTAMPTZ(3),
    "last_sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "send_count" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "password_reset_tokens" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_reset_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tenant_slug_redirects" (
    "slug" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenant_slug_redirects_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "files" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "job_id" UUID,
    "created_by_id" UUID,
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "imports" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "entity" TEXT NOT NULL,
    "file_id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'UPLOADED',
    "headers" JSONB NOT NULL DEFAULT '[]',
    "mapping" JSONB,
    "job_id" UUID,
    "total_rows" INTEGER NOT NULL DEFAULT 0,
    "imported_rows" INTEGER NOT NULL DEFAULT 0,
    "duplicate_rows" INTEGER NOT NULL DEFAULT 0,
    "rejected_rows" INTEGER NOT NULL DEFAULT 0,
    "rejects_file_id" UUID,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "imports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"("token_hash");

-- CreateIndex
CREATE INDEX "invitations_tenant_id_created_at_id_idx" ON "invitations"("tenant_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "invitations_tenant_id_email_idx" ON "invitations"("tenant_id", "email");

-- CreateIndex
CREATE UNIQUE INDEX "password_reset_tokens_token_hash_key" ON "password_reset_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "password_reset_tokens_user_id_idx" ON "password_reset_tokens"("user_id");

-- CreateIndex
CREATE INDEX "tenant_slug_redirects_tenant_id_idx" ON "tenant_slug_redirects"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "files_storage_key_key" ON "files"("storage_key");

-- CreateIndex
CREATE INDEX "files_tenant_id_purpose_created_at_id_idx" ON "files"("tenant_id", "purpose", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "imports_tenant_id_created_at_id_idx" ON "imports"("tenant_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "cases_tenant_id_import_key_key" ON "cases"("tenant_id", "import_key");

-- CreateIndex
CREATE UNIQUE INDEX "customers_tenant_id_import_key_key" ON "customers"("tenant_id", "import_key");

-- ---- Hand-written: tenant isolation and grants (as in the migrations before) ----

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['invitations', 'tenant_slug_redirects', 'files', 'imports'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO caseboard_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('CREATE POLICY privileged_access ON %I TO caseboard_privileged USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

-- Invitations are revoked and resent, never deleted: they are part of the tenant's record.
GRANT SELECT, INSERT, UPDATE ON invitations TO caseboard_app;
-- A rename leaves a redirect; renaming back to an old slug removes it.
GRANT SELECT, INSERT, DELETE ON tenant_slug_redirects TO caseboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON files, imports TO caseboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON invitations, tenant_slug_redirects, files, imports TO caseboard_privileged;

-- Owners schedule (and cancel) the deletion of their own tenant; the purge itself is privileged.
GRANT UPDATE (deletion_scheduled_for) ON tenants TO caseboard_app;

-- Password reset tokens belong to no tenant: only the privileged path (sign-in, reset) reads them.
ALTER TABLE password_reset_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE password_reset_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY privileged_access ON password_reset_tokens TO caseboard_privileged USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON password_reset_tokens TO caseboard_privileged;

ALTER TABLE "invitations" ADD CONSTRAINT "invitations_email_lower" CHECK ("email" = lower("email"));
ALTER TABLE "files" ADD CONSTRAINT "files_size_nonnegative" CHECK ("size" >= 0);
