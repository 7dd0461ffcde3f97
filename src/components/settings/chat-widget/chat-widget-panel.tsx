"use client";
// Settings → Chat widget: on/off, the install line, appearance beside a live preview, where it
// may load, the logo, and identity verification. Each card saves on its own through the same procedure.
import { useState } from "react";
import type { ChatWidgetSettings } from "@/lib/validations/chat-widget";
import { AllowedOriginsEditor } from "./allowed-origins-editor";
import { AppearanceForm } from "./appearance-form";
import { IdentityVerificationCard } from "./identity-verification-card";
import { InstallSnippetCard } from "./install-snippet-card";
import { LogoField } from "./logo-field";
import { PauseSwitch } from "./pause-switch";
import { WidgetPreview } from "./widget-preview";

const card = "rounded-lg border border-slate-200 bg-white p-5 shadow-sm";

interface Props {
  slug: string;
  /** The app's public base URL, which host sites load the script from. */
  origin: string;
  timeZone: string;
  settings: ChatWidgetSettings;
}

export function ChatWidgetPanel({ slug, origin, timeZone, settings }: Props) {
  const [previewVersion, setPreviewVersion] = useState(0);
  const reloadPreview = () => setPreviewVersion((v) => v + 1);

  return (
    <div className="space-y-8">
      <section aria-labelledby="widget-pause-heading" className={card}>
        <h2 id="widget-pause-heading" className="sr-only">Pause</h2>
        <PauseSwitch slug={slug} enabled={settings.enabled} onChanged={reloadPreview} />
      </section>

      <InstallSnippetCard origin={origin} publicId={settings.publicId} />

      <div className="grid items-start gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="widget-appearance-heading" className={card}>
          <h2 id="widget-appearance-heading" className="text-base font-semibold">Appearance</h2>
          <div className="mt-4">
            <AppearanceForm slug={slug} color={settings.color} greeting={settings.greeting} onSaved={reloadPreview} />
          </div>
          <div className="mt-6 border-t border-slate-200 pt-4 dark:border-slate-700">
            <LogoField slug={slug} logoUrl={settings.logoUrl} onSaved={reloadPreview} />
          </div>
        </section>
        <section aria-labelledby="widget-preview-heading" className={card}>
          <h2 id="widget-preview-heading" className="text-base font-semibold">Preview</h2>
          <p className="mt-1 text-sm text-slate-600">As visitors see it, with the saved appearance.</p>
          <div className="mt-3">
            <WidgetPreview publicId={settings.publicId} version={previewVersion} />
          </div>
        </section>
      </div>

      <section aria-labelledby="widget-origins-heading" className={card}>
        <h2 id="widget-origins-heading" className="text-base font-semibold">Allowed websites</h2>
        <p className="mt-1 text-sm text-slate-600">
          The widget loads only on these websites (scheme and host, such as <code className="font-mono text-xs">https://www.example.com</code>; add
          each subdomain you use). An empty list means it loads nowhere but the preview on this page.
        </p>
        <div className="mt-4">
          <AllowedOriginsEditor slug={slug} origins={settings.allowedOrigins} />
        </div>
      </section>

      <section aria-labelledby="widget-identity-heading" className={card}>
        <h2 id="widget-identity-heading" className="text-base font-semibold">Identity verification</h2>
        <div className="mt-3">
          <IdentityVerificationCard slug={slug} hasSecret={settings.hasSecret} secretRotatedAt={settings.secretRotatedAt} timeZone={timeZone} />
        </div>
      </section>
    </div>
  );
}
