// The usual XSS payloads, as a customer could send them in a message: each ends up as inert text
// or an emptied link, never as markup, script, handler or image.
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SafeMarkdown } from "./safe-markdown";

const PAYLOADS = [
  `<script>window.__xss = 1</script>`,
  `<img src=x onerror="window.__xss = 1">`,
  `<svg onload="window.__xss = 1"></svg>`,
  `<iframe src="javascript:window.__xss = 1"></iframe>`,
  `<a href="javascript:window.__xss = 1">raw link</a>`,
  `[markdown link](javascript:window.__xss=1)`,
  `[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[vb link](vbscript:msgbox)`,
  `![tracking pixel](https://tracker.example/pixel.gif)`,
  `<div style="position:fixed;inset:0" onclick="window.__xss = 1">overlay</div>`,
];

describe("SafeMarkdown", () => {
  it.each(PAYLOADS)("renders %s inert", (payload) => {
    const { container } = render(<SafeMarkdown source={payload} />);
    expect(container.querySelector("script, img, svg, iframe, [onerror], [onload], [onclick], [style]")).toBeNull();
    for (const a of container.querySelectorAll("a")) {
      expect(a.getAttribute("href") ?? "").not.toMatch(/^\s*(javascript|data|vbscript):/i);
    }
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it("shows raw HTML as the text it is", () => {
    render(<SafeMarkdown source={`Look: <b>bold?</b>`} />);
    expect(screen.getByText(/<b>bold\?<\/b>/)).toBeTruthy();
  });

  it("renders Markdown: emphasis, lists, code blocks, and links to other sites opening apart without the referrer", () => {
    const { container } = render(<SafeMarkdown source={"**Steps**\n\n1. Restart\n2. Retry\n\n```\nnpm ci\n```\n\n[docs](https://docs.example/help) and [a case](/t/acme/cases/1)"} />);
    expect(container.querySelector("strong")?.textContent).toBe("Steps");
    expect([...container.querySelectorAll("ol li")].map((li) => li.textContent)).toEqual(["Restart", "Retry"]);
    expect(container.querySelector("pre code")?.textContent).toBe("npm ci\n");
    const external = screen.getByRole("link", { name: "docs" });
    expect(external.getAttribute("target")).toBe("_blank");
    expect(external.getAttribute("rel")).toBe("noopener noreferrer nofollow");
    expect(screen.getByRole("link", { name: "a case" }).getAttribute("target")).toBeNull();
  });

  it("keeps a message's line breaks (a signature stays on its lines)", () => {
    const { container } = render(<SafeMarkdown source={"Kind regards,\nAva Agent"} />);
    const p = container.querySelector("p")!;
    expect(p.textContent).toBe("Kind regards,\nAva Agent");
    expect(p.closest("div")!.className).toContain("[&_p]:whitespace-pre-wrap");
  });
});
