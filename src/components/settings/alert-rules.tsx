"use client";
// Alert rules in settings: conditions over the tenant's cases, checked every minute, that raise an
// alert (routed to a member or team, with a cool-down between firings). Everyone who reads alerts
// sees them; settings managers add, test over the last 7 days, change, switch off and delete them.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";
import { timeAgo } from "@/lib/format";
import { ALERT_SEVERITIES, type AlertSeverity } from "@/lib/validations/alert";
import { ALERT_RULE_KINDS, type AlertRuleKind } from "@/lib/validations/alert-rule";
import { CASE_CHANNELS } from "@/lib/case-fields";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SeverityBadge } from "@/components/alerts/severity-badge";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-feedback";
import { Input, Select, Textarea } from "@/components/ui/input";
import { parsePhrases, RULE_KIND_LABEL, ruleConditionText } from "./alert-rule-text";
import { RuleRowActions } from "./rule-row-actions";
import { createAlertRuleAction, deleteAlertRuleAction, testAlertRuleAction, updateAlertRuleAction } from "./alert-rules-actions";
import { confirmAction } from "@/components/ui/confirm";

export interface AlertRuleRow {
  id: string;
  name: string;
  kind: AlertRuleKind;
  params: Record<string, unknown>;
  enabled: boolean;
  severity: AlertSeverity;
  businessUnit: string | null;
  team: { id: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  cooldownMinutes: number;
  lastFiredAt: Date | null;
}

interface Props {
  slug: string;
  rules: AlertRuleRow[];
  teams: { id: string; name: string }[];
  businessUnits: string[];
  categories: string[];
  canManage: boolean;
}

const word = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();

export function AlertRules({ slug, rules, teams, businessUnits, categories, canManage }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState<AlertRuleRow | "new" | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const after = (result: ActionResult<unknown>, done: string) => {
    setMessage(result.ok ? done : result.error.message);
    router.refresh();
  };
  const toggle = (rule: AlertRuleRow) =>
    startTransition(async () => after(await updateAlertRuleAction(slug, { id: rule.id, enabled: !rule.enabled }), rule.enabled ? `“${rule.name}” is off.` : `“${rule.name}” is on.`));
  const remove = async (rule: AlertRuleRow) => {
    if (!(await confirmAction({ title: `Delete the alert rule “${rule.name}”?`, description: "Alerts it raised stay.", confirmLabel: "Delete rule" }))) return;
    startTransition(async () => after(await deleteAlertRuleAction(slug, rule.id), `Deleted “${rule.name}”.`));
  };

  return (
    <section aria-labelledby="alert-rules-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="alert-rules-heading" className="text-base font-semibold">Alert rules</h2>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            Checked every minute over your cases. When a rule&apos;s condition holds, it raises an alert (or counts another occurrence of the one it raised),
            then waits its cool-down before firing again.
          </p>
        </div>
        {canManage && editing === null ? (
          <Button type="button" size="sm" onClick={() => setEditing("new")}>
            Add rule
          </Button>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className="mt-2 min-h-5 text-sm text-slate-600">
        {message}
      </p>
      {editing ? (
        <RuleForm
          key={editing === "new" ? "new" : editing.id}
          slug={slug}
          rule={editing === "new" ? null : editing}
          teams={teams}
          businessUnits={businessUnits}
          categories={categories}
          onDone={(text) => {
            setEditing(null);
            if (text) setMessage(text);
            router.refresh();
          }}
        />
      ) : null}
      {rules.length === 0 ? (
        <p className="mt-2 rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
          No alert rules yet. For example: a spike of new cases on one channel, or more than 5 cases unassigned for half an hour.
        </p>
      ) : (
        <ul aria-label="Alert rules" className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200">
          {rules.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-3 px-3 py-3 text-sm">
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2 font-medium break-words text-slate-900">
                  {r.name}
                  <SeverityBadge severity={r.severity} />
                  {r.enabled ? null : <Badge tone="gray">Off</Badge>}
                </p>
                <p className="text-slate-700">
                  {RULE_KIND_LABEL[r.kind]}: {ruleConditionText(r.kind, r.params)}
                </p>
                <p className="text-xs text-slate-600" suppressHydrationWarning>
                  {r.assignee ? `To ${r.assignee.name}` : r.team ? `To team ${r.team.name}` : "Not routed"}
                  {r.businessUnit ? ` · ${r.businessUnit}` : ""} · cool-down {r.cooldownMinutes} min · {r.lastFiredAt ? `last fired ${timeAgo(r.lastFiredAt)}` : "never fired"}
                </p>
              </div>
              {canManage ? (
                <RuleRowActions name={r.name} enabled={r.enabled} pending={pending} onToggle={() => toggle(r)} onEdit={() => setEditing(r)} onDelete={() => remove(r)} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type TestResult = { firings: { at: Date; value: number; baseline?: number }[]; evaluatedPoints: number };

function RuleForm({
  slug,
  rule,
  teams,
  businessUnits,
  categories,
  onDone,
}: {
  slug: string;
  rule: AlertRuleRow | null;
  teams: { id: string; name: string }[];
  businessUnits: string[];
  categories: string[];
  onDone: (message: string | null) => void;
}) {
  const p = rule?.params ?? {};
  const scope = (p.scope ?? {}) as Record<string, string | undefined>;
  const str = (v: unknown, fallback: string) => (typeof v === "number" || typeof v === "string" ? String(v) : fallback);
  const [name, setName] = useState(rule?.name ?? "");
  const [kind, setKind] = useState<AlertRuleKind>(rule?.kind ?? "VOLUME_SPIKE");
  const [severity, setSeverity] = useState<AlertSeverity>(rule?.severity ?? "WARNING");
  const [threshold, setThreshold] = useState(str(p.threshold, "5"));
  const [minutes, setMinutes] = useState(str(p.minutes, "30"));
  const [windowMinutes, setWindowMinutes] = useState(str(p.windowMinutes, "60"));
  const [zScore, setZScore] = useState(str(p.zScore, "3"));
  const [minCount, setMinCount] = useState(str(p.minCount, "10"));
  const [phrases, setPhrases] = useState(Array.isArray(p.phrases) ? (p.phrases as string[]).join("\n") : "");
  const [channel, setChannel] = useState(scope.channel ?? "");
  const [scopeUnit, setScopeUnit] = useState(scope.businessUnit ?? (typeof p.businessUnit === "string" ? p.businessUnit : ""));
  const [category, setCategory] = useState(scope.category ?? "");
  const [businessUnit, setBusinessUnit] = useState(rule?.businessUnit ?? "");
  const [teamId, setTeamId] = useState(rule?.team?.id ?? "");
  const [cooldown, setCooldown] = useState(String(rule?.cooldownMinutes ?? 30));
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [tested, setTested] = useState<TestResult | null>(null);
  const [pending, startTransition] = useTransition();

  const scoped = { ...(channel ? { channel } : {}), ...(scopeUnit ? { businessUnit: scopeUnit } : {}), ...(category ? { category } : {}) };
  const params: Record<string, unknown> = {
    VOLUME_SPIKE: { scope: scoped, zScore: Number(zScore), minCount: Number(minCount) },
    SLA_BREACHES: { threshold: Number(threshold), windowMinutes: Number(windowMinutes) },
    UNASSIGNED_AGE: { threshold: Number(threshold), minutes: Number(minutes) },
    BACKLOG: { threshold: Number(threshold), ...(scopeUnit ? { businessUnit: scopeUnit } : {}) },
    KEYWORD: { phrases: parsePhrases(phrases), scope: scoped },
  }[kind] as Record<string, unknown>;
  const definition = { name: name.trim() || "Unsaved rule", kind, params, cooldownMinutes: Number(cooldown) };

  const showErrors = (error: { message: string; fieldErrors?: Record<string, string[]> }) => {
    const fe = error.fieldErrors ?? {};
    // Params are reported as "params.threshold"; the form's fields are named by the last part.
    const byField = Object.fromEntries(Object.entries(fe).map(([k, v]) => [k.replace(/^(rule\.)?params\.(scope\.)?/, ""), v[0]]));
    setErrors(Object.keys(byField).length ? byField : { form: error.message });
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const values = { name: name.trim(), kind, params, severity, businessUnit: businessUnit || null, teamId: teamId || null, cooldownMinutes: Number(cooldown) };
    if (!values.name) return setErrors({ name: "Name the rule" });
    startTransition(async () => {
      const result = rule ? await updateAlertRuleAction(slug, { id: rule.id, ...values }) : await createAlertRuleAction(slug, values);
      if (result.ok) return onDone(rule ? `Saved “${values.name}”.` : `Added “${values.name}”.`);
      showErrors(result.error);
    });
  };
  const test = () =>
    startTransition(async () => {
      setErrors({});
      const result = await testAlertRuleAction({ rule: definition });
      if (result.ok) setTested(result.data);
      else {
        setTested(null);
        showErrors(result.error);
      }
    });

  const numberField = (id: string, label: string, value: string, set: (v: string) => void, hint?: string, step = "1") => (
    <Field label={label} htmlFor={`alert-rule-${id}`} error={errors[id]} hint={hint}>
      <Input id={`alert-rule-${id}`} type="number" inputMode="decimal" step={step} value={value} onChange={(e) => set(e.target.value)} aria-invalid={!!errors[id]} />
    </Field>
  );
  const scopeFields = (withCategory: boolean) => (
    <>
      <Field label="Channel" htmlFor="alert-rule-channel" error={errors.channel}>
        <Select id="alert-rule-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
          <option value="">Any channel</option>
          {CASE_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {word(c)}
            </option>
          ))}
        </Select>
      </Field>
      {withCategory ? (
        <Field label="Category" htmlFor="alert-rule-category" error={errors.category}>
          <Select id="alert-rule-category" value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">Any category</option>
            {categories.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </Select>
        </Field>
      ) : null}
    </>
  );
  const unitField = (
    <Field label="Cases of business unit" htmlFor="alert-rule-scope-unit" error={errors.businessUnit}>
      <Select id="alert-rule-scope-unit" value={scopeUnit} onChange={(e) => setScopeUnit(e.target.value)}>
        <option value="">Any business unit</option>
        {businessUnits.map((b) => (
          <option key={b}>{b}</option>
        ))}
      </Select>
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate aria-label={rule ? `Edit alert rule ${rule.name}` : "New alert rule"} className="mt-2 mb-4 space-y-4 rounded-md border border-slate-200 bg-slate-50 p-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" htmlFor="alert-rule-name" error={errors.name}>
          <Input id="alert-rule-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} aria-invalid={!!errors.name} placeholder="Email spike" />
        </Field>
        <Field label="Condition" htmlFor="alert-rule-kind" error={errors.kind}>
          <Select
            id="alert-rule-kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as AlertRuleKind);
              setTested(null);
              setErrors({});
            }}
          >
            {ALERT_RULE_KINDS.map((k) => (
              <option key={k} value={k}>
                {RULE_KIND_LABEL[k]}
              </option>
            ))}
          </Select>
        </Field>
        {kind === "VOLUME_SPIKE" ? (
          <>
            {numberField("zScore", "Standard deviations above the usual", zScore, setZScore, "The usual: the same hour of the week over the last 4 weeks.", "0.5")}
            {numberField("minCount", "At least this many new cases in the hour", minCount, setMinCount)}
            {scopeFields(true)}
            {unitField}
          </>
        ) : null}
        {kind === "SLA_BREACHES" ? (
          <>
            {numberField("threshold", "Breaches", threshold, setThreshold, "First responses or resolutions that came due unmet.")}
            {numberField("windowMinutes", "Within (minutes)", windowMinutes, setWindowMinutes)}
          </>
        ) : null}
        {kind === "UNASSIGNED_AGE" ? (
          <>
            {numberField("threshold", "Open unassigned cases", threshold, setThreshold)}
            {numberField("minutes", "Older than (minutes)", minutes, setMinutes)}
          </>
        ) : null}
        {kind === "BACKLOG" ? (
          <>
            {numberField("threshold", "Open cases", threshold, setThreshold)}
            {unitField}
          </>
        ) : null}
        {kind === "KEYWORD" ? (
          <>
            <Field label="Phrases" htmlFor="alert-rule-phrases" error={errors.phrases} hint="One per line or separated by commas; matched in a new case's title or description.">
              <Textarea id="alert-rule-phrases" rows={3} value={phrases} onChange={(e) => setPhrases(e.target.value)} aria-invalid={!!errors.phrases} placeholder={"outage\ndata breach"} />
            </Field>
            {scopeFields(false)}
          </>
        ) : null}
        <Field label="Severity" htmlFor="alert-rule-severity" error={errors.severity}>
          <Select id="alert-rule-severity" value={severity} onChange={(e) => setSeverity(e.target.value as AlertSeverity)}>
            {ALERT_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {word(s)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Route to team" htmlFor="alert-rule-team" error={errors.teamId} hint="Its members get the alert in their inbox.">
          <Select id="alert-rule-team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">Nobody (the alerts page only)</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Alert's business unit" htmlFor="alert-rule-unit" error={errors.businessUnit}>
          <Select id="alert-rule-unit" value={businessUnit} onChange={(e) => setBusinessUnit(e.target.value)}>
            <option value="">None</option>
            {businessUnits.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </Select>
        </Field>
        {numberField("cooldownMinutes", "Cool-down (minutes)", cooldown, setCooldown, "After firing, the rule waits this long before it fires again.")}
      </div>
      <FormAlert message={errors.form} />
      {tested ? <TestResultView result={tested} /> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => onDone(null)}>
          Cancel
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={test}>
          Test on the last 7 days
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Working…" : rule ? "Save rule" : "Add rule"}
        </Button>
      </div>
    </form>
  );
}

function TestResultView({ result }: { result: TestResult }) {
  const shown = result.firings.slice(-10).reverse();
  return (
    <div role="status" className="rounded-md border border-slate-200 bg-white p-3 text-sm">
      <p className="font-medium">
        {result.firings.length === 0
          ? `It would not have fired in the last 7 days (${result.evaluatedPoints} hourly checks).`
          : `It would have fired ${result.firings.length === 1 ? "once" : `${result.firings.length} times`} in the last 7 days (${result.evaluatedPoints} hourly checks, the cool-down applied).`}
      </p>
      {shown.length ? (
        <ul aria-label="Would have fired" className="mt-2 space-y-0.5 text-xs text-slate-700" suppressHydrationWarning>
          {shown.map((f) => (
            <li key={f.at.toISOString()}>
              {f.at.toLocaleString()}: {f.value.toLocaleString("en")}
              {f.baseline !== undefined ? ` (usual ${f.baseline.toLocaleString("en", { maximumFractionDigits: 1 })})` : ""}
            </li>
          ))}
          {result.firings.length > shown.length ? <li>… and {result.firings.length - shown.length} earlier</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
