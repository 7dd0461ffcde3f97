-- CreateTable
CREATE TABLE "chat_widgets" (
    "tenant_id" UUID NOT NULL,
    "public_id" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "color" TEXT NOT NULL DEFAULT '#4f46e5',
    "greeting" TEXT NOT NULL DEFAULT 'Hi! How can we help?',
    "allowed_origins" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "secret_ciphertext" TEXT,
    "secret_rotated_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "chat_widgets_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "chat_visitors" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "customer_id" UUID,
    "case_id" UUID,
    "name" TEXT,
    "email_ciphertext" TEXT,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "agent_seen_up_to" UUID,
    "visitor_seen_up_to" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_visitors_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "chat_widgets_public_id_key" ON "chat_widgets"("public_id");

-- CreateIndex
CREATE INDEX "chat_visitors_tenant_id_case_id_idx" ON "chat_visitors"("tenant_id", "case_id");

-- CreateIndex
CREATE UNIQUE INDEX "chat_visitors_tenant_id_token_hash_key" ON "chat_visitors"("tenant_id", "token_hash");

-- AddForeignKey
ALTER TABLE "chat_widgets" ADD CONSTRAINT "chat_widgets_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_visitors" ADD CONSTRAINT "chat_visitors_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---- Hand-written: isolation and grants, as every tenant table ----
-- A visitor's request finds its widget by public id before any tenant is known: that one lookup
-- is privileged (src/server/services/chat/widget-lookup.ts); everything after runs as the tenant.

ALTER TABLE chat_widgets ENABLE ROW LEVEL SECURITY;
ALTER TABLE chat_widgets FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON chat_widgets TO caseboard_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
CREATE POLICY privileged_access ON chat_widgets TO caseboard_privileged USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON chat_widgets TO caseboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON chat_widgets TO caseboard_privileged;

ALTER TABLE chat_visitors ENABLE ROW LEVEL SECURITY;
ALTER TABLE chat_visitors FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON chat_visitors TO caseboard_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
CREATE POLICY privileged_access ON chat_visitors TO caseboard_privileged USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON chat_visitors TO caseboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON chat_visitors TO caseboard_privileged;
