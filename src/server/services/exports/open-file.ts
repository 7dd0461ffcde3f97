// Who may download a stored file: a member of its tenant holding the permission of its purpose.
// Anyone else (another tenant, a role without that permission) gets NOT_FOUND, as if the file
// did not exist.
import type { Readable } from "node:stream";
import type { Permission } from "@/server/auth/permissions";
import { withTenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";
import { getStorage, type FileStorage } from "@/server/storage";

const PURPOSE_PERMISSION: Record<string, Permission> = {
  import: "imports:create",
  "import-rejects": "imports:create",
  export: "exports:create",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface OpenedFile {
  filename: string;
  contentType: string;
  size: number;
  body: Readable;
}

export async function openTenantFile(
  input: { tenantId: string; permissions: ReadonlySet<Permission>; fileId: string },
  storage: FileStorage = getStorage(),
): Promise<OpenedFile> {
  if (!UUID.test(input.fileId)) throw notFound("File");
  const file = await withTenantDb(input.tenantId, (db) =>
    db.storedFile.findFirst({ where: { id: input.fileId }, select: { purpose: true, filename: true, contentType: true, size: true, storageKey: true, expiresAt: true } }),
  );
  const needed = file ? PURPOSE_PERMISSION[file.purpose] : undefined;
  if (!file || !needed || !input.permissions.has(needed) || (file.expiresAt && file.expiresAt < new Date())) throw notFound("File");
  return { filename: file.filename, contentType: file.contentType, size: Number(file.size), body: await storage.get(file.storageKey) };
}
