"use client";
// The member's canned responses and the team's: what the composer offers after `/`.
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { confirmAction } from "@/components/ui/confirm";
import { FormAlert } from "@/components/ui/form-feedback";
import { CannedResponseForm } from "./canned-response-form";
import { deleteCannedResponseAction } from "./canned-responses-actions";

export interface CannedResponse {
  id: string;
  title: string;
  body: string;
  shared: boolean;
  editable: boolean;
}

export function CannedResponsesPanel({ slug, responses, canShare }: { slug: string; responses: CannedResponse[]; canShare: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const remove = async (response: CannedResponse) => {
    const confirmed = await confirmAction({
      title: `Delete “${response.title}”?`,
      description: response.shared ? "Nobody on the team can insert it any more." : "You can no longer insert it.",
      confirmLabel: "Delete response",
    });
    if (!confirmed) return;
    startTransition(async () => {
      setError(null);
      const result = await deleteCannedResponseAction(slug, response.id);
      if (!result.ok) setError(result.error.message);
    });
  };
  const groups = [
    { label: "Yours", items: responses.filter((r) => !r.shared) },
    { label: "The team's", items: responses.filter((r) => r.shared) },
  ];
  return (
    <section aria-labelledby="canned-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 id="canned-heading" className="text-base font-semibold">
            Canned responses <span className="font-normal text-slate-500">({responses.length})</span>
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">
            Type <kbd className="rounded border border-slate-300 px-1 text-xs">/</kbd> in a reply to insert one, with the customer&apos;s name and the case filled in.
          </p>
        </div>
        {editing !== "new" ? (
          <Button size="sm" onClick={() => setEditing("new")}>
            New response
          </Button>
        ) : null}
      </div>
      <FormAlert message={error} />
      {editing === "new" ? (
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
          <CannedResponseForm slug={slug} canShare={canShare} onDone={() => setEditing(null)} />
        </div>
      ) : null}
      {responses.length === 0 && editing !== "new" ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-500">
          No canned responses yet. Save the answers you write again and again, and insert them with <kbd>/</kbd>.
        </p>
      ) : null}
      {groups.map((group) =>
        group.items.length ? (
          <div key={group.label}>
            <h3 className="mb-2 text-sm font-medium text-slate-700">{group.label}</h3>
            <ul className="space-y-3" aria-label={`${group.label} canned responses`}>
              {group.items.map((r) => (
                <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                  {editing === r.id ? (
                    <CannedResponseForm slug={slug} response={r} canShare={canShare} onDone={() => setEditing(null)} />
                  ) : (
                    <div className="flex flex-wrap items-start justify-between gap-3">
                      <div className="min-w-0 flex-1">
                        <p className="flex flex-wrap items-center gap-2 font-medium">
                          <span className="break-words">{r.title}</span>
                          {r.shared ? <Badge tone="blue">Shared</Badge> : null}
                        </p>
                        <p className="mt-1 line-clamp-3 whitespace-pre-wrap break-words text-sm text-slate-600">{r.body}</p>
                      </div>
                      {r.editable ? (
                        <div className="flex gap-1">
                          <Button variant="secondary" size="sm" disabled={pending} onClick={() => setEditing(r.id)}>
                            Edit<span className="sr-only"> {r.title}</span>
                          </Button>
                          <Button variant="ghost" size="sm" disabled={pending} onClick={() => void remove(r)}>
                            Delete<span className="sr-only"> {r.title}</span>
                          </Button>
                        </div>
                      ) : null}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </section>
  );
}
