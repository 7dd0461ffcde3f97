// The widget's logo: an image admins upload, checked by its bytes like any attachment and
// re-encoded (metadata gone, at most 256 px square for sharp headers on dense screens) to a WebP of
// a few KB, which the public widget serves from the row.
import sharp from "sharp";
import { AppError } from "@/server/errors/app-error";
import { detectType, SAMPLE_BYTES } from "@/server/services/attachments/detect-type";

const LOGO_PX = 256;

export async function reencodeLogo(bytes: Buffer): Promise<Buffer> {
  const type = await detectType(bytes.subarray(0, SAMPLE_BYTES), "logo");
  if (!type.image) {
    throw new AppError("UNPROCESSABLE_CONTENT", "Use a PNG, JPEG, GIF or WebP image for the logo", { reason: "LOGO_NOT_AN_IMAGE", fieldErrors: { image: ["Choose an image file"] } });
  }
  try {
    return await sharp(bytes, { limitInputPixels: 40_000_000 }).rotate().resize(LOGO_PX, LOGO_PX, { fit: "inside", withoutEnlargement: true }).webp({ quality: 90 }).toBuffer();
  } catch {
    throw new AppError("UNPROCESSABLE_CONTENT", "This image could not be read", { reason: "IMAGE_UNREADABLE", fieldErrors: { image: ["Choose another image"] } });
  }
}
