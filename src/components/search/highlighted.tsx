// A search snippet: the server sends the text HTML-escaped with the matched words in <mark>. It is
// rendered as text and <mark> elements, never as HTML, so even a server mistake cannot inject
// markup.
import { Fragment } from "react";

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'" };
const unescape = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e] ?? e);

/** The snippet as alternating plain and marked parts (marked: the odd ones). */
export function snippetParts(snippet: string): { text: string; marked: boolean }[] {
  return snippet
    .split(/<mark>|<\/mark>/)
    .map((part, i) => ({ text: unescape(part), marked: i % 2 === 1 }))
    .filter((p) => p.text.length > 0);
}

export function Highlighted({ snippet, className }: { snippet: string; className?: string }) {
  return (
    <span className={className}>
      {snippetParts(snippet).map((p, i) =>
        p.marked ? (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-inherit">
            {p.text}
          </mark>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </span>
  );
}
