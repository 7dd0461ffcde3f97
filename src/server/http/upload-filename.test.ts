import { describe, expect, it } from "vitest";
import { uploadFilename } from "./upload-filename";

const withHeader = (value: string, query = "") => {
  const headers = new Headers();
  // What Node does with a raw UTF-8 header: each byte becomes one Latin-1 character.
  headers.set("x-filename", value);
  return uploadFilename(new Request(`http://localhost/api/attachments${query}`, { method: "POST", headers }));
};
const latin1Of = (utf8: string) => Buffer.from(utf8, "utf8").toString("latin1");

describe("uploadFilename", () => {
  it("takes ?filename= first, then the URI-encoded header", () => {
    expect(withHeader("b.txt", "?filename=a%20%C3%A9.txt")).toBe("a é.txt");
    expect(withHeader(encodeURIComponent("reçu ☕.pdf"))).toBe("reçu ☕.pdf");
    expect(uploadFilename(new Request("http://localhost/api/attachments", { method: "POST" }))).toBeNull();
  });

  it("reads a raw UTF-8 header back as UTF-8, and leaves real Latin-1 and bad encodings as they came", () => {
    expect(withHeader(latin1Of("café ☕.txt"))).toBe("café ☕.txt");
    // "é" alone as Latin-1 (one byte 0xE9) is not UTF-8: kept.
    expect(withHeader("caf\u00e9.txt")).toBe("café.txt");
    expect(withHeader("100%.txt")).toBe("100%.txt");
  });
});
