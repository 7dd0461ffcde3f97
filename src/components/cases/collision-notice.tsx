"use client";
// Replies that arrived while the member was writing (CONFLICT / NEW_REPLIES): what they say, and
// the author's three ways on. The draft stays in the composer whichever they choose.
import { Button } from "@/components/ui/button";
import type { TimelineItem } from "./case-types";

interface Props {
  message: string;
  arrived: TimelineItem[];
  sendDisabled: boolean;
  onSendAnyway: () => void;
  onEdit: () => void;
  onDiscard: () => void;
}

export function CollisionNotice({ message, arrived, sendDisabled, onSendAnyway, onEdit, onDiscard }: Props) {
  return (
    <div role="alert" className="mx-3 mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <p className="font-medium">{message}</p>
      {arrived.length ? (
        <ul className="mt-2 space-y-1">
          {arrived.map((m) =>
            m.type === "message" ? (
              <li key={m.id} className="line-clamp-2 text-amber-950">
                <span className="font-semibold">{m.author.name ?? "Customer"}:</span>{" "}
                {m.body || `${m.attachments.length} ${m.attachments.length === 1 ? "file" : "files"}`}
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
      <p className="mt-2 text-amber-800">Your draft is kept. Send it as it is, change it first, or throw it away.</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button type="button" size="sm" onClick={onSendAnyway} disabled={sendDisabled}>
          Send anyway
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={onEdit}>
          Edit
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDiscard}>
          Discard
        </Button>
      </div>
    </div>
  );
}
