import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { headSeq } from "@/server/realtime/event-log";

/**
 * Where the tenant's event log stands. A page rendered on the server hands it to its stream, which
 * then resumes from there: nothing that changes between the render and the stream is missed.
 */
export const getPosition = tenantProcedure("tenant:read")
  .output(z.object({ seq: z.number().int().nonnegative() }))
  .query(async ({ ctx }) => ({ seq: await headSeq(ctx.db) }));
