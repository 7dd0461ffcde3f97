import { IDENTITY_MAX_AGE_SECONDS } from "@/lib/validations/chat-widget";
import { CopyButton } from "./copy-button";

// What a host site's server runs to vouch for its signed-in user; the string signed must match
// widgetIdentitySchema's (lib/validations/chat-widget.ts) byte for byte.
const SERVER_SAMPLE = `import { createHmac } from "node:crypto";

// For the signed-in user; absent fields sign as empty strings.
const userId = String(user.id);
const issuedAt = Math.floor(Date.now() / 1000); // unix seconds
const payload = [userId, user.email ?? "", user.name ?? "", issuedAt].join("\\n");
const signature = createHmac("sha256", process.env.CASEBOARD_WIDGET_SECRET)
  .update(payload)
  .digest("hex");
// Render into the page (leave out email and name when there are none):
const identity = { userId, email: user.email ?? undefined, name: user.name ?? undefined, issuedAt, signature };`;

const PAGE_SAMPLE = `// After the widget's script tag:
Caseboard("identify", identity);`;

function Sample({ title, what, code }: { title: string; what: string; code: string }) {
  return (
    <div className="overflow-hidden rounded-md ring-1 ring-slate-200">
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 bg-slate-100 px-3 py-1.5">
        <span className="text-xs font-medium text-slate-600">{title}</span>
        <CopyButton text={code} what={what} className="h-7 px-2 text-xs" />
      </div>
      <pre className="overflow-x-auto bg-slate-50 p-3 font-mono text-xs leading-relaxed text-slate-800">
        <code>{code}</code>
      </pre>
    </div>
  );
}

export function SigningSample() {
  return (
    <details className="rounded-md border border-slate-200">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-700">How your server signs a visitor (Node.js)</summary>
      <div className="space-y-3 border-t border-slate-200 p-3 text-sm text-slate-600">
        <p>
          Sign <code className="break-all font-mono text-xs">{"${userId}\\n${email}\\n${name}\\n${issuedAt}"}</code> with HMAC-SHA256 under the secret, as hex. A
          signature is accepted for {IDENTITY_MAX_AGE_SECONDS / 60} minutes after <code className="font-mono text-xs">issuedAt</code>; sign again on each
          page load. Never send the secret to the browser.
        </p>
        <Sample title="On your server" what="server code" code={SERVER_SAMPLE} />
        <Sample title="In the page" what="page code" code={PAGE_SAMPLE} />
      </div>
    </details>
  );
}
