import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { verifyAuditChain } from "@/server/audit/verify-chain";
import { requireTenantId } from "@/server/db/tenant-scope";

export const verifyAuditChainProcedure = tenantProcedure("audit:read")
  .meta({ openapi: { method: "GET", path: "/audit-events/verify" } })
  .output(
    z.object({
      ok: z.boolean(),
      events: z.number().int(),
      legacyEvents: z.number().int(),
      checkpoint: z.object({ seq: z.number().int(), at: z.date() }).nullable(),
      breaks: z.array(z.object({ seq: z.number().int(), eventId: z.string(), reason: z.string() })),
      warnings: z.array(z.string()),
    }),
  )
  .query(({ ctx }) => verifyAuditChain(ctx.db, requireTenantId()));
