// Daily: deletes stored files (exports, uploads, rejected rows) past their retention
// (src/server/services/files/retention.ts), bytes and rows.
import { z } from "zod";
import { purgeExpiredFiles } from "@/server/services/files/purge-expired-files";
import { getStorage } from "@/server/storage";
import { defineJob } from "../define";

export const purgeExpiredFilesJob = defineJob({
  type: "files.purge-expired",
  scope: "system",
  payload: z.object({}),
  maxAttempts: 3,
  timeoutMs: 5 * 60_000,
  async handler(_payload, { db, logger }) {
    const result = await purgeExpiredFiles(db, getStorage());
    if (result.deleted) logger.info(result, "purged expired files");
    return result;
  },
});
