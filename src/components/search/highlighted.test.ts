import { describe, expect, it } from "vitest";
import { snippetParts } from "./highlighted";

describe("snippetParts", () => {
  it("splits on <mark> and unescapes the text, which stays text", () => {
    expect(snippetParts("The <mark>printer</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; more")).toEqual([
      { text: "The ", marked: false },
      { text: "printer", marked: true },
      { text: " <script>alert(1)</script> & more", marked: false },
    ]);
  });

  it("a snippet that starts with a match, and one without any", () => {
    expect(snippetParts("<mark>Refund</mark> twice")).toEqual([
      { text: "Refund", marked: true },
      { text: " twice", marked: false },
    ]);
    expect(snippetParts("no match here")).toEqual([{ text: "no match here", marked: false }]);
  });
});
