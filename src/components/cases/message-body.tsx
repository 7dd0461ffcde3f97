"use client";
// A case message's text: safe Markdown (components/markdown/safe-markdown.tsx), a long one
// clamped behind "Show more", and a mail's quoted history folded. The renderer loads on first
// use; until then (and on the server) the text shows as written, so nothing moves but formatting.
import { lazy, Suspense, useState } from "react";
import { splitQuotedTail } from "@/components/markdown/quoted-tail";
import { cn } from "@/lib/utils";

const SafeMarkdown = lazy(() => import("@/components/markdown/safe-markdown").then((m) => ({ default: m.SafeMarkdown })));

/** Longer than this (characters or lines) starts clamped. */
const LONG_CHARS = 1_500;
const LONG_LINES = 25;

const TEXT = "text-sm leading-6 text-slate-900";

export function MessageBody({ body }: { body: string }) {
  const { main, quoted } = splitQuotedTail(body);
  const long = main.length > LONG_CHARS || main.split("\n").length > LONG_LINES;
  const [expanded, setExpanded] = useState(false);
  const clamped = long && !expanded;
  return (
    <div className="mt-1.5">
      <div className={cn(clamped && "max-h-64 overflow-hidden [mask-image:linear-gradient(to_bottom,black_70%,transparent)]")}>
        <Suspense fallback={<p className={cn("whitespace-pre-wrap break-words", TEXT)}>{main}</p>}>
          <SafeMarkdown source={main} className={TEXT} />
        </Suspense>
      </div>
      {long ? (
        <button type="button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)} className="mt-1 text-xs font-medium text-brand-700 hover:underline">
          {expanded ? "Show less" : "Show more"}
        </button>
      ) : null}
      {quoted ? (
        <details className="mt-2 text-xs text-slate-600">
          <summary className="cursor-pointer select-none font-medium">Show quoted text</summary>
          <p className="mt-1 whitespace-pre-wrap break-words border-l-2 border-slate-300 pl-3">{quoted}</p>
        </details>
      ) : null}
    </div>
  );
}
