"use client";
// The chat's header in the tenant's colour and logo: who the visitor is talking to, the greeting, and
// whether anyone is in now or when they are back (in the visitor's clock). Before the config has
// loaded (or when it cannot) it is a plain bar, still with the close button: below 480 px the chat
// covers the page and the launcher, so it is the only way out.
import { X } from "lucide-react";
import { useState } from "react";
import type { WidgetConfig } from "@/lib/validations/chat-widget";
import { cn } from "@/lib/utils";
import { availabilityText } from "./availability";
import { tenantSurface } from "./tenant-color";

export function WidgetHeader({ config, onClose }: { config: WidgetConfig | null; onClose?: () => void }) {
  // The hours are read once per opening; "Back at 9:00 AM" stays true until then.
  const [now] = useState(() => new Date());
  return (
    <header
      style={config ? tenantSurface(config.color) : undefined}
      className={cn("flex min-h-12 shrink-0 items-start gap-3 px-4 py-3", config ? null : "border-b border-slate-200")}
    >
      {config?.logoUrl ? (
        // The tenant's logo (re-encoded and served by the widget's API); the name beside it says who it is.
        // eslint-disable-next-line @next/next/no-img-element -- a small same-origin image in an iframe page; next/image's loader adds nothing
        <img src={config.logoUrl} alt="" width={36} height={36} className="mt-0.5 size-9 shrink-0 rounded-full bg-white object-cover" />
      ) : null}
      <div className="min-w-0 flex-1">
        {config ? (
          <>
            <h1 className="truncate text-base font-semibold">{config.name}</h1>
            <p className="mt-0.5 text-sm opacity-90">{config.greeting}</p>
            <p className="mt-1.5 flex items-center gap-1.5 text-xs opacity-90">
              <span aria-hidden className={cn("size-2 rounded-full", config.open ? "bg-green-500" : "bg-slate-400")} />
              {availabilityText(config, now)}
            </p>
          </>
        ) : (
          <h1 className="text-base font-semibold">Chat</h1>
        )}
      </div>
      {onClose ? (
        <button type="button" onClick={onClose} aria-label="Close chat" className="-mr-1 rounded-md p-1.5 opacity-90 hover:opacity-100">
          <X className="size-5" aria-hidden />
        </button>
      ) : null}
    </header>
  );
}
