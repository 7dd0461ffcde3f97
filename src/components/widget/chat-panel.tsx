"use client";
// The live chat of one visitor (mounted per visitor token): the conversation and the composer, and
// the files for the next message, which may also be dropped anywhere on the panel.
import { useState } from "react";
import type { WidgetConfig } from "@/lib/validations/chat-widget";
import { Composer, type ComposerInput } from "./composer";
import { seenMessageId } from "./conversation-state";
import { MessageLog } from "./message-log";
import type { MessageToParent } from "./parent-frame";
import { useAttachmentUploads } from "./use-attachment-uploads";
import { useConversation } from "./use-conversation";
import { useFileDrop } from "./use-file-drop";
import { isUnavailable, type VisitorApi, type WidgetApiError, type WidgetVisitor } from "./widget-api";
import { WidgetNotice } from "./widget-notice";

export function WidgetLoading() {
  return (
    <p role="status" className="m-auto text-sm text-slate-500">
      Loading…
    </p>
  );
}

export function ChatPanel({
  api,
  config,
  visitor,
  visible,
  post,
}: {
  api: VisitorApi;
  config: WidgetConfig;
  visitor: WidgetVisitor;
  visible: boolean;
  post: (message: MessageToParent) => void;
}) {
  const conversation = useConversation(api, { visible, post });
  const [givenEmail, setGivenEmail] = useState<string | null>(null);
  const [paused, setPaused] = useState<WidgetApiError | null>(null);
  const uploads = useAttachmentUploads(api, config.maxFileBytes);
  const drop = useFileDrop(uploads.add);

  const refusal = paused ?? (conversation.loadError && isUnavailable(conversation.loadError) ? conversation.loadError : null);
  if (refusal) return <WidgetNotice error={refusal} />;
  if (!conversation.loaded) {
    return conversation.loadError ? <WidgetNotice error={conversation.loadError} onRetry={conversation.reload} /> : <WidgetLoading />;
  }

  const send = async (input: ComposerInput) => {
    try {
      await conversation.send(input);
    } catch (error) {
      // Paused while the visitor was writing: no send can succeed now, so say so once, for the whole chat.
      if (isUnavailable(error)) setPaused(error as WidgetApiError);
      throw error;
    }
    if (input.email) setGivenEmail(input.email);
  };

  return (
    <div {...drop.handlers} className="relative flex min-h-0 flex-1 flex-col">
      <MessageLog
        messages={conversation.messages}
        color={config.color}
        seenId={seenMessageId(conversation.messages, conversation.seenByAgentUpTo)}
        agentsTyping={conversation.agentsTyping}
        empty={
          <p className="mb-4 text-center text-xs text-slate-500">
            {config.open ? "Send us a message and we'll reply here." : "Leave a message and we'll reply by e-mail."}
          </p>
        }
      />
      <Composer
        color={config.color}
        needsEmail={!config.open && !visitor.email && !givenEmail}
        onSend={send}
        typing={conversation.typing}
        uploads={uploads}
      />
      {drop.over ? (
        <div
          aria-hidden
          className="pointer-events-none absolute inset-1 flex items-center justify-center rounded-xl border-2 border-dashed border-slate-500 bg-white/90 text-sm font-medium text-slate-800"
        >
          Drop files to attach
        </div>
      ) : null}
    </div>
  );
}
