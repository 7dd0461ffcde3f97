import { z } from "zod";
import { adminCreateTenantSchema } from "@/lib/validations/admin";
import { platformAdminProcedure } from "@/server/api/trpc";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { createTenant as createTenantService } from "@/server/services/admin/create-tenant";

/** The tenant and an OWNER invitation; `url` is set when the mail was not sent (no SMTP). */
export const createTenant = platformAdminProcedure
  .input(adminCreateTenantSchema)
  .output(
    z.object({
      tenant: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
      invitationId: z.string(),
      delivered: z.boolean(),
      url: z.string().nullable(),
    }),
  )
  .mutation(({ ctx, input }) => withPrivilegedDb("platform admin: create tenant", (db) => createTenantService(db, ctx.admin, input, { baseUrl: ctx.origin })));
