// Removes stored files past their expiry: the bytes first (a row without bytes is harmless, bytes
// without a row could never be found again), then the rows, and the links imports hold to them.
import type { PrivilegedDb } from "@/server/db/privileged-db";
import { AppError } from "@/server/errors/app-error";
import type { FileStorage } from "@/server/storage";

export async function purgeExpiredFiles(
  db: PrivilegedDb,
  storage: FileStorage,
  options: { now?: Date; batch?: number } = {},
): Promise<{ deleted: number; more: boolean }> {
  const batch = options.batch ?? 500;
  const expired = await db.storedFile.findMany({
    where: { expiresAt: { lt: options.now ?? new Date() } },
    select: { id: true, storageKey: true },
    orderBy: { expiresAt: "asc" },
    take: batch,
  });
  if (expired.length === 0) return { deleted: 0, more: false };
  for (const file of expired) {
    try {
      await storage.delete(file.storageKey);
    } catch (error) {
      // A key the storage refuses as malformed can hold no bytes: its row goes like the others,
      // instead of stopping the purge for every tenant at that row.
      if (!(error instanceof AppError && error.code === "NOT_FOUND")) throw error;
    }
  }
  const ids = expired.map((f) => f.id);
  await db.import.updateMany({ where: { rejectsFileId: { in: ids } }, data: { rejectsFileId: null } });
  await db.storedFile.deleteMany({ where: { id: { in: ids } } });
  return { deleted: expired.length, more: expired.length === batch };
}
