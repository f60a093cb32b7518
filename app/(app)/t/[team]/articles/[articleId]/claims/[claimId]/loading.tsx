/** Shown while the claim loads: the page's shape, without content. */
export default function Loading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <p className="sr-only" role="status">
        Loading the claim…
      </p>
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white px-5 py-5 sm:px-8">
        <div className="h-4 w-1/2 animate-pulse rounded bg-slate-100" />
        <div className="h-8 w-3/4 animate-pulse rounded bg-slate-200" />
        <div className="h-12 w-full animate-pulse rounded bg-slate-100" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(20rem,26rem)]">
        <div className="space-y-6">
          <div className="h-48 animate-pulse rounded-lg border border-slate-200 bg-white" />
          <div className="h-72 animate-pulse rounded-lg border border-slate-200 bg-white" />
        </div>
        <div className="h-96 animate-pulse rounded-lg border border-slate-200 bg-white" />
      </div>
    </div>
  );
}
