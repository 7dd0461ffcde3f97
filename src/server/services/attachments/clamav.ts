// A ClamAV daemon's INSTREAM command over TCP (clamd's documented protocol): the file goes in
// length-prefixed chunks, clamd answers one line. Written here because it is a dozen lines of
// protocol; the npm clients want the clamscan binaries on this machine, which a scanner on
// another host does not need.
import { connect, type Socket } from "node:net";
import type { Readable } from "node:stream";

export type ScanVerdict = { clean: true } | { clean: false; signature: string };

const TIMEOUT_MS = 60_000;

/** Waits for room to write; a connection the daemon closed (or broke) ends the wait with an error. */
function drained(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    // Already gone (stopped by the job's signal, timed out): its close has fired, so nothing else would end this wait.
    if (socket.destroyed) return reject(socket.errored ?? new Error("The malware scanner closed the connection"));
    const done = (error?: Error) => {
      socket.off("drain", onDrain).off("close", onClose).off("error", done);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error("The malware scanner closed the connection"));
    socket.on("drain", onDrain).on("close", onClose).on("error", done);
  });
}

/** `signal` (the job's) ends the scan at once: a runner shutting down hands the job back instead of waiting on the daemon. */
export async function scanWithClamd(address: string, body: Readable, signal?: AbortSignal): Promise<ScanVerdict> {
  if (signal?.aborted) {
    body.destroy();
    signal.throwIfAborted();
  }
  const url = new URL(address);
  const socket = connect({ host: url.hostname, port: Number(url.port || 3310) });
  socket.setTimeout(TIMEOUT_MS);
  const abort = () => socket.destroy(signal?.reason instanceof Error ? signal.reason : new Error("The scan was stopped"));
  signal?.addEventListener("abort", abort, { once: true });
  try {
    return await scanOver(socket, body);
  } finally {
    signal?.removeEventListener("abort", abort);
    // Whatever ended the scan, neither the connection nor the file is left open.
    if (!socket.destroyed) socket.destroy();
    body.destroy();
  }
}

async function scanOver(socket: Socket, body: Readable): Promise<ScanVerdict> {
  const reply = new Promise<string>((resolve, reject) => {
    const parts: Buffer[] = [];
    const text = () => Buffer.concat(parts).toString("utf8").replace(/\0/g, "").trim();
    // A z-command's answer ends with a NUL; some daemons also close the connection.
    socket.on("data", (chunk: Buffer) => {
      parts.push(chunk);
      if (chunk.includes(0)) {
        resolve(text());
        socket.end();
      }
    });
    socket.on("end", () => resolve(text()));
    socket.on("timeout", () => socket.destroy(new Error("The malware scanner did not answer in time")));
    socket.on("error", reject);
    body.on("error", (error) => socket.destroy(error));
  });
  // Awaited below; until then a refused connection must not count as unhandled.
  reply.catch(() => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  socket.write("zINSTREAM\0");
  for await (const raw of body) {
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw as Uint8Array);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(chunk.length);
    if (socket.destroyed || !socket.write(Buffer.concat([length, chunk]))) await drained(socket);
  }
  socket.write(Buffer.alloc(4));
  const line = await reply;
  // "stream: OK" | "stream: Eicar-Signature FOUND" | "INSTREAM size limit exceeded. ERROR"
  if (/^stream: OK$/.test(line)) return { clean: true };
  // Larger than the daemon will read (its StreamMaxLength): a file that cannot be scanned is not released.
  if (/size limit exceeded/i.test(line)) return { clean: false, signature: "Too large to scan" };
  const found = /^stream: (.+) FOUND$/.exec(line);
  if (found) return { clean: false, signature: found[1]! };
  throw new Error(`The malware scanner answered: ${line || "nothing"}`);
}
