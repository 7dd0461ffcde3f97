// An uploaded file's name, for the routes that take a raw body (attachments, imports): `?filename=`
// or the `x-filename` header. A header cannot carry UTF-8, so clients URI-encode the name there;
// one sent as raw UTF-8 anyway (curl -H "x-filename: café.txt") arrives read as Latin-1 and is
// read back as the UTF-8 it was, rather than stored garbled ("cafÃ©.txt").
function fromHeader(value: string): string {
  let text = value;
  if (/[\u0080-\u00ff]/.test(text) && !/[^\u0000-\u00ff]/.test(text)) {
    const utf8 = Buffer.from(text, "latin1").toString("utf8");
    if (!utf8.includes("\uFFFD")) text = utf8;
  }
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function uploadFilename(request: Request): string | null {
  const header = request.headers.get("x-filename");
  return new URL(request.url).searchParams.get("filename") ?? (header ? fromHeader(header) : null);
}
