"use client";
// The theme switch in the account menu: System, Light or Dark.
import { Monitor, Moon, Sun } from "lucide-react";
import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";
import { cn } from "@/lib/utils";

const CHOICES = [
  { value: "system", label: "System", icon: Monitor },
  { value: "light", label: "Light", icon: Sun },
  { value: "dark", label: "Dark", icon: Moon },
] as const;

const noSubscription = () => () => {};

export function ThemeToggle({ className }: { className?: string }) {
  const { theme, setTheme } = useTheme();
  // The stored choice is only known in the browser: render the buttons unpressed until then.
  const mounted = useSyncExternalStore(noSubscription, () => true, () => false);
  return (
    <div role="group" aria-label="Theme" className={cn("inline-flex rounded-md border border-slate-200 p-0.5", className)}>
      {CHOICES.map(({ value, label, icon: Icon }) => (
        <button
          key={value}
          type="button"
          title={label}
          aria-label={label}
          aria-pressed={mounted ? theme === value : undefined}
          onClick={() => setTheme(value)}
          className={cn("rounded px-1.5 py-1 text-slate-600 hover:text-slate-900", mounted && theme === value && "bg-slate-100 text-slate-900")}
        >
          <Icon className="size-3.5" aria-hidden />
        </button>
      ))}
    </div>
  );
}
