import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { apiKeySelect } from "@/server/services/api-keys/manage-api-keys";
import { apiKeyOutput } from "./api-key-output";

export const listApiKeys = tenantProcedure("api-keys:manage")
  .meta({ openapi: { method: "GET", path: "/api-keys" } })
  .output(z.array(apiKeyOutput))
  .query(({ ctx }) => ctx.db.apiKey.findMany({ select: apiKeySelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }));
