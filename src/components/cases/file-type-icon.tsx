// A file's icon by its kind: the type the server detected once it has the bytes, the name's
// extension before then (a chip still uploading).
import { File, FileArchive, FileImage, FileText, type LucideProps } from "lucide-react";

type Kind = "image" | "archive" | "document" | "other";

const ARCHIVE = /zip|compressed|x-7z|x-tar|gzip|x-rar/;
const DOCUMENT = /^text\/|pdf|msword|officedocument|opendocument|rtf|json|xml|csv/;
const EXTENSIONS: [RegExp, Kind][] = [
  [/\.(png|jpe?g|gif|webp|heic|avif|bmp|tiff?)$/i, "image"],
  [/\.(zip|7z|tar|gz|tgz|rar)$/i, "archive"],
  [/\.(pdf|docx?|xlsx?|pptx?|odt|ods|rtf|txt|csv|md|json|xml|log)$/i, "document"],
];

export function fileKind(contentType: string, filename: string): Kind {
  if (contentType.startsWith("image/")) return "image";
  if (ARCHIVE.test(contentType)) return "archive";
  if (DOCUMENT.test(contentType)) return "document";
  if (contentType) return "other";
  return EXTENSIONS.find(([pattern]) => pattern.test(filename))?.[1] ?? "other";
}

export function FileTypeIcon({ contentType, filename, ...props }: { contentType: string; filename: string } & LucideProps) {
  switch (fileKind(contentType, filename)) {
    case "image":
      return <FileImage aria-hidden {...props} />;
    case "archive":
      return <FileArchive aria-hidden {...props} />;
    case "document":
      return <FileText aria-hidden {...props} />;
    default:
      return <File aria-hidden {...props} />;
  }
}
