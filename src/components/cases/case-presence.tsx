"use client";
// Who else is on this case right now: avatars in the header, "Ava is replying…" under the
// conversation. From the live stream's presence messages; the signed-in user is never shown.
import type { PresenceEntry } from "@/lib/realtime/events";
import { cn } from "@/lib/utils";
import { usePresence } from "@/trpc/realtime/use-realtime";
import { initials, replyingText } from "./case-presence-text";

const MAX_AVATARS = 4;

const presenceLabel = (e: PresenceEntry) => `${e.name} (${e.state === "replying" ? "replying" : "viewing"})`;

export function CasePresenceAvatars({ caseId }: { caseId: string }) {
  const others = usePresence(caseId);
  if (others.length === 0) return null;
  const shown = others.slice(0, MAX_AVATARS);
  const more = others.length - shown.length;
  const label = `Also on this case: ${others.map(presenceLabel).join(", ")}`;
  return (
    <div title={label} className="flex items-center -space-x-1.5">
      <span className="sr-only">{label}</span>
      {shown.map((e) => (
        <span
          key={e.userId}
          aria-hidden
          className={cn(
            "grid size-7 place-items-center rounded-full border-2 border-white text-[11px] font-semibold",
            e.state === "replying" ? "bg-brand-600 text-white ring-2 ring-brand-200" : "bg-slate-200 text-slate-700",
          )}
        >
          {initials(e.name)}
        </span>
      ))}
      {more > 0 ? (
        <span aria-hidden className="grid size-7 place-items-center rounded-full border-2 border-white bg-slate-100 text-[11px] font-medium text-slate-600">
          +{more}
        </span>
      ) : null}
    </div>
  );
}

export function CaseReplying({ caseId, className }: { caseId: string; className?: string }) {
  const text = replyingText(usePresence(caseId).filter((e) => e.state === "replying").map((e) => e.name));
  // The line keeps its height, so the page does not jump when someone starts or stops typing.
  return (
    <p role="status" aria-live="polite" className={cn("min-h-5 text-sm text-slate-500 italic", className)}>
      {text}
    </p>
  );
}
