// Prisma CLI configuration (prisma generate, prisma migrate deploy where the native engine exists).
// The app itself never reads this file: it connects through src/server/db.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/db/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/caseboard" },
});
