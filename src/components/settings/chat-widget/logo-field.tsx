"use client";
// The widget's logo: picked from a file, checked here for type and size (the server checks again
// by the bytes, and re-encodes it), sent at once, and removable. The preview reloads after each.
import { ImageIcon } from "lucide-react";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { MAX_LOGO_BYTES, type ChatWidgetSettings } from "@/lib/validations/chat-widget";
import { removeChatWidgetLogoAction, setChatWidgetLogoAction } from "./chat-widget-actions";

const ACCEPTED = ["image/png", "image/jpeg", "image/gif", "image/webp"];

/** The file's bytes, base64-encoded (what the procedure takes). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read"));
    reader.readAsDataURL(file);
  });
}

export function checkLogoFile(file: { type: string; size: number }): string | null {
  if (!ACCEPTED.includes(file.type)) return "Choose a PNG, JPEG, GIF or WebP image";
  if (file.size > MAX_LOGO_BYTES) return "Use an image of at most 512 KB";
  return null;
}

export function LogoField({ slug, logoUrl, onSaved }: { slug: string; logoUrl: string | null; onSaved: (settings: ChatWidgetSettings) => void }) {
  const [current, setCurrent] = useState(logoUrl);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const input = useRef<HTMLInputElement>(null);

  const apply = (result: Awaited<ReturnType<typeof removeChatWidgetLogoAction>>) => {
    if (!result.ok) return setError(result.error.fieldErrors?.image?.[0] ?? result.error.message);
    setError(null);
    setCurrent(result.data.logoUrl);
    onSaved(result.data);
  };

  const upload = (file: File | undefined) => {
    if (!file) return;
    const refused = checkLogoFile(file);
    if (refused) return setError(refused);
    startTransition(async () => apply(await setChatWidgetLogoAction(slug, await readAsBase64(file))));
  };

  return (
    <div className="space-y-2">
      <span id="widget-logo-label" className="text-sm font-medium">
        Logo
      </span>
      <div className="flex flex-wrap items-center gap-3">
        <div className="flex size-12 shrink-0 items-center justify-center overflow-hidden rounded-full border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-800">
          {/* eslint-disable-next-line @next/next/no-img-element -- the widget API's own small WebP; nothing for next/image to optimise */}
          {current ? <img src={current} alt="Current logo" className="size-full object-cover" /> : <ImageIcon className="size-5 text-slate-400" aria-hidden />}
        </div>
        <input
          ref={input}
          type="file"
          accept={ACCEPTED.join(",")}
          className="sr-only"
          aria-labelledby="widget-logo-label"
          onChange={(e) => {
            upload(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
        <Button type="button" variant="secondary" size="sm" disabled={pending} onClick={() => input.current?.click()}>
          {pending ? "Saving…" : current ? "Replace logo" : "Upload logo"}
        </Button>
        {current && (
          <Button type="button" variant="ghost" size="sm" disabled={pending} onClick={() => startTransition(async () => apply(await removeChatWidgetLogoAction(slug)))}>
            Remove
          </Button>
        )}
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">Shown in the chat&apos;s header. PNG, JPEG, GIF or WebP up to 512 KB; a square image looks best.</p>
      {error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
