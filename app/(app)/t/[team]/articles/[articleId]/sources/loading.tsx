/** Shown while the claims are traced: the source map's shape, without content. */
export default function Loading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <p className="sr-only" role="status">
        Loading the source map…
      </p>
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-28 animate-pulse rounded-lg border border-slate-200 bg-white" />
      <div className="h-72 animate-pulse rounded-lg border border-slate-200 bg-white" />
    </div>
  );
}
