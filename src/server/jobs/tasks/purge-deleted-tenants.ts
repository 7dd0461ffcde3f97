// Purges tenants whose deletion grace period (TENANT_DELETION_GRACE_DAYS) has passed. Each tenant
// is purged in short privileged transactions (one per table), so a large tenant never holds one
// long transaction; a tenant that fails is retried by the next attempt or run.
import { z } from "zod";
import { deleteCheckpoint } from "@/server/audit/checkpoint";
import { dueTenantIds, purgeTenant } from "@/server/services/tenants/purge-tenant";
import { getStorage } from "@/server/storage";
import { defineJob } from "../define";

/** Per attempt; the next run continues with the rest. */
const TENANTS_PER_RUN = 20;

export const purgeDeletedTenantsJob = defineJob({
  type: "tenants.purge-deleted",
  scope: "system",
  transaction: "per-call",
  payload: z.object({}),
  maxAttempts: 3,
  timeoutMs: 30 * 60_000,
  async handler(_payload, { withDb, logger, signal }) {
    const now = new Date();
    const ids = await withDb((db) => dueTenantIds(db, now, TENANTS_PER_RUN));
    const storage = getStorage();
    let purged = 0;
    for (const tenantId of ids) {
      signal.throwIfAborted();
      // The tenant's file bytes (uploads, exports, rejected rows) go with its rows.
      const result = await purgeTenant(withDb, tenantId, { now, deleteStoredObject: (key) => storage.delete(key) });
      if (result.purged) {
        // Its audit trail is gone with it, so is the checkpoint that vouched for that trail.
        await deleteCheckpoint(storage, tenantId);
        purged++;
        logger.info({ tenantId, deleted: result.deleted, files: result.files }, "purged deleted tenant");
      }
    }
    return { purged, more: ids.length === TENANTS_PER_RUN };
  },
});
