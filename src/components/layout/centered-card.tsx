import { Link } from "@/components/ui/link";

/** The frame of pages outside any organisation (sign-in, sign-up, invitations): logo and a card. */
export function CenteredCard({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-12">
      <Link href="/" className="mb-8 flex items-center gap-2 text-xl font-semibold text-slate-900">
        <span className="grid size-8 place-items-center rounded-lg bg-brand-600 text-sm font-bold text-white">C</span>
        Caseboard
      </Link>
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">{children}</div>
    </main>
  );
}
