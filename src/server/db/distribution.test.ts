// The schema stays ready to be distributed by tenant_id on Citus (docs/scaling.md): checked on the
// catalog of the migrated database, and the check itself is shown to catch each kind of mistake.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { tenantOwnedSchemaModels } from "@/test/prisma-schema";
import { getDatabase } from "./database";
import { COORDINATOR_TABLES, DISTRIBUTED_TABLES, distributionViolations, REFERENCE_TABLES } from "./distribution";

describe("Citus-ready schema", () => {
  it("has every distributed table keyed by tenant_id: primary and unique keys, foreign keys between them, a foreign key to tenants", async () => {
    const { sql } = await getDatabase();
    expect(await distributionViolations(sql)).toEqual([]);
  });

  it("distributes every tenant-owned table except the few found before their tenant is known", () => {
    const notDistributed = tenantOwnedSchemaModels()
      .map((m) => m.table)
      .filter((t) => !(DISTRIBUTED_TABLES as readonly string[]).includes(t))
      .sort();
    // Adding a tenant-owned table that is not distributed is a decision: it goes here and into
    // REFERENCE_TABLES or COORDINATOR_TABLES with its reason.
    expect(notDistributed).toEqual(["api_keys", "chat_widgets", "invitations", "jobs", "tenant_slug_redirects"]);
    for (const table of notDistributed) expect(REFERENCE_TABLES[table] ?? COORDINATOR_TABLES[table]).toBeTruthy();
  });

  it("catches each kind of mistake (a scratch schema of bad tables)", async () => {
    const { sql } = await getDatabase();
    const schema = `distribution_probe_${randomUUID().slice(0, 8)}`;
    await sql.exec(`
      CREATE SCHEMA ${schema};
      CREATE TABLE ${schema}.tenants (id uuid PRIMARY KEY);
      CREATE TABLE ${schema}.users (id uuid PRIMARY KEY, email text UNIQUE);
      CREATE TABLE ${schema}.good (tenant_id uuid NOT NULL REFERENCES ${schema}.tenants, id uuid, PRIMARY KEY (tenant_id, id));
      CREATE TABLE ${schema}.pk_without_tenant (tenant_id uuid NOT NULL REFERENCES ${schema}.tenants, id uuid PRIMARY KEY);
      CREATE TABLE ${schema}.unique_without_tenant (tenant_id uuid NOT NULL REFERENCES ${schema}.tenants, id uuid, code text,
        PRIMARY KEY (tenant_id, id), UNIQUE (code));
      CREATE UNIQUE INDEX unique_expression ON ${schema}.good (lower(id::text));
      CREATE TABLE ${schema}.fk_without_tenant (tenant_id uuid NOT NULL REFERENCES ${schema}.tenants, id uuid, good_id uuid,
        PRIMARY KEY (tenant_id, id));
      CREATE UNIQUE INDEX pk_without_tenant_pair ON ${schema}.pk_without_tenant (tenant_id, id);
      ALTER TABLE ${schema}.fk_without_tenant ADD CONSTRAINT single_column FOREIGN KEY (good_id) REFERENCES ${schema}.pk_without_tenant (id);
      ALTER TABLE ${schema}.fk_without_tenant ADD CONSTRAINT crossed FOREIGN KEY (tenant_id, good_id) REFERENCES ${schema}.pk_without_tenant (id, tenant_id);
      ALTER TABLE ${schema}.fk_without_tenant ADD CONSTRAINT paired FOREIGN KEY (good_id, tenant_id) REFERENCES ${schema}.pk_without_tenant (id, tenant_id);
      CREATE TABLE ${schema}.no_tenant_fk (tenant_id uuid NOT NULL, id uuid, PRIMARY KEY (tenant_id, id));
      CREATE TABLE ${schema}.nullable_tenant (tenant_id uuid REFERENCES ${schema}.tenants, id uuid, PRIMARY KEY (id));
      CREATE TABLE ${schema}.ref_into_distributed (id uuid PRIMARY KEY, tenant_id uuid, good_id uuid,
        FOREIGN KEY (tenant_id, good_id) REFERENCES ${schema}.good (tenant_id, id));
      CREATE TABLE ${schema}.stray (id uuid);
    `);
    try {
      const violations = await distributionViolations(sql, schema, {
        distributed: ["good", "pk_without_tenant", "unique_without_tenant", "fk_without_tenant", "no_tenant_fk", "nullable_tenant", "missing"],
        reference: ["tenants", "users", "ref_into_distributed"],
        coordinator: [],
      });
      expect(violations.sort()).toEqual(
        [
          "stray: not classified as distributed, reference or coordinator table",
          "missing: classified but not in the schema",
          "nullable_tenant: distributed by tenant_id, which it must have, NOT NULL",
          "nullable_tenant: primary key nullable_tenant_pkey (id) lacks tenant_id",
          "no_tenant_fk: no foreign key from tenant_id to tenants",
          "pk_without_tenant: primary key pk_without_tenant_pkey (id) lacks tenant_id",
          "unique_without_tenant: unique index unique_without_tenant_code_key (code) lacks tenant_id",
          "good: unique index unique_expression () lacks tenant_id",
          "fk_without_tenant: foreign key single_column (good_id) → pk_without_tenant does not pair tenant_id with tenant_id",
          "fk_without_tenant: foreign key crossed (tenant_id, good_id) → pk_without_tenant does not pair tenant_id with tenant_id",
          "ref_into_distributed: foreign key ref_into_distributed_tenant_id_good_id_fkey points into the distributed table good",
        ].sort(),
      );
    } finally {
      await sql.exec(`DROP SCHEMA ${schema} CASCADE`);
    }
  });
});
