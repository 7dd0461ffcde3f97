// Customer schemas shared by forms and procedures.
import { z } from "zod";
import { text } from "./text";
import { emailSchema } from "./auth";

const phoneSchema = text()
  .trim()
  .max(40)
  .regex(/^\+?[0-9 ().-]{5,40}$/, { message: "Use digits, spaces, + ( ) - ." });

const attributeValue = z.union([text().max(500), z.number(), z.boolean(), z.null()]);
export const customerAttributesSchema = z
  .record(text().trim().min(1).max(60), attributeValue)
  .refine((v) => Object.keys(v).length <= 50, { message: "At most 50 attributes" });

const optionalEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), schema.nullable());

const customerFields = {
  name: text().trim().min(1, { message: "Enter a name" }).max(200),
  email: optionalEmpty(emailSchema),
  phone: optionalEmpty(phoneSchema),
  company: optionalEmpty(text().trim().max(200)),
  externalId: optionalEmpty(text().trim().max(200)),
  notes: text().trim().max(10_000),
  attributes: customerAttributesSchema,
};

export const createCustomerSchema = z.object({
  name: customerFields.name,
  email: customerFields.email.optional(),
  phone: customerFields.phone.optional(),
  company: customerFields.company.optional(),
  externalId: customerFields.externalId.optional(),
  notes: customerFields.notes.default(""),
  attributes: customerFields.attributes.default({}),
});
export type CreateCustomerInput = z.input<typeof createCustomerSchema>;

/** Only the fields given change; `version` is the one the editor read. */
export const updateCustomerSchema = z.object({
  id: z.uuid(),
  version: z.number().int().min(1),
  name: customerFields.name.optional(),
  email: customerFields.email.optional(),
  phone: customerFields.phone.optional(),
  company: customerFields.company.optional(),
  externalId: customerFields.externalId.optional(),
  notes: customerFields.notes.optional(),
  attributes: customerFields.attributes.optional(),
});
export type UpdateCustomerInput = z.input<typeof updateCustomerSchema>;
