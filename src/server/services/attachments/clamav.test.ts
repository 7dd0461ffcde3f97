// The clamd client on its own: the job's signal ends a scan at whatever point it is, including
// between two chunks of the file, when the connection is already gone by the next write.
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanFilename } from "@/server/services/imports/inspect-upload";
import { scanWithClamd } from "./clamav";
import { fakeClamd, type FakeClamd } from "./fake-clamd";

let clamd: FakeClamd;
beforeAll(async () => {
  clamd = await fakeClamd();
});
afterAll(() => clamd.close());

describe("scanWithClamd", () => {
  it("stopped while the file is still being read from storage: ends at once and closes the file", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* slowFile() {
      yield Buffer.from("STALL first part ");
      await gate;
      yield Buffer.from("second part");
    }
    const body = Readable.from(slowFile());
    const stop = new AbortController();
    const scanning = scanWithClamd(clamd.url, body, stop.signal);
    scanning.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    const reason = new Error("runner shutting down");
    stop.abort(reason);
    // The next chunk arrives after the connection was cut: the write must not wait for a drain that never comes.
    release();
    await expect(scanning).rejects.toBe(reason);
    expect(body.destroyed).toBe(true);
  });

  it("a signal already aborted opens no connection and closes the file", async () => {
    const body = Readable.from([Buffer.from("anything")]);
    const stop = new AbortController();
    stop.abort(new Error("stopped before"));
    await expect(scanWithClamd(clamd.url, body, stop.signal)).rejects.toThrow("stopped before");
    expect(body.destroyed).toBe(true);
  });

  it("answers clean and found as the daemon says", async () => {
    await expect(scanWithClamd(clamd.url, Readable.from([Buffer.from("a clean file")]))).resolves.toEqual({ clean: true });
    await expect(scanWithClamd(clamd.url, Readable.from([Buffer.from("X5O!P%@AP EICAR-STANDARD-ANTIVIRUS-TEST-FILE")]))).resolves.toEqual({
      clean: false,
      signature: "Eicar-Test-Signature",
    });
  });
});

describe("cleanFilename", () => {
  it("drops paths, control characters and the bidirectional controls that disguise an extension", () => {
    expect(cleanFilename("../../etc/passwd")).toBe("passwd");
    expect(cleanFilename("C:\\Users\\me\\report.pdf")).toBe("report.pdf");
    expect(cleanFilename("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(cleanFilename("a\u0000b\u0085c\u2067d.txt")).toBe("abcd.txt");
    expect(cleanFilename("café ☕.txt")).toBe("café ☕.txt");
    expect(cleanFilename("..", "file")).toBe("file");
  });
});
