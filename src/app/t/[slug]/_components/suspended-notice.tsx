import { Link } from "@/components/ui/link";

export function SuspendedNotice({ message }: { message: string }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md rounded-xl border border-amber-200 bg-amber-50 p-8 text-center">
        <h1 className="text-lg font-semibold text-amber-900">Organisation suspended</h1>
        <p className="mt-2 text-sm text-amber-800">{message}</p>
        <Link href="/" className="mt-6 inline-block text-sm font-medium text-amber-900 underline">
          Go to another workspace
        </Link>
      </div>
    </main>
  );
}
