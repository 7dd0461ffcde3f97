// The organisation's learned triage models as an admin needs them: per field, how many resolved
// cases it learned from, how often it was right on the cases held out, and how often right above
// each confidence, which is what picking an auto-apply threshold needs. "Train now" beside it.
import type { TriageModelView } from "@/lib/validations/triage-model";
import { formatDateTime } from "@/lib/format";
import { FIELD_LABEL, percent, valueText } from "./suggestion-words";
import { TrainTriageModelsButton } from "./train-triage-models-button";

/** The floors shown: the thresholds admins choose between most. */
const SHOWN_FLOORS = [0.5, 0.7, 0.9];


interface Props {
  models: TriageModelView[];
  training: { status: string } | null;
  timeZone: string;
  canManage: boolean;
}

export function TriageModelsPanel({ models, training, timeZone, canManage }: Props) {
  const newest = models.reduce<Date | null>((at, m) => (at && at > m.trainedAt ? at : m.trainedAt), null);
  return (
    <section aria-labelledby="learned-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-2xl">
          <h2 id="learned-heading" className="text-base font-semibold">Learned triage</h2>
          <p className="mt-1 text-sm text-slate-600">
            Category, business unit and priority suggested from your own resolved cases, with no AI provider: the words of each case are counted here and
            never leave your organisation. The models learn every night; one resolved case in five is kept aside to measure them. New cases get the
            suggestions at once, and the auto-apply thresholds above apply to them as to the AI&apos;s.
          </p>
        </div>
        {canManage ? <TrainTriageModelsButton marker={newest?.toISOString() ?? null} /> : null}
      </div>
      {training ? (
        <p role="status" className="mt-3 text-sm text-slate-600">
          {training.status === "RUNNING" ? "Training now…" : training.status === "FAILED" ? "The last training failed; it will be tried again." : "A training is waiting to run."}
        </p>
      ) : null}
      {models.length === 0 ? (
        <p className="mt-4 rounded-md border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-600">
          No model yet. A field gets one once at least 20 resolved cases have a value for it, in at least two values.
        </p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">Learned triage models: accuracy on held-out resolved cases</caption>
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">Field</th>
                <th scope="col" className="py-2 pr-4 font-medium">Right on unseen cases</th>
                {SHOWN_FLOORS.map((floor) => (
                  <th key={floor} scope="col" className="py-2 pr-4 font-medium">At ≥ {percent(floor)} sure</th>
                ))}
                <th scope="col" className="py-2 font-medium">Learned from</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {models.map((m) => (
                <tr key={m.field}>
                  <th scope="row" className="py-2 pr-4 font-medium text-slate-800">{FIELD_LABEL[m.field]}</th>
                  <td className="py-2 pr-4 tabular-nums">
                    {m.accuracy === null ? "—" : percent(m.accuracy)} <span className="text-slate-500">of {m.heldOut.toLocaleString("en-US")}</span>
                  </td>
                  {SHOWN_FLOORS.map((floor) => {
                    const point = m.calibration.find((c) => c.atLeast === floor);
                    return (
                      <td key={floor} className="py-2 pr-4 tabular-nums">
                        {point && point.accuracy !== null ? (
                          <>
                            {percent(point.accuracy)} right <span className="text-slate-500">on {percent(point.share)}</span>
                          </>
                        ) : (
                          <span className="text-slate-500">none this sure</span>
                        )}
                      </td>
                    );
                  })}
                  <td className="py-2 text-slate-600">
                    {m.examples.toLocaleString("en-US")} cases, {m.values.length} values
                    <span className="block text-xs text-slate-500">
                      Most: {m.values.slice(0, 3).map((v) => valueText(m.field, v.value)).join(", ")}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {newest ? <p className="mt-2 text-xs text-slate-500">Trained {formatDateTime(newest, timeZone)}.</p> : null}
        </div>
      )}
    </section>
  );
}
