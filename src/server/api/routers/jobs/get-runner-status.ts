import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { runnerStatus } from "@/server/jobs";

/** Whether any job runner was seen in the last minute: without one, waiting jobs never start. */
export const getRunnerStatus = tenantProcedure("tenant:read")
  .meta({ openapi: { method: "GET", path: "/job-runners/status" } })
  .output(z.object({ lastSeenAt: z.date().nullable(), stale: z.boolean() }))
  .query(({ ctx }) => runnerStatus(ctx.db));
