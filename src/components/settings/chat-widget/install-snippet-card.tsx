import { CopyButton } from "./copy-button";

/** The one line a website adds to show the widget: the app's own script, told which widget it is. */
export function installSnippet(origin: string, publicId: string): string {
  return `<script src="${origin}/widget.js" data-tenant="${publicId}" async></script>`;
}

export function InstallSnippetCard({ origin, publicId }: { origin: string; publicId: string }) {
  const snippet = installSnippet(origin, publicId);
  return (
    <section aria-labelledby="widget-install-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="widget-install-heading" className="text-base font-semibold">Install</h2>
      <p className="mt-1 text-sm text-slate-600">
        Paste this line into your website&apos;s pages, just before <code className="font-mono text-xs">&lt;/body&gt;</code>. The chat button appears on the
        websites listed under Allowed websites.
      </p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-start">
        <pre data-testid="widget-snippet" className="min-w-0 flex-1 whitespace-pre-wrap break-all rounded-md bg-slate-50 px-3 py-2 font-mono text-xs text-slate-800 ring-1 ring-slate-200">
          {snippet}
        </pre>
        <CopyButton text={snippet} label="Copy snippet" className="self-start" />
      </div>
    </section>
  );
}
