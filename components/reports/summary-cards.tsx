type Figure = { label: string; value: number | string; detail: string };

/** The headline figures, each a number (or a share) with words saying what it counts and over which period. */
export function SummaryCards({ figures }: { figures: Figure[] }) {
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5">
      {figures.map((figure) => (
        <div key={figure.label} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <dt className="text-sm font-medium text-slate-600">{figure.label}</dt>
          <dd className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{figure.value}</dd>
          <dd className="text-xs text-slate-500">{figure.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
