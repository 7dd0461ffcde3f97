"use client";
// The secret host sites sign their signed-in users with, so the widget can attach a chat to a
// known customer. Like an API key it is shown once, when generated; afterwards only whether one
// is set and when it was last rotated.
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { confirmAction } from "@/components/ui/confirm";
import { FormAlert } from "@/components/ui/form-feedback";
import { formatDateTime } from "@/lib/format";
import type { ChatWidgetSettings } from "@/lib/validations/chat-widget";
import { rotateChatWidgetSecretAction } from "./chat-widget-actions";
import { CopyButton } from "./copy-button";
import { SigningSample } from "./signing-sample";

type SecretState = Pick<ChatWidgetSettings, "hasSecret" | "secretRotatedAt">;

export function IdentityVerificationCard({ slug, hasSecret, secretRotatedAt, timeZone }: SecretState & { slug: string; timeZone: string }) {
  const [secret, setSecret] = useState<string | null>(null);
  // What the last rotation answered, until the page's own data (revalidated) catches up.
  const [latest, setLatest] = useState<SecretState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const state = latest ?? { hasSecret, secretRotatedAt };

  const generate = async () => {
    if (
      state.hasSecret &&
      !(await confirmAction({
        title: "Rotate the secret?",
        description: "The current secret stops working at once: until your websites sign with the new one, their visitors chat as anonymous visitors.",
        confirmLabel: "Rotate secret",
      }))
    ) {
      return;
    }
    startTransition(async () => {
      setError(null);
      setSecret(null);
      const result = await rotateChatWidgetSecretAction(slug);
      if (!result.ok) return setError(result.error.message);
      setSecret(result.data.secret);
      setLatest({ hasSecret: result.data.settings.hasSecret, secretRotatedAt: result.data.settings.secretRotatedAt });
    });
  };

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Optional. When your website knows who its visitor is, its server signs the visitor&apos;s id, e-mail and name with this secret, and the chat
        lands on that customer. Without a valid signature a visitor is anonymous, whatever the page claims.
      </p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          {state.hasSecret ? <Badge tone="green">Secret set</Badge> : <Badge tone="gray">No secret</Badge>}
          {state.hasSecret && state.secretRotatedAt ? <span suppressHydrationWarning>Last rotated {formatDateTime(state.secretRotatedAt, timeZone)}</span> : null}
        </p>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => void generate()}>
          {pending ? "Generating…" : state.hasSecret ? "Rotate secret" : "Generate secret"}
        </Button>
      </div>
      <FormAlert message={error} />
      {secret ? (
        <div className="rounded-md border border-green-200 bg-green-50 p-4" role="status">
          <p className="text-sm font-medium text-green-900">Copy this secret now and keep it on your server. It will not be shown again.</p>
          <div className="mt-2 flex items-center gap-2">
            <code data-testid="new-widget-secret" className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-green-200">
              {secret}
            </code>
            <CopyButton text={secret} />
          </div>
        </div>
      ) : null}
      <SigningSample />
    </div>
  );
}
