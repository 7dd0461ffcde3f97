"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { IssuedLink } from "./invitations-actions";

/** The link, shown once after create/resend: copied by the admin when no mail went out. */
export function InvitationLink({ issued }: { issued: IssuedLink }) {
  const [copied, setCopied] = useState(false);
  if (issued.delivered) {
    return (
      <p role="status" className="mt-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
        Invitation sent to {issued.email}.
      </p>
    );
  }
  return (
    <div role="status" className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-4">
      <p className="text-sm font-medium text-amber-900">
        Mail is not configured, so nothing was sent. Copy this link and give it to {issued.email}. It will not be shown again.
      </p>
      <div className="mt-2 flex items-center gap-2">
        <code data-testid="invitation-link" className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-amber-200">
          {issued.url}
        </code>
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => {
            void navigator.clipboard?.writeText(issued.url).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy link"}
        </Button>
      </div>
    </div>
  );
}
