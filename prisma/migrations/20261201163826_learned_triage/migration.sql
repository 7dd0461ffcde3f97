-- AlterTable
ALTER TABLE "case_suggestions" ALTER COLUMN "run_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "triage_models" (
    "tenant_id" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "trained_at" TIMESTAMPTZ(3) NOT NULL,
    "examples" INTEGER NOT NULL,
    "held_out" INTEGER NOT NULL,
    "correct" INTEGER NOT NULL,
    "vocabulary" INTEGER NOT NULL,
    "labels" JSONB NOT NULL,
    "calibration" JSONB NOT NULL,

    CONSTRAINT "triage_models_pkey" PRIMARY KEY ("tenant_id","field")
);

-- CreateTable
CREATE TABLE "triage_model_terms" (
    "tenant_id" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "lexeme" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "triage_model_terms_pkey" PRIMARY KEY ("tenant_id","field","lexeme","label")
);

-- AddForeignKey
ALTER TABLE "triage_models" ADD CONSTRAINT "triage_models_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "triage_model_terms" ADD CONSTRAINT "triage_model_terms_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---- Hand-written: isolation and grants ----

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['triage_models', 'triage_model_terms'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO caseboard_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('CREATE POLICY privileged_access ON %I TO caseboard_privileged USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON triage_models, triage_model_terms TO caseboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON triage_models, triage_model_terms TO caseboard_privileged;
