"use client";
// The composer's footer pieces: one line saying what is going on (an error first, then work in
// progress, then a notice, else the keyboard hint), and the AI's "Draft reply" / "Stop".
import { Sparkles } from "lucide-react";
import { Button } from "@/components/ui/button";

export function ComposerStatus({ error, busy, notice }: { error: string | null; busy: string | null; notice: string | null }) {
  if (error) {
    return (
      <p role="alert" className="mr-auto text-sm text-red-700">
        {error}
      </p>
    );
  }
  if (busy || notice) {
    return (
      <p role="status" className={busy ? "mr-auto text-sm text-slate-600" : "mr-auto text-sm text-green-700"}>
        {busy ?? notice}
      </p>
    );
  }
  return <p className="mr-auto hidden text-xs text-slate-500 sm:block">⌘/Ctrl + Enter to send</p>;
}

export function DraftReplyButton({ drafting, hasText, disabled, onStart, onStop }: { drafting: boolean; hasText: boolean; disabled: boolean; onStart: () => void; onStop: () => void }) {
  if (drafting) {
    return (
      <Button type="button" variant="ghost" onClick={onStop}>
        Stop
      </Button>
    );
  }
  return (
    <Button
      type="button"
      variant="secondary"
      onClick={onStart}
      disabled={disabled || hasText}
      title={hasText ? "Clear the reply to draft a new one" : "Let the AI draft a reply from this conversation; you edit and send it"}
    >
      <Sparkles aria-hidden className="h-4 w-4" /> Draft reply
    </Button>
  );
}
