import { z } from "zod";
import { createApiKeySchema } from "@/lib/validations/admin";
import { tenantProcedure } from "@/server/api/trpc";
import { createApiKey as createApiKeyService } from "@/server/services/api-keys/manage-api-keys";
import { apiKeyOutput } from "./api-key-output";

export const createApiKey = tenantProcedure("api-keys:manage")
  .meta({ openapi: { method: "POST", path: "/api-keys" } })
  .input(createApiKeySchema)
  .output(z.object({ apiKey: apiKeyOutput, secret: z.string() }))
  .mutation(({ ctx, input }) =>
    createApiKeyService(ctx.db, { role: ctx.role, userId: ctx.principal ? null : (ctx.user?.id ?? null) }, input),
  );
