import { cn } from "@/lib/utils";

/** Green while the member has the app open somewhere; said in words for screen readers. */
export function OnlineDot({ online, className }: { online: boolean; className?: string }) {
  return (
    <span
      role="img"
      aria-label={online ? "Online" : "Offline"}
      title={online ? "Online" : "Offline"}
      className={cn("inline-block size-2 shrink-0 rounded-full", online ? "bg-green-500" : "bg-slate-300", className)}
    />
  );
}
