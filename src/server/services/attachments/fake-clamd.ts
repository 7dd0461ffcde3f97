// A stand-in for a ClamAV daemon in tests: it reads INSTREAM chunks until the zero-length one,
// then answers as clamd does. What it answers is decided by the file's content:
// - the EICAR test string: FOUND; "TOO-BIG": the size-limit error; anything else: OK;
// - "STALL": it has read the file and hangs, the connection open and unanswered;
// - "STALL-ONCE": hangs the first time it reads that file, answers OK after (a daemon that a
//   runner was waiting on when it died, answering the next runner).
// `answers` narrows which files it answers at all: the others get their connection cut, as a
// daemon that is not there (used where other tests' scan jobs may reach this daemon).
import { createServer, type Server, type Socket } from "node:net";

export interface FakeClamd {
  url: string;
  server: Server;
  /** Each file read, in order (a file scanned twice is here twice). */
  scanned: string[];
  close(): Promise<void>;
}

function verdict(content: string, seenBefore: boolean): string | null {
  if (content.includes("STALL-ONCE")) return seenBefore ? "stream: OK\0" : null;
  if (content.includes("STALL")) return null;
  if (content.includes("EICAR-STANDARD-ANTIVIRUS-TEST-FILE")) return "stream: Eicar-Test-Signature FOUND\0";
  if (content.includes("TOO-BIG")) return "INSTREAM size limit exceeded. ERROR\0";
  return "stream: OK\0";
}

export function fakeClamd(options: { answers?: (content: string) => boolean } = {}): Promise<FakeClamd> {
  const scanned: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let buffer = Buffer.alloc(0);
    let command = false;
    const data: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!command) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        if (buffer.subarray(0, end).toString() !== "zINSTREAM") return void socket.end("UNKNOWN COMMAND\0");
        command = true;
        buffer = buffer.subarray(end + 1);
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (length === 0) {
          const content = Buffer.concat(data).toString("latin1");
          if (options.answers && !options.answers(content)) return void socket.destroy();
          const seenBefore = scanned.includes(content);
          scanned.push(content);
          const answer = verdict(content, seenBefore);
          if (answer) socket.end(answer);
          return;
        }
        if (buffer.length < 4 + length) return;
        data.push(buffer.subarray(4, 4 + length));
        buffer = buffer.subarray(4 + length);
      }
    });
  });
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ url: `tcp://127.0.0.1:${(server.address() as { port: number }).port}`, server, scanned, close })),
  );
}
