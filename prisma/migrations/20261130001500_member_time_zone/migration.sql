-- A person's own time zone for reading times (null: each organisation's). The app role only
-- reads users (SELECT, RLS: members of its tenant); the profile is written by the privileged
-- role for the signed-in user alone, as the password is.
ALTER TABLE "users" ADD COLUMN     "time_zone" TEXT;
