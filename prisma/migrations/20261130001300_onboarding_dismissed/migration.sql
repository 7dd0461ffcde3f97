-- The overview's first-steps checklist, dismissed for the whole tenant by an admin.
ALTER TABLE "tenants" ADD COLUMN     "onboarding_dismissed_at" TIMESTAMPTZ(3);

-- Members change it through their tenant transaction (RLS: only their own tenant's row).
GRANT UPDATE (onboarding_dismissed_at) ON tenants TO caseboard_app;
