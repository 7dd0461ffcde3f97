import { cva, type VariantProps } from "class-variance-authority";
import * as React from "react";
import { cn } from "@/lib/utils";

export const badgeVariants = cva("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", {
  variants: {
    tone: {
      gray: "bg-slate-50 text-slate-700 ring-slate-600/20",
      blue: "bg-blue-50 text-blue-700 ring-blue-700/10",
      green: "bg-green-50 text-green-700 ring-green-600/20",
      yellow: "bg-amber-50 text-amber-800 ring-amber-600/20",
      red: "bg-red-50 text-red-700 ring-red-600/10",
      purple: "bg-violet-50 text-violet-700 ring-violet-700/10",
    },
  },
  defaultVariants: { tone: "gray" },
});

export function Badge({ className, tone, ...props }: React.HTMLAttributes<HTMLSpanElement> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}
