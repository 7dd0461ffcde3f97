"use client";
// The chat page inside the embed script's iframe (or opened on its own, or as the settings'
// preview): the widget's config, then the visitor's session (after the host page has had its
// moment to say who the visitor is), then the live conversation. Preview never creates a visitor.
import { useEffect, useMemo, useState } from "react";
import { ChatPanel, WidgetLoading } from "./chat-panel";
import { Composer } from "./composer";
import { MessageLog } from "./message-log";
import { previewConversation } from "./preview-conversation";
import { useParentFrame } from "./use-parent-frame";
import { useWidgetConfig } from "./use-widget-config";
import { useWidgetSession } from "./use-widget-session";
import { createWidgetApi } from "./widget-api";
import { WidgetHeader } from "./widget-header";
import { WidgetNotice } from "./widget-notice";

function PreviewPanel({ color }: { color: string }) {
  const [messages] = useState(() => previewConversation(new Date()));
  return (
    <>
      <MessageLog messages={messages} color={color} seenId={messages.at(-1)?.id ?? null} agentsTyping={[]} />
      <Composer color={color} needsEmail={false} disabledNote="Preview: visitors write here." />
    </>
  );
}

export function WidgetChat({ widgetId, preview }: { widgetId: string; preview: boolean }) {
  const api = useMemo(() => createWidgetApi(widgetId), [widgetId]);
  const frame = useParentFrame(!preview);
  const config = useWidgetConfig(api);
  const ready = config.state.status === "ready";
  const session = useWidgetSession(api, widgetId, { enabled: !preview && ready && frame.identitySettled, identity: frame.identity });
  const token = session.state.status === "ready" ? session.state.token : null;
  const visitorApi = useMemo(() => (token ? api.forVisitor(token) : null), [api, token]);

  const { embedded, post } = frame;
  useEffect(() => {
    if (!embedded) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") post({ type: "caseboard:close" });
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [embedded, post]);
  const close = embedded ? () => post({ type: "caseboard:close" }) : undefined;

  let body: React.ReactNode;
  if (config.state.status === "loading") body = <WidgetLoading />;
  else if (config.state.status === "failed") body = <WidgetNotice error={config.state.error} onRetry={config.retry} />;
  else if (preview) body = <PreviewPanel color={config.state.config.color} />;
  else if (session.state.status === "failed") body = <WidgetNotice error={session.state.error} onRetry={session.retry} />;
  else if (session.state.status === "waiting" || !visitorApi) body = <WidgetLoading />;
  else {
    body = (
      <ChatPanel
        key={session.state.token}
        api={visitorApi}
        config={config.state.config}
        visitor={session.state.visitor}
        visible={frame.visible}
        post={post}
      />
    );
  }

  return (
    <main className="flex h-dvh flex-col bg-white text-slate-900">
      <WidgetHeader config={config.state.status === "ready" ? config.state.config : null} onClose={close} />
      {body}
    </main>
  );
}
