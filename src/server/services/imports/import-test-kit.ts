// Test helpers for imports and exports: upload through the real route with an API key, run the
// job types, read files back from storage.
import { TENANT_HEADER } from "@/server/api/context";
import { runDueJobs } from "@/server/jobs";
import { getStorage } from "@/server/storage";
import { EXPORT_CASES_JOB } from "@/server/services/exports/export-job";
import { POST as uploadRoute } from "@/app/api/imports/upload/route";
import { GET as fileRoute } from "@/app/api/files/[id]/route";
import { IMPORT_JOB } from "./import-job";
import type { ReceivedUpload } from "./receive-upload";

export async function uploadCsv(
  key: string,
  body: BodyInit,
  opts: { entity?: string; slug?: string; filename?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const url = new URL("http://localhost/api/imports/upload");
  if (opts.entity !== null) url.searchParams.set("entity", opts.entity ?? "cases");
  url.searchParams.set("filename", opts.filename ?? "cases.csv");
  const headers = new Headers({ authorization: `Bearer ${key}`, ...(opts.headers ?? {}) });
  if (opts.slug) headers.set("x-tenant-slug", opts.slug);
  const init: RequestInit & { duplex?: "half" } = { method: "POST", body, headers, duplex: "half" };
  return uploadRoute(new Request(url, init));
}

export async function uploadOk(key: string, csv: string, opts: Parameters<typeof uploadCsv>[2] = {}): Promise<ReceivedUpload> {
  const response = await uploadCsv(key, csv, opts);
  const body = (await response.json()) as ReceivedUpload;
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

export function runImportJobs() {
  return runDueJobs({ types: [IMPORT_JOB, EXPORT_CASES_JOB], recurring: false, budgetMs: 120_000 });
}

export async function downloadFile(fileId: string, auth: { key?: string; slug?: string }): Promise<Response> {
  const headers = new Headers();
  if (auth.key) headers.set("authorization", `Bearer ${auth.key}`);
  if (auth.slug) headers.set(TENANT_HEADER, auth.slug);
  return fileRoute(new Request(`http://localhost/api/files/${fileId}`, { headers }), { params: Promise.resolve({ id: fileId }) });
}

export async function readStored(key: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await getStorage().get(key)) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
