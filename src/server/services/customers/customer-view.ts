import { z } from "zod";
import type { Prisma } from "@/server/db/generated/client";
import { decryptPii, maskEmail, maskPhone } from "./pii";

/** What leaves the database for a customer; ciphertexts are decrypted (and masked) below. */
export const customerRowSelect = {
  id: true,
  tenantId: true,
  name: true,
  emailCiphertext: true,
  phoneCiphertext: true,
  company: true,
  externalId: true,
  notes: true,
  attributes: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.CustomerSelect;

export type CustomerRow = Prisma.CustomerGetPayload<{ select: typeof customerRowSelect }>;

const attributes = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export const customerOutput = z.object({
  id: z.string(),
  name: z.string(),
  /** Clear for members with pii:read, masked (j***@e***.com) otherwise. */
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** True when email and phone above are masked. */
  piiMasked: z.boolean(),
  company: z.string().nullable(),
  externalId: z.string().nullable(),
  notes: z.string(),
  attributes,
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type CustomerView = z.infer<typeof customerOutput>;

/** Decrypts with the row's own tenant as context; a failure throws (never shows garbage). */
export function toCustomerView(row: CustomerRow, canReadPii: boolean): CustomerView {
  const email = decryptPii(row.tenantId, "email", row.emailCiphertext);
  const phone = decryptPii(row.tenantId, "phone", row.phoneCiphertext);
  const parsed = attributes.safeParse(row.attributes);
  return {
    id: row.id,
    name: row.name,
    email: email && !canReadPii ? maskEmail(email) : email,
    phone: phone && !canReadPii ? maskPhone(phone) : phone,
    piiMasked: !canReadPii,
    company: row.company,
    externalId: row.externalId,
    notes: row.notes,
    attributes: parsed.success ? parsed.data : {},
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The short form shown with a case: name, company and (masked) email. */
export const customerBriefSelect = { id: true, tenantId: true, name: true, company: true, emailCiphertext: true } satisfies Prisma.CustomerSelect;
export const customerBriefOutput = z.object({ id: z.string(), name: z.string(), company: z.string().nullable(), email: z.string().nullable() });
export type CustomerBrief = z.infer<typeof customerBriefOutput>;

export function toCustomerBrief(
  row: Prisma.CustomerGetPayload<{ select: typeof customerBriefSelect }>,
  canReadPii: boolean,
): CustomerBrief {
  const email = decryptPii(row.tenantId, "email", row.emailCiphertext);
  return { id: row.id, name: row.name, company: row.company, email: email && !canReadPii ? maskEmail(email) : email };
}
