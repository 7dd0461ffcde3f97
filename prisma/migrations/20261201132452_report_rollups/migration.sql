-- CreateTable
CREATE TABLE "case_report_facts" (
    "tenant_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "created_day" DATE NOT NULL,
    "channel" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "business_unit" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "assignee_id" TEXT NOT NULL,
    "first_response_day" DATE,
    "first_response_seconds" INTEGER,
    "first_response_work_seconds" INTEGER,
    "first_response_met" BOOLEAN,
    "closed_day" DATE,
    "resolution_seconds" INTEGER,
    "resolution_work_seconds" INTEGER,
    "resolution_met" BOOLEAN,

    CONSTRAINT "case_report_facts_pkey" PRIMARY KEY ("tenant_id","case_id")
);

-- CreateTable
CREATE TABLE "case_report_rollups" (
    "tenant_id" UUID NOT NULL,
    "dimension" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "value" TEXT NOT NULL,
    "created" INTEGER NOT NULL DEFAULT 0,
    "closed" INTEGER NOT NULL DEFAULT 0,
    "still_open" INTEGER NOT NULL DEFAULT 0,
    "first_responses" INTEGER NOT NULL DEFAULT 0,
    "first_response_seconds" BIGINT NOT NULL DEFAULT 0,
    "first_response_targets" INTEGER NOT NULL DEFAULT 0,
    "first_response_met" INTEGER NOT NULL DEFAULT 0,
    "resolution_seconds" BIGINT NOT NULL DEFAULT 0,
    "resolution_targets" INTEGER NOT NULL DEFAULT 0,
    "resolution_met" INTEGER NOT NULL DEFAULT 0,
    "first_response_histogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "resolution_histogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "first_response_work_seconds" BIGINT NOT NULL DEFAULT 0,
    "resolution_work_seconds" BIGINT NOT NULL DEFAULT 0,
    "first_response_work_histogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "resolution_work_histogram" INTEGER[] DEFAULT ARRAY[]::INTEGER[],

    CONSTRAINT "case_report_rollups_pkey" PRIMARY KEY ("tenant_id","dimension","day","value")
);

-- CreateTable
CREATE TABLE "case_report_states" (
    "tenant_id" UUID NOT NULL,
    "time_zone" TEXT NOT NULL,
    "working_hours" TEXT,
    "cursor_at" TIMESTAMPTZ(3),
    "cursor_id" UUID,
    "counted_at" TIMESTAMPTZ(3),

    CONSTRAINT "case_report_states_pkey" PRIMARY KEY ("tenant_id")
);

-- AddForeignKey
ALTER TABLE "case_report_facts" ADD CONSTRAINT "case_report_facts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_report_rollups" ADD CONSTRAINT "case_report_rollups_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_report_states" ADD CONSTRAINT "case_report_states_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---- Hand-written: histogram helpers ----
-- A time is counted in bucket 1 below 10 s, in bucket k ≥ 2 from 10·1.25^(k-2) s, and in bucket 64
-- from about 117 days on (services/insights/reports/histogram.ts reads them back). Arrays are as
-- long as their highest bucket; adding pads the shorter one with zeros.
CREATE FUNCTION report_histogram_bucket(seconds integer) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN seconds < 10 THEN 1 ELSE least(64, 2 + floor(ln(seconds / 10.0) / ln(1.25))::integer) END $$;

CREATE FUNCTION report_histogram_add(a integer[], b integer[]) RETURNS integer[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT coalesce(array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY i), '{}')
      FROM unnest(coalesce(a, '{}'::integer[]), coalesce(b, '{}'::integer[])) WITH ORDINALITY AS u(x, y, i)
  $$;

-- Seconds of [t0, t1) inside working hours: on the ISO weekdays `days`, from `day_start` to
-- `day_end` of each local day of `tz` (services/cases/sla.ts workingMsBetween counts the same).
-- At most 400 days are walked: a case open longer counts its first 400 days of work.
CREATE FUNCTION report_working_seconds(t0 timestamptz, t1 timestamptz, tz text, days integer[], day_start time, day_end time) RETURNS integer
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT coalesce(sum(greatest(0, extract(epoch FROM least(t1, (x.d + day_end) AT TIME ZONE tz) - greatest(t0, (x.d + day_start) AT TIME ZONE tz)))), 0)::integer
      FROM generate_series((t0 AT TIME ZONE tz)::date, least((t1 AT TIME ZONE tz)::date, (t0 AT TIME ZONE tz)::date + 400), interval '1 day') AS g(day)
     CROSS JOIN LATERAL (SELECT g.day::date AS d) x
     WHERE t1 > t0 AND extract(isodow FROM x.d)::integer = ANY (days)
  $$;

-- ---- Hand-written: isolation and grants ----

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['case_report_facts', 'case_report_rollups', 'case_report_states'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO caseboard_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('CREATE POLICY privileged_access ON %I TO caseboard_privileged USING (true) WITH CHECK (true)', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON case_report_facts, case_report_rollups, case_report_states TO caseboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON case_report_facts, case_report_rollups, case_report_states TO caseboard_privileged;
