// Schemas for tenant administration, shared by settings forms and procedures.
import { z } from "zod";
import { dateInput } from "./date";
import { text } from "./text";
import { emailSchema } from "./auth";
import { tenantNameSchema, tenantSlugSchema } from "./tenant-settings";

export const ROLES = ["OWNER", "ADMIN", "AGENT", "VIEWER"] as const;
export const roleSchema = z.enum(ROLES);

export const updateMemberRoleSchema = z.object({ userId: z.uuid(), role: roleSchema });
export const removeMemberSchema = z.object({ userId: z.uuid() });

export const createApiKeySchema = z.object({
  name: text().trim().min(2, { message: "Use at least 2 characters" }).max(80),
  role: roleSchema.exclude(["OWNER"]),
  /** Days until it expires; empty = never. */
  expiresInDays: z.coerce.number().int().min(1).max(3650).nullable().default(null),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ id: z.uuid() });

export const auditListSchema = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: text().max(200).nullish(),
  actorId: text().max(100).optional(),
  action: text().trim().max(100).optional(),
  targetId: text().max(100).optional(),
  from: dateInput().optional(),
  to: dateInput().optional(),
});

// ---- Platform administration (src/server/api/routers/admin) ------------------------------------


export const TENANT_STATUSES = ["ACTIVE", "SUSPENDED"] as const;

export const adminListTenantsSchema = z.object({
  search: text().trim().max(100).optional(),
  status: z.enum(TENANT_STATUSES).optional(),
  limit: z.number().int().min(1).max(100).default(25),
  cursor: z.uuid().nullish(),
});

export const adminTenantIdSchema = z.object({ id: z.uuid() });

export const adminCreateTenantSchema = z.object({
  name: tenantNameSchema,
  slug: tenantSlugSchema,
  ownerEmail: emailSchema,
});
export type AdminCreateTenantInput = z.input<typeof adminCreateTenantSchema>;

export const adminTenantStatusSchema = z.object({
  id: z.uuid(),
  reason: text().trim().min(3, { message: "Say why, in a few words" }).max(500),
});
