import { z } from "zod";
import { authedProcedure } from "@/server/api/trpc";
import { listTenantsOfUser } from "@/server/services/accounts/list-tenants-of-user";

export const myTenants = authedProcedure
  .output(z.array(z.object({ slug: z.string(), name: z.string(), role: z.string(), status: z.string() })))
  .query(({ ctx }) => (ctx.user ? listTenantsOfUser(ctx.user.id) : []));
