// Text people wrote (case messages, feed items), rendered as Markdown and nothing more:
// react-markdown builds React elements, never HTML strings, so raw HTML in the text is shown as
// text (it is not parsed at all) and unsafe link targets (javascript:, data:, vbscript:) are
// emptied by its URL transform. Images are dropped: a remote image would tell its host who read
// the message, and when. Links to other sites open apart from the app, without the referrer.
// Line breaks are kept as written (a signature's lines stay lines), as people type them in mail.
import Markdown, { type Components } from "react-markdown";
import { cn } from "@/lib/utils";

const components: Components = {
  a: ({ href, children }) => {
    const external = !!href && !href.startsWith("/") && !href.startsWith("#");
    return (
      <a href={href} className="text-brand-700 underline underline-offset-2" {...(external ? { target: "_blank", rel: "noopener noreferrer nofollow" } : {})}>
        {children}
      </a>
    );
  },
};

export function SafeMarkdown({ source, className }: { source: string; className?: string }) {
  return (
    <div
      className={cn(
        "space-y-2 break-words text-sm text-slate-700 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_li]:whitespace-pre-wrap [&_ol]:list-decimal [&_ol]:pl-5 [&_p]:whitespace-pre-wrap [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-2 [&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_blockquote]:border-l-2 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_blockquote]:text-slate-600 [&_ul]:list-disc [&_ul]:pl-5",
        className,
      )}
    >
      <Markdown components={components} disallowedElements={["img"]} unwrapDisallowed>
        {source}
      </Markdown>
    </div>
  );
}
