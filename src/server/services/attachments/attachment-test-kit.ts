// Test helpers for attachments: sample files made with the image library itself, and the member
// routes called as a script would (API key) or as a session's upload (the service, by user).
import { Readable } from "node:stream";
import sharp from "sharp";
import { GET as downloadRoute } from "@/app/api/attachments/[id]/route";
import { POST as uploadRoute } from "@/app/api/attachments/route";
import { TENANT_HEADER } from "@/server/api/context";
import { receiveAttachment } from "./receive-attachment";

export const pngBytes = (width = 40, height = 30) => sharp({ create: { width, height, channels: 3, background: "#4f46e5" } }).png().toBuffer();

/** A JPEG as a phone writes it: camera and position metadata, rotated by an EXIF orientation tag. */
export const phoneJpeg = () =>
  sharp({ create: { width: 60, height: 20, channels: 3, background: "#16a34a" } })
    .jpeg()
    .withExif({ IFD0: { Make: "PhoneMaker", Copyright: "Secret Home Address" } })
    .withMetadata({ orientation: 6 })
    .toBuffer();

/** A Windows program's first bytes ("MZ" header with a PE signature), under any name. */
export function windowsProgram(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write("MZ", 0, "latin1");
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write("PE\0\0", 0x80, "latin1");
  return bytes;
}

export const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

export async function uploadAs(key: string, bytes: Uint8Array, filename: string, opts: { slug?: string; announce?: boolean } = {}): Promise<Response> {
  const headers = new Headers({ authorization: `Bearer ${key}` });
  if (opts.slug) headers.set(TENANT_HEADER, opts.slug);
  if (opts.announce !== false) headers.set("content-length", String(bytes.length));
  const init: RequestInit & { duplex?: "half" } = { method: "POST", headers, body: Readable.toWeb(Readable.from([bytes])) as ReadableStream, duplex: "half" };
  return uploadRoute(new Request(`http://localhost/api/attachments?filename=${encodeURIComponent(filename)}`, init));
}

export function download(id: string, key: string, opts: { slug?: string; variant?: "thumbnail" } = {}): Promise<Response> {
  const headers = new Headers({ authorization: `Bearer ${key}` });
  if (opts.slug) headers.set(TENANT_HEADER, opts.slug);
  const query = opts.variant ? "?variant=thumbnail" : "";
  return downloadRoute(new Request(`http://localhost/api/attachments/${id}${query}`, { headers }), { params: Promise.resolve({ id }) });
}

/** A member's upload through the service (what the route does for a signed-in session). */
export function uploadByUser(tenantId: string, userId: string, bytes: Uint8Array, filename: string, opts: { scan?: boolean } = {}) {
  return receiveAttachment({ tenantId, uploader: { userId }, filename, body: Readable.from([bytes]), scan: opts.scan });
}

export async function bytesOf(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}
