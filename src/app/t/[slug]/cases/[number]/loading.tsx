// Shown while a case's page renders on the server, so opening a case answers at once.
export default function CaseLoading() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-6 md:px-8" aria-busy="true" aria-label="Loading case">
      <div className="h-4 w-16 animate-pulse rounded bg-slate-200" />
      <div className="mt-5 h-4 w-12 animate-pulse rounded bg-slate-200" />
      <div className="mt-2 h-6 w-2/3 animate-pulse rounded bg-slate-200" />
      <div className="mt-3 flex gap-2">
        <div className="h-5 w-14 animate-pulse rounded-full bg-slate-200" />
        <div className="h-5 w-16 animate-pulse rounded-full bg-slate-200" />
      </div>
      <div className="mt-6 grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="space-y-4">
          <div className="h-24 animate-pulse rounded-lg border border-slate-200 bg-white" />
          <div className="h-40 animate-pulse rounded-lg border border-slate-200 bg-white" />
        </div>
        <div className="h-64 animate-pulse rounded-lg border border-slate-200 bg-white" />
      </div>
    </div>
  );
}
