/** Shown while the article and its claims load: the workspace's shape, without content. */
export default function Loading() {
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(21rem,26rem)]" aria-busy="true">
      <p className="sr-only" role="status">
        Loading the article…
      </p>
      <div className="space-y-4 rounded-lg border border-slate-200 bg-white px-5 py-8 sm:px-10 lg:px-14">
        <div className="h-9 w-3/4 animate-pulse rounded bg-slate-200" />
        <div className="h-4 w-1/3 animate-pulse rounded bg-slate-100" />
        {Array.from({ length: 6 }, (_, index) => (
          <div key={index} className="h-20 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
      <div className="h-64 animate-pulse rounded-lg border border-slate-200 bg-white" />
    </div>
  );
}
