// Writes CSV rows to a temporary file (csv-stringify), then hands the file to storage. Used for
// rejected rows and exports: rows arrive batch by batch from the database, the finished file is
// stored once, and a failed or cancelled job leaves nothing in storage.
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { stringify, type Stringifier } from "csv-stringify";
import type { FileStorage, StoredObject } from "@/server/storage";

export class CsvFileWriter {
  private dir: string | null = null;
  private out: WriteStream | null = null;
  private csv: Stringifier | null = null;
  private finished: Promise<unknown> | null = null;
  rows = 0;

  constructor(private readonly header: string[]) {}

  private async open(): Promise<Stringifier> {
    this.dir = await mkdtemp(join(tmpdir(), "caseboard-csv-"));
    this.out = createWriteStream(join(this.dir, "data.csv"));
    this.csv = stringify({ bom: true });
    this.finished = once(this.out, "finish");
    this.csv.pipe(this.out);
    this.csv.write(this.header);
    return this.csv;
  }

  async write(row: unknown[]): Promise<void> {
    const csv = this.csv ?? (await this.open());
    this.rows += 1;
    // Respect backpressure so a large export never piles up in memory.
    if (!csv.write(row)) await once(csv, "drain");
  }

  /** Stores what was written (the header alone when nothing was) and removes the temporary file. */
  async store(storage: FileStorage): Promise<StoredObject> {
    const csv = this.csv ?? (await this.open());
    csv.end();
    await this.finished;
    try {
      return await storage.put(createReadStream(join(this.dir!, "data.csv")), { contentType: "text/csv" });
    } finally {
      await this.discard();
    }
  }

  async discard(): Promise<void> {
    this.csv?.destroy();
    this.out?.destroy();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
