// The migrations are what production runs; schema.prisma is what the client is generated from.
// If they disagree, queries compile against columns or indexes the database does not have.
import { describe, expect, it } from "vitest";
import { pendingSchemaDiff } from "./diff";

describe("migrations and schema.prisma", () => {
  it("have not drifted (npm run db:diff prints nothing)", async () => {
    // A message that tells the developer what to do, with the SQL they are missing.
    const sql = await pendingSchemaDiff();
    expect(sql, `schema.prisma changes no migration makes; run \`npm run db:diff -- --create <name>\`:\n${sql}`).toBe("");
  }, 120_000);
});
