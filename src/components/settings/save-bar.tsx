import { Button } from "@/components/ui/button";

export interface SaveMessage {
  tone: "ok" | "error";
  text: string;
}

/** A settings form's submit button with the outcome of the last save beside it. */
export function SaveBar({ label, isSubmitting, isDirty, message }: { label: string; isSubmitting: boolean; isDirty: boolean; message: SaveMessage | null }) {
  return (
    <div className="flex items-center gap-3">
      <Button type="submit" disabled={isSubmitting || !isDirty}>
        {isSubmitting ? "Saving…" : label}
      </Button>
      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "text-sm text-red-700" : "text-sm text-green-700"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
