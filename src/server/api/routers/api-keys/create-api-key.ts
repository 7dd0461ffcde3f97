import { z } from "zod";
import { createApiKeySchema } from "@/lib/validations/admin";
import { tenantProcedure } from "@/server/api/trpc";
import { createApiKey as createApiKeyService } from "@/server/services/api-keys/manage-api-keys";
import { apiKeyOutput } from "./api-key-output";

export const createApiKey = tenantProcedure("api-keys:manage")
  .meta({ openapi: { method: "POST", path: "/api-keys" } })
  .input(createApiKeySchema)
  .output(z.object({ apiKey: apiKeyOutput, secret: z.string() }))
  .mutation(({ ctx, input }) => {
    // A key made by a key stands on the same member's authority, so it dies with theirs.
    const maker = ctx.principal
      ? { role: ctx.role, userId: null, authorityUserId: ctx.principal.authorityUserId }
      : { role: ctx.role, userId: ctx.user?.id ?? null, authorityUserId: ctx.user?.id ?? null };
    return createApiKeyService(ctx.db, maker, input);
  });
