import { Link } from "@/components/ui/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-2 max-w-md text-sm text-slate-500">
        It does not exist, or you do not have access to it. If someone sent you this link, ask them to invite you.
      </p>
      <Link href="/" className="mt-6 text-sm font-medium text-brand-600 hover:underline">
        Back to your workspace
      </Link>
    </main>
  );
}
