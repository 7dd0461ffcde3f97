// What a file is, read from its first bytes (file-type's signatures), never from its name or the
// client's Content-Type; and whether it may be stored at all. Executables and installers are
// refused whatever they are called, and so are names that ask to be run.
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "@/server/errors/app-error";

/** How much of a file the detection reads (file-type's own sample size). */
export const SAMPLE_BYTES = 4100;

/** Types that run when opened: programs, installers, extensions, shortcuts, macro-enabled documents. */
const DENIED_TYPES = new Set([
  "application/x-msdownload",
  "application/x-elf",
  "application/x-mach-binary",
  "application/x-sharedlib",
  "application/java-archive",
  "application/java-vm",
  "application/vnd.android.package-archive",
  "application/x-apple-diskimage",
  "application/wasm",
  "application/x-deb",
  "application/x-rpm",
  "application/x-shockwave-flash",
  "application/vnd.ms-cab-compressed",
  "application/vnd.ms-htmlhelp",
  "application/x-google-chrome-extension",
  "application/x-xpinstall",
  "application/x-ms-regedit",
  "application/x.ms.shortcut",
  "application/x.apple.alias",
  "application/vnd.ms-excel.sheet.macroenabled.12",
  "application/vnd.ms-excel.template.macroenabled.12",
  "application/vnd.ms-powerpoint.presentation.macroenabled.12",
  "application/vnd.ms-powerpoint.slideshow.macroenabled.12",
  "application/vnd.ms-powerpoint.template.macroenabled.12",
  "application/vnd.ms-word.document.macroenabled.12",
  "application/vnd.ms-word.template.macroenabled.12",
]);

/** Names Windows, macOS or a shell would run on a double click, whatever the bytes say. */
const DENIED_EXTENSIONS = new Set([
  "exe", "dll", "com", "bat", "cmd", "scr", "pif", "msi", "msp", "mst", "cpl", "gadget", "hta", "inf", "ins",
  "isp", "jar", "js", "jse", "lnk", "msc", "ps1", "ps2", "psm1", "reg", "scf", "sct", "shb", "url", "vb", "vbe",
  "vbs", "ws", "wsc", "wsf", "wsh", "app", "apk", "dmg", "pkg", "command", "sh", "bash", "run", "xpi", "crx",
  // Disk images Windows mounts on a double click (their signature lies past the first 4 KB), and
  // OneNote and Excel add-in files, both used to deliver malware.
  "iso", "img", "vhd", "vhdx", "one", "xll",
]);

/** Images that are re-encoded (metadata stripped), get a thumbnail and may be shown inline. */
export const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

export interface DetectedType {
  contentType: string;
  image: boolean;
}

function refuse(message: string, filename: string): never {
  throw new AppError("UNPROCESSABLE_CONTENT", message, { reason: "FILE_TYPE_REFUSED", filename });
}

function looksLikeText(sample: Buffer): boolean {
  if (sample.includes(0)) return false;
  // A sample may end inside a multi-byte character: only the last three bytes may be cut.
  const decoded = new TextDecoder("utf-8", { fatal: false }).decode(sample.subarray(0, Math.max(0, sample.length - 3)));
  return !decoded.includes("\uFFFD");
}

export async function detectType(sample: Buffer, filename: string): Promise<DetectedType> {
  const extension = filename.includes(".") ? filename.split(".").pop()!.toLowerCase() : "";
  if (DENIED_EXTENSIONS.has(extension)) refuse(`Files of type .${extension} cannot be attached: they run when opened`, filename);
  const found = await fileTypeFromBuffer(sample);
  if (found) {
    if (DENIED_TYPES.has(found.mime)) refuse(`This file is a program or installer (${found.ext}), which cannot be attached`, filename);
    return { contentType: found.mime, image: IMAGE_TYPES.has(found.mime) };
  }
  if (looksLikeText(sample)) {
    // A script says so in its first line, whatever its name.
    if (sample.subarray(0, 2).toString("latin1") === "#!") refuse("Scripts cannot be attached", filename);
    return { contentType: "text/plain", image: false };
  }
  return { contentType: "application/octet-stream", image: false };
}
