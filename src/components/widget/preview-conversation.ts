// The sample conversation the settings' preview shows (no visitor, no session): enough to judge
// the colour on both kinds of bubble and the "Seen" mark.
import type { WidgetMessage } from "@/lib/validations/chat-widget";

export function previewConversation(now: Date): WidgetMessage[] {
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
  return [
    { id: "preview-1", from: "visitor", authorName: null, body: "Hi! Can I still change the delivery address of my order?", at: minutesAgo(6), attachments: [] },
    { id: "preview-2", from: "agent", authorName: "Alex", body: "Of course. Send me the new address and I'll update it right away.", at: minutesAgo(5), attachments: [] },
    { id: "preview-3", from: "visitor", authorName: null, body: "Thanks! It's 12 Harbour Street,\nPortsmouth PO1 2AB.", at: minutesAgo(4), attachments: [] },
  ];
}
