// The Content-Disposition of a download: the name as sent, with anything that could break the
// header (quotes, backslashes, control and non-ASCII characters) replaced in the plain form.
/** `attachment; filename="…"; filename*=UTF-8''…` with anything unsafe replaced. */
export function contentDisposition(filename: string, disposition: "attachment" | "inline" = "attachment"): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
