// A new organisation's first steps on its overview, for those who set it up (settings:manage).
// Each step is judged from the data (services/onboarding), so it ticks itself when done.
import { CheckCircle2, Circle } from "lucide-react";
import { Link } from "@/components/ui/link";
import type { Onboarding, OnboardingStep } from "@/server/services/onboarding/onboarding";
import { DismissOnboardingButton } from "./dismiss-onboarding-button";

const STEP_TEXT: Record<OnboardingStep, { title: string; hint: string; action: string; path: string }> = {
  invite_team: { title: "Invite your team", hint: "Agents answer cases; admins help run the workspace.", action: "Invite", path: "settings/invitations" },
  import_data: { title: "Import customers or cases", hint: "Bring what you have from a CSV file.", action: "Import", path: "imports" },
  working_hours: { title: "Set business hours and SLAs", hint: "SLA clocks count your working hours, in your time zone.", action: "Set hours", path: "settings/general" },
  first_case: { title: "Create your first case", hint: "Or let one arrive by email, chat or the API.", action: "New case", path: "cases/new" },
};

export function OnboardingChecklist({ slug, onboarding }: { slug: string; onboarding: Onboarding }) {
  const done = onboarding.steps.filter((s) => s.done).length;
  return (
    <section aria-labelledby="onboarding-heading" className="rounded-lg border border-brand-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="onboarding-heading" className="text-base font-semibold">
            Get started
          </h2>
          <p className="mt-0.5 text-sm text-slate-500">
            {done} of {onboarding.steps.length} done
          </p>
        </div>
        <DismissOnboardingButton />
      </div>
      <div className="mt-3 h-1.5 rounded-full bg-slate-100" role="progressbar" aria-label="Setup progress" aria-valuemin={0} aria-valuemax={onboarding.steps.length} aria-valuenow={done}>
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${(done / onboarding.steps.length) * 100}%` }} />
      </div>
      <ol className="mt-4 divide-y divide-slate-100">
        {onboarding.steps.map((step) => {
          const text = STEP_TEXT[step.key];
          return (
            <li key={step.key} className="flex items-center gap-3 py-2.5" aria-label={`${text.title}: ${step.done ? "done" : "to do"}`}>
              {step.done ? <CheckCircle2 className="size-5 shrink-0 text-green-600" aria-hidden /> : <Circle className="size-5 shrink-0 text-slate-300" aria-hidden />}
              <div className="min-w-0 flex-1">
                <p className={step.done ? "text-sm text-slate-500 line-through" : "text-sm font-medium"}>{text.title}</p>
                {step.done ? null : <p className="text-xs text-slate-500">{text.hint}</p>}
              </div>
              {step.done ? null : (
                <Link href={`/t/${slug}/${text.path}`} className="shrink-0 rounded-md border border-slate-300 px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50">
                  {text.action}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
