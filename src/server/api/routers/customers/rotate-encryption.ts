import { z } from "zod";
import { recordAudit } from "@/server/audit";
import { tenantProcedure } from "@/server/api/trpc";
import { enqueue } from "@/server/jobs";
import { ROTATE_CUSTOMER_ENCRYPTION_JOB, rotateCustomerEncryptionJob } from "@/server/services/customers/rotate-encryption-job";

/** After a key rotation: re-encrypts this tenant's customer PII under the new primary key, in the background. */
export const rotateCustomerEncryption = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "POST", path: "/customers/rotate-encryption" } })
  .input(z.object({ batchSize: z.number().int().min(1).max(5000).optional() }).optional())
  .output(z.object({ jobId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const jobId = await enqueue(rotateCustomerEncryptionJob, { batchSize: input?.batchSize }, { db: ctx.db, dedupeKey: ROTATE_CUSTOMER_ENCRYPTION_JOB });
    await recordAudit(ctx.db, { action: "customer.encryption_rotation_requested", targetType: "job", targetId: jobId });
    return { jobId };
  });
