import { revokeApiKeySchema } from "@/lib/validations/admin";
import { tenantProcedure } from "@/server/api/trpc";
import { revokeApiKey as revokeApiKeyService } from "@/server/services/api-keys/manage-api-keys";
import { apiKeyOutput } from "./api-key-output";

export const revokeApiKey = tenantProcedure("api-keys:manage")
  .meta({ openapi: { method: "DELETE", path: "/api-keys/{id}" } })
  .input(revokeApiKeySchema)
  .output(apiKeyOutput)
  .mutation(({ ctx, input }) => revokeApiKeyService(ctx.db, input.id));
