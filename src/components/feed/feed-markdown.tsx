// A feed item's body: Markdown rendered without raw HTML (react-markdown escapes it and drops
// unsafe URLs such as javascript:), without images (a remote image in an announcement would tell
// its host who read it, and when), and with links to other sites opening apart from the app.
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

export function FeedMarkdown({ source, className }: { source: string; className?: string }) {
  return (
    <div className={cn("space-y-2 break-words text-sm text-slate-700 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5", className)}>
      <Markdown components={components} disallowedElements={["img"]} unwrapDisallowed>
        {source}
      </Markdown>
    </div>
  );
}
