// Images are re-encoded before anyone sees them: EXIF (camera, GPS position), XMP and comments are
// dropped (sharp keeps no metadata unless asked), the orientation is applied to the pixels, and a
// small WebP thumbnail is made for the conversation. A file that does not decode is refused.
import type { Readable } from "node:stream";
import pLimit from "p-limit";
import sharp, { type OutputInfo, type Sharp } from "sharp";
import { AppError } from "@/server/errors/app-error";
import type { FileStorage, StoredObject } from "@/server/storage";

/**
 * Decompression bombs: a 24-megapixel limit (a 6,000 × 4,000 camera photo). Decoding and rotating
 * hold the whole image in memory, about 100 MB at this size, so few run at once (IMAGE_WORK).
 */
const MAX_PIXELS = 24_000_000;
/** Images re-encoded at once per process, and how many may wait; past that, 503 with Retry-After. */
const IMAGE_WORK = pLimit(2);
const MAX_WAITING = 8;
const THUMBNAIL_SIZE = 320;

export interface ReencodedImage {
  file: StoredObject;
  thumbnail: StoredObject;
  width: number;
  height: number;
}

function encoderFor(contentType: string, image: Sharp): Sharp {
  switch (contentType) {
    case "image/jpeg":
      return image.jpeg({ quality: 88, mozjpeg: true });
    case "image/png":
      return image.png({ compressionLevel: 8 });
    case "image/gif":
      return image.gif();
    default:
      return image.webp({ quality: 88 });
  }
}

export async function reencodeImage(source: Readable, contentType: string, storage: FileStorage): Promise<ReencodedImage> {
  if (IMAGE_WORK.pendingCount >= MAX_WAITING) {
    source.destroy();
    throw new AppError("SERVICE_UNAVAILABLE", "Too many images are being processed; send it again in a moment", { reason: "OVERLOADED", retryAfterSeconds: 2 });
  }
  return IMAGE_WORK(() => reencode(source, contentType, storage));
}

async function reencode(source: Readable, contentType: string, storage: FileStorage): Promise<ReencodedImage> {
  const animated = contentType === "image/gif" || contentType === "image/webp";
  const input = sharp({ limitInputPixels: MAX_PIXELS, animated, failOn: "error" });
  let size = { width: 0, height: 0 };
  const full = encoderFor(contentType, input.clone().rotate()).on("info", (info: OutputInfo) => {
    size = { width: info.width, height: info.pageHeight ?? info.height };
  });
  const thumbnail = input
    .clone()
    .rotate()
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside", withoutEnlargement: true })
    .webp({ quality: 72 });
  source.on("error", (error) => input.destroy(error));
  source.pipe(input);
  const stored = await Promise.allSettled([storage.put(full, { contentType }), storage.put(thumbnail, { contentType: "image/webp" })]);
  const [file, thumb] = stored;
  if (file.status === "fulfilled" && thumb.status === "fulfilled") {
    return { file: file.value, thumbnail: thumb.value, width: size.width, height: size.height };
  }
  for (const result of stored) if (result.status === "fulfilled") await storage.delete(result.value.key);
  const reason = (file.status === "rejected" ? file.reason : (thumb as PromiseRejectedResult).reason) as unknown;
  if (reason instanceof AppError) throw reason;
  throw new AppError("UNPROCESSABLE_CONTENT", "This image could not be read: it may be damaged, or larger than 24 megapixels", {
    reason: "IMAGE_UNREADABLE",
  });
}
