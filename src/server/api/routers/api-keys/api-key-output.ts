import { z } from "zod";
import { roleSchema } from "@/lib/validations/admin";

export const apiKeyOutput = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: roleSchema,
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  createdAt: z.date(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
