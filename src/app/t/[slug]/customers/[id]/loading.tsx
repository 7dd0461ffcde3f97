// Shown while a customer's page renders on the server.
export default function CustomerLoading() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-6 md:px-8" aria-busy="true" aria-label="Loading customer">
      <div className="h-4 w-24 animate-pulse rounded bg-slate-200" />
      <div className="mt-5 h-6 w-1/2 animate-pulse rounded bg-slate-200" />
      <div className="mt-2 h-4 w-1/3 animate-pulse rounded bg-slate-200" />
      <div className="mt-6 grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="h-56 animate-pulse rounded-lg border border-slate-200 bg-white" />
        <div className="h-80 animate-pulse rounded-lg border border-slate-200 bg-white" />
      </div>
    </div>
  );
}
