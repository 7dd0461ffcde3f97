import { timeAgo } from "@/lib/format";

export interface ChatVisitorView {
  name: string | null;
  email: string | null;
  verified: boolean;
  lastSeenAt: Date;
  startedAt: Date;
}

/**
 * The website visitor behind a chat case. What an unverified visitor typed is shown as theirs to
 * say, never as the customer record's: anyone can type anyone's name or address into a chat.
 */
export function ChatVisitorPanel({ visitor }: { visitor: ChatVisitorView }) {
  return (
    <section aria-label="Website chat" className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
      <h2 className="text-xs font-medium uppercase tracking-wide text-slate-500">Website chat</h2>
      <p className="mt-1 font-medium text-slate-900">{visitor.name ?? "Anonymous visitor"}</p>
      <p className={visitor.verified ? "text-emerald-700" : "text-slate-600"}>
        {visitor.verified ? "Identity verified by your website" : "Not verified: name and e-mail are as the visitor typed them"}
      </p>
      {visitor.email ? (
        <p className="mt-1 break-all text-slate-600">
          {visitor.email}
          {visitor.verified ? null : <span className="text-slate-500"> (for replies by mail)</span>}
        </p>
      ) : null}
      <p className="mt-2 text-slate-500">
        Last in the chat {timeAgo(visitor.lastSeenAt)}. Replies they have not read within two minutes go to their e-mail, if they left one.
      </p>
    </section>
  );
}
