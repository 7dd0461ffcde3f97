import type { Metadata } from "next";
import { getServerSession } from "next-auth";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { isPlatformAdmin } from "@/server/api/middlewares/platform-admin";
import { authOptions } from "@/server/auth/options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: { template: "%s · Platform admin", default: "Platform admin" } };

/** The platform console. Anyone who is not a platform admin gets the plain not-found page. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id || !(await isPlatformAdmin(session.user.id))) notFound();
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 md:px-8">
          <Link href="/admin" className="flex items-center gap-2 text-sm font-semibold">
            <span className="grid size-7 place-items-center rounded-md bg-slate-900 text-xs font-bold text-white">CB</span>
            Platform admin
          </Link>
          <nav className="flex items-center gap-4 text-sm">
            <Link href="/admin" className="font-medium text-slate-600 hover:text-slate-900">Tenants</Link>
            <Link href="/admin/tenants/new" className="font-medium text-slate-600 hover:text-slate-900">New tenant</Link>
            <Link href="/" className="text-slate-500 hover:text-slate-900">Back to workspace</Link>
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6 md:px-8">{children}</main>
    </div>
  );
}
