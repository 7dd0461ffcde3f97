"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Copies `text` to the clipboard and says so ("Copied") until the text changes. `what` names the
 * text for screen readers where a card has more than one button ("Copy server code").
 */
export function CopyButton({ text, label = "Copy", what, className }: { text: string; label?: string; what?: string; className?: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <Button
      type="button"
      variant="secondary"
      size="sm"
      className={className}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => setCopied(text));
      }}
    >
      {copied === text ? "Copied" : label}
      {what ? <span className="sr-only"> {what}</span> : null}
    </Button>
  );
}
