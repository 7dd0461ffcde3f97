// The placeholders a reply text may hold, beside the field that holds it (canned responses, macros).
import { CANNED_PLACEHOLDERS } from "@/lib/canned-placeholders";

export function PlaceholderList() {
  return (
    <details className="text-sm text-slate-600">
      <summary className="cursor-pointer select-none font-medium text-slate-700">Placeholders</summary>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        {Object.entries(CANNED_PLACEHOLDERS).map(([name, meaning]) => (
          <div key={name} className="contents">
            <dt>
              <code className="rounded bg-slate-100 px-1 py-0.5 text-xs text-slate-800">{`{{${name}}}`}</code>
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
