-- CreateTable
CREATE TABLE "macros" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "owner_id" UUID,
    "name" TEXT NOT NULL,
    "actions" JSONB NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "macros_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE INDEX "macros_tenant_id_owner_id_idx" ON "macros"("tenant_id", "owner_id");

-- AddForeignKey
ALTER TABLE "macros" ADD CONSTRAINT "macros_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "macros" ADD CONSTRAINT "macros_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---- Hand-written: isolation and grants, as every tenant table ----

ALTER TABLE macros ENABLE ROW LEVEL SECURITY;
ALTER TABLE macros FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON macros TO caseboard_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
CREATE POLICY privileged_access ON macros TO caseboard_privileged USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON macros TO caseboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON macros TO caseboard_privileged;
