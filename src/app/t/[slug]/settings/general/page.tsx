import type { Metadata } from "next";
import { ChoiceListEditor } from "@/components/settings/choice-list-editor";
import { DangerZone } from "@/components/settings/danger-zone";
import { GeneralNameForm } from "@/components/settings/general-name-form";
import { GeneralSettingsForm } from "@/components/settings/general-settings-form";
import { env } from "@/env";
import { api } from "@/trpc/server";
import { loadTenant, orNotFound } from "../../_components/load-tenant";

export const metadata: Metadata = { title: "General settings" };

export default async function GeneralSettingsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ renamed?: string }> }) {
  const { slug } = await params;
  const { renamed } = await searchParams;
  const view = await loadTenant(slug);
  if (view.state !== "active") return null;
  const { tenant } = view;
  const canManage = tenant.permissions.includes("settings:manage");
  const members = await orNotFound(() => api.members.list());
  // Viewers cannot work cases, so they are no default assignee (the server refuses them too).
  const assignees = members.filter((m) => m.role !== "VIEWER").map((m) => ({ userId: m.userId, name: m.name }));

  return (
    <div className="space-y-8">
      {!canManage ? (
        <p className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-600">
          You can see these settings; an owner or admin can change them.
        </p>
      ) : null}
      {renamed ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-800">
          The address is now /t/{tenant.slug}. Old links keep working: they redirect here.
        </p>
      ) : null}
      <section aria-labelledby="org-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="org-heading" className="text-base font-semibold">Organisation</h2>
        <div className="mt-4">
          <GeneralNameForm key={tenant.slug} slug={tenant.slug} name={tenant.name} canManage={canManage} />
        </div>
      </section>
      <section aria-labelledby="work-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="work-heading" className="text-base font-semibold">Cases and working hours</h2>
        <div className="mt-4">
          <GeneralSettingsForm slug={tenant.slug} settings={tenant.settings} assignees={assignees} canManage={canManage} />
        </div>
      </section>
      <section aria-labelledby="lists-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="lists-heading" className="text-base font-semibold">Categories and business units</h2>
        <div className="mt-4 grid gap-8 md:grid-cols-2">
          <ChoiceListEditor
            slug={tenant.slug}
            list="caseCategories"
            title="Case categories"
            noun="category"
            hint="Cases pick one of these, in this order. Renaming one renames it on every case."
            values={tenant.settings.caseCategories}
            archived={tenant.settings.archivedCaseCategories}
            canManage={canManage}
          />
          <ChoiceListEditor
            slug={tenant.slug}
            list="businessUnits"
            title="Business units"
            noun="business unit"
            hint="Optional: brands or divisions that cases, teams and alerts belong to."
            values={tenant.settings.businessUnits}
            archived={tenant.settings.archivedBusinessUnits}
            canManage={canManage}
          />
        </div>
      </section>
      {tenant.permissions.includes("tenant:delete") ? <DangerZone slug={tenant.slug} name={tenant.name} graceDays={env.TENANT_DELETION_GRACE_DAYS} /> : null}
    </div>
  );
}
