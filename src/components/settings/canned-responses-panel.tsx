"use client";
// The member's canned responses and the team's: what the composer offers after `/`.
import { CannedResponseForm } from "./canned-response-form";
import { deleteCannedResponseAction } from "./canned-responses-actions";
import { SharedRecordsPanel } from "./shared-records-panel";

export interface CannedResponse {
  id: string;
  title: string;
  body: string;
  shared: boolean;
  editable: boolean;
}

export function CannedResponsesPanel({ slug, responses, canShare }: { slug: string; responses: CannedResponse[]; canShare: boolean }) {
  const slash = <kbd className="rounded border border-slate-300 px-1 text-xs">/</kbd>;
  return (
    <SharedRecordsPanel
      noun="canned response"
      heading="Canned responses"
      intro={<>Type {slash} in a reply to insert one, with the customer&apos;s name and the case filled in.</>}
      empty={<>No canned responses yet. Save the answers you write again and again, and insert them with {slash}.</>}
      items={responses}
      nameOf={(r) => r.title}
      renderDetail={(r) => <p className="mt-1 line-clamp-3 whitespace-pre-wrap break-words text-sm text-slate-600">{r.body}</p>}
      renderForm={(r, onDone) => <CannedResponseForm slug={slug} response={r} canShare={canShare} onDone={onDone} />}
      onDelete={(r) => deleteCannedResponseAction(slug, r.id)}
      lost={{ shared: "Nobody on the team can insert it any more.", personal: "You can no longer insert it." }}
    />
  );
}
