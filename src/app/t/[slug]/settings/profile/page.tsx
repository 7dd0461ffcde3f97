import type { Metadata } from "next";
import { ProfileForm } from "@/components/settings/profile-form";
import { api } from "@/trpc/server";
import { loadTenant, orNotFound } from "../../_components/load-tenant";

export const metadata: Metadata = { title: "Your profile" };

/** Each member's own: every role may see and change it. */
export default async function ProfileSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const view = await loadTenant(slug);
  if (view.state !== "active") return null;
  const profile = await orNotFound(() => api.account.profile());
  return (
    <section aria-labelledby="profile-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="profile-heading" className="text-base font-semibold">Your profile</h2>
      <dl className="mt-3 grid max-w-md grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">Name</dt>
        <dd className="break-words">{profile.name}</dd>
        <dt className="text-slate-600">Email</dt>
        <dd className="break-all">{profile.email}</dd>
      </dl>
      <div className="mt-5">
        <ProfileForm slug={view.tenant.slug} timeZone={profile.timeZone} organisationTimeZone={view.tenant.settings.timeZone} />
      </div>
    </section>
  );
}
