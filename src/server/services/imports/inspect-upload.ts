// Checks an uploaded CSV while it streams to storage: UTF-8 text only (a NUL byte or an invalid
// sequence means binary or another encoding), and keeps the first bytes to read the header row
// from. Refusing during the stream means a binary upload stops at its first bad chunk.
import { parse } from "csv-parse/sync";
import { AppError } from "@/server/errors/app-error";

const SAMPLE_BYTES = 64 * 1024;
/** Rows of the sample parsed to check the file is CSV at all; the job checks every row. */
const SAMPLE_ROWS = 100;

export interface UploadInspection {
  bytes: number;
  sample: Buffer;
}

const notText = (why: string) =>
  new AppError("UNPROCESSABLE_CONTENT", `This is not a CSV text file: ${why}`, { reason: "NOT_CSV_TEXT" });

/** Passes chunks through unchanged, refusing binary or non-UTF-8 content. */
export async function* inspectUpload(source: AsyncIterable<Uint8Array>, into: UploadInspection): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const sample: Buffer[] = [];
  let sampled = 0;
  for await (const raw of source) {
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
    if (chunk.includes(0)) throw notText("it contains binary data");
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      throw notText("it is not UTF-8 encoded");
    }
    if (sampled < SAMPLE_BYTES) {
      sample.push(chunk.subarray(0, SAMPLE_BYTES - sampled));
      sampled += Math.min(chunk.length, SAMPLE_BYTES - sampled);
    }
    into.bytes += chunk.length;
    yield chunk;
  }
  try {
    decoder.decode();
  } catch {
    throw notText("it ends in the middle of a character");
  }
  into.sample = Buffer.concat(sample);
}

/** The header row of the file (from its sample), refusing files that are not usable CSV. */
export function headersOf(inspection: UploadInspection): string[] {
  if (inspection.bytes === 0) throw new AppError("UNPROCESSABLE_CONTENT", "The file is empty", { reason: "EMPTY_FILE" });
  const truncated = inspection.bytes > inspection.sample.length;
  let text = inspection.sample.toString("utf8");
  // A sample cut mid-file may end inside a character or a line: keep whole lines only.
  if (truncated) text = text.slice(0, Math.max(text.lastIndexOf("\n"), 0));
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, to: SAMPLE_ROWS, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    const code = (error as { code?: string }).code;
    // The cut may fall inside a quoted field spanning lines; the job will read the whole file.
    if (!(truncated && code === "CSV_QUOTE_NOT_CLOSED")) {
      throw new AppError("UNPROCESSABLE_CONTENT", `The file is not valid CSV: ${(error as Error).message}`, { reason: "INVALID_CSV" });
    }
    rows = parse(text.slice(0, text.indexOf("\n") + 1 || undefined), { bom: true, relax_column_count: true }) as string[][];
  }
  const headers = (rows[0] ?? []).map((h) => h.trim());
  if (headers.length === 0 || headers.every((h) => h === "")) {
    throw new AppError("UNPROCESSABLE_CONTENT", "The file has no header row", { reason: "NO_HEADER_ROW" });
  }
  if (headers.some((h) => h === "")) {
    throw new AppError("UNPROCESSABLE_CONTENT", "Every column needs a name in the header row", { reason: "EMPTY_HEADER" });
  }
  const seen = new Set<string>();
  for (const h of headers) {
    if (seen.has(h.toLowerCase())) {
      throw new AppError("UNPROCESSABLE_CONTENT", `The header row names "${h}" twice`, { reason: "DUPLICATE_HEADER" });
    }
    seen.add(h.toLowerCase());
  }
  if (headers.length > 200) throw new AppError("UNPROCESSABLE_CONTENT", "The file has more than 200 columns", { reason: "TOO_MANY_COLUMNS" });
  return headers;
}

/** A file name safe to store and to send back in Content-Disposition. */
export function cleanFilename(raw: string | null | undefined, fallback = "upload.csv"): string {
  const base = (raw ?? "").split(/[\\/]/).pop() ?? "";
  // Control characters (C0 and C1), characters Windows refuses, and the bidirectional controls
  // that make "invoice\u202Efdp.exe" read as "invoiceexe.pdf".
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069"<>|*?:]/g, "").trim().slice(0, 200);
  return clean && clean !== "." && clean !== ".." ? clean : fallback;
}
