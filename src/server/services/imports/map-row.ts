// One CSV record → the input the API's own schemas accept. Every row is validated with the same
// zod schemas as cases.create / customers.create, so an import can never write what the API
// would refuse. Status, priority and channel are matched by name without case.
import { z } from "zod";
import { caseStatusSchema, createCaseSchema } from "@/lib/validations/case";
import { createCustomerSchema } from "@/lib/validations/customer";
import type { ImportEntity, ImportMapping } from "@/lib/validations/import";

export type CaseCandidate = {
  entity: "cases";
  input: z.output<typeof createCaseSchema>;
  status: z.output<typeof caseStatusSchema>;
  customerEmail: string | null;
  assigneeEmail: string | null;
};
export type CustomerCandidate = { entity: "customers"; input: z.output<typeof createCustomerSchema> };
export type Candidate = CaseCandidate | CustomerCandidate;

export type MappedRow = { ok: true; value: Candidate; externalId: string | null } | { ok: false; error: string };

const emailSchema = z.email({ message: "Not an email address" });

/** "title: Use at least 3 characters; priority: Invalid option" */
export function issuesText(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}

const upper = (v: string | undefined) => (v ? v.toUpperCase() : undefined);
const orUndefined = (v: string | undefined) => (v === undefined || v === "" ? undefined : v);

/** Builds a function reading mapped fields of a record by the header row's column positions. */
export function rowMapper(entity: ImportEntity, headers: readonly string[], mapping: ImportMapping) {
  const index = new Map(Object.entries(mapping).map(([field, header]) => [field, headers.indexOf(header)]));
  const read = (record: readonly string[], field: string): string | undefined => {
    const i = index.get(field);
    return i === undefined || i < 0 ? undefined : (record[i] ?? "").trim();
  };

  return (record: readonly string[]): MappedRow => {
    if (record.length !== headers.length) {
      return { ok: false, error: `Expected ${headers.length} columns, found ${record.length}` };
    }
    const externalId = orUndefined(read(record, "externalId")) ?? null;
    if (externalId && externalId.length > 200) return { ok: false, error: "externalId: Use at most 200 characters" };
    if (entity === "customers") {
      const parsed = createCustomerSchema.safeParse({
        name: read(record, "name") ?? "",
        email: read(record, "email"),
        phone: read(record, "phone"),
        company: read(record, "company"),
        externalId: externalId ?? undefined,
        notes: orUndefined(read(record, "notes")),
      });
      return parsed.success ? { ok: true, value: { entity, input: parsed.data }, externalId } : { ok: false, error: issuesText(parsed.error) };
    }

    const tags = read(record, "tags");
    const parsed = createCaseSchema.safeParse({
      title: read(record, "title") ?? "",
      description: orUndefined(read(record, "description")),
      channel: upper(orUndefined(read(record, "channel"))),
      priority: upper(orUndefined(read(record, "priority"))),
      tags: tags ? tags.split(/[,;]/).map((t) => t.trim()).filter(Boolean) : undefined,
      category: orUndefined(read(record, "category")),
      businessUnit: orUndefined(read(record, "businessUnit")),
    });
    const errors: string[] = parsed.success ? [] : [issuesText(parsed.error)];
    const status = caseStatusSchema.default("NEW").safeParse(upper(orUndefined(read(record, "status"))));
    if (!status.success) errors.push(`status: ${status.error.issues[0]?.message ?? "Invalid"}`);
    else if (status.data === "SNOOZED") errors.push("status: SNOOZED cases need a wake-up time; import them as PENDING");
    const emails: Record<"customerEmail" | "assigneeEmail", string | null> = { customerEmail: null, assigneeEmail: null };
    for (const field of ["customerEmail", "assigneeEmail"] as const) {
      const value = orUndefined(read(record, field));
      if (!value) continue;
      const email = emailSchema.safeParse(value);
      if (email.success) emails[field] = email.data.toLowerCase();
      else errors.push(`${field}: Not an email address`);
    }
    if (errors.length > 0 || !parsed.success || !status.success) return { ok: false, error: errors.join("; ") };
    return { ok: true, value: { entity, input: parsed.data, status: status.data, ...emails }, externalId };
  };
}
