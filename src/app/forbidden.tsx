import { Link } from "@/components/ui/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-brand-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Your role cannot open this page</h1>
      <p className="mt-2 max-w-md text-sm text-slate-500">
        An owner or admin of this organisation can change your role in Settings → Members if you need it.
      </p>
      <Link href="/" className="mt-6 text-sm font-medium text-brand-600 hover:underline">
        Back to your workspace
      </Link>
    </main>
  );
}
