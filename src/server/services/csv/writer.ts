// The one way Caseboard writes CSV (exports, the audit export, an import's rejected rows). Every
// string cell, header included, is neutralised here, so no file the app produces can carry a
// formula into a spreadsheet, whoever wrote the value (a member, a customer, an imported file).
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import { stringify, type Options, type Stringifier } from "csv-stringify";
import type { FileStorage, StoredObject } from "@/server/storage";

/**
 * A cell starting with = + - @ (or tab / carriage return, which some spreadsheets skip before
 * them) is run as a formula when the file is opened ("CSV injection"); a leading quote makes it text.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** csv-stringify with every string cell neutralised; `cast` is ours, the rest is the caller's. */
export function csvStringifier(options: Omit<Options, "cast"> = {}): Stringifier {
  return stringify({ ...options, cast: { string: (value) => neutraliseCell(value) } });
}

/**
 * Rows to a temporary file, then to storage once finished: rows arrive batch by batch from the
 * database, and a failed or cancelled job leaves nothing in storage. Every stream is settled
 * through one pipeline whose outcome is always awaited or caught, so discarding the file halfway
 * (a cancel, a shutdown) never leaves a rejected promise or an 'error' event without a listener,
 * which a worker process treats as fatal.
 */
export class CsvFileWriter {
  private dir: string | null = null;
  private out: WriteStream | null = null;
  private csv: Stringifier | null = null;
  private done: Promise<void> | null = null;
  rows = 0;

  constructor(private readonly header: string[]) {}

  private async open(): Promise<Stringifier> {
    this.dir = await mkdtemp(join(tmpdir(), "caseboard-csv-"));
    this.out = createWriteStream(join(this.dir, "data.csv"));
    this.csv = csvStringifier({ bom: true });
    this.done = pipeline(this.csv, this.out);
    // Observed here so a failure while nobody awaits is not an unhandled rejection; store()
    // awaits `done` itself and sees the error.
    this.done.catch(() => undefined);
    this.csv.write(this.header);
    return this.csv;
  }

  async write(row: unknown[]): Promise<void> {
    const csv = this.csv ?? (await this.open());
    this.rows += 1;
    // Respect backpressure so a large export never piles up in memory; the pipeline settling (an
    // error, a discard) ends the wait too.
    if (!csv.write(row)) await Promise.race([once(csv, "drain"), this.done]);
  }

  /** Stores what was written (the header alone when nothing was) and removes the temporary file. */
  async store(storage: FileStorage): Promise<StoredObject> {
    const csv = this.csv ?? (await this.open());
    try {
      csv.end();
      await this.done;
      return await storage.put(createReadStream(join(this.dir!, "data.csv")), { contentType: "text/csv" });
    } finally {
      await this.discard();
    }
  }

  async discard(): Promise<void> {
    this.csv?.destroy();
    this.out?.destroy();
    await this.done?.catch(() => undefined);
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
