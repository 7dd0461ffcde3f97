import type { Metadata } from "next";
import { NewCaseForm } from "@/components/cases/new-case-form";
import { attachmentLimitOf } from "@/server/services/attachments/limit";
import { loadTenant } from "../../_components/load-tenant";

export const metadata: Metadata = { title: "New case" };

export default async function NewCasePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const view = await loadTenant(slug);
  const settings = view.state === "active" ? view.tenant.settings : null;
  const canCreateCustomers = view.state === "active" && view.tenant.permissions.includes("customers:write");
  return (
    <div className="mx-auto max-w-2xl px-4 py-6 md:px-8">
      <h1 className="text-xl font-semibold tracking-tight">New case</h1>
      <p className="mt-1 text-sm text-slate-500">Log a case that came in by phone, chat or in person.</p>
      <NewCaseForm
        slug={slug}
        categories={settings?.caseCategories ?? []}
        businessUnits={settings?.businessUnits ?? []}
        canCreateCustomers={canCreateCustomers}
        maxFileBytes={settings ? attachmentLimitOf(settings) : undefined}
      />
    </div>
  );
}
