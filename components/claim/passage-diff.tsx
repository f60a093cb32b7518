import { describeFigureChange, diffWords, hasChanges, listFigureChanges } from "@/lib/sources/passage-diff";

/**
 * The cited wording against what the page says now, word by word: removed words struck through,
 * added ones underlined, each also named in words for screen readers ("removed:", "added:"),
 * and changed figures listed first ("94 → 107"). Colour is never the only signal.
 */
export function PassageDiff({ before, after, sourceName }: { before: string; after: string; sourceName: string }) {
  const parts = diffWords(before, after);
  if (!hasChanges(parts)) return null;
  const figures = listFigureChanges(parts);
  return (
    <figure className="basis-full space-y-1 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
      <figcaption className="text-xs font-semibold text-slate-700">What changed in the passage cited from {sourceName}</figcaption>
      {figures.length > 0 ? (
        <p className="font-medium text-slate-900">
          Figures: {figures.map(describeFigureChange).join(", ")}
        </p>
      ) : null}
      <p className="leading-relaxed text-slate-800" data-testid="passage-diff">
        {parts.map((part, index) =>
          part.kind === "same" ? (
            <span key={index}>{part.text}</span>
          ) : part.kind === "removed" ? (
            <del key={index} className="rounded-sm bg-red-100 px-0.5 text-red-900 line-through decoration-2">
              <span className="sr-only">[removed: </span>
              {part.text}
              <span className="sr-only">]</span>
            </del>
          ) : (
            <ins key={index} className="rounded-sm bg-emerald-100 px-0.5 text-emerald-900 underline decoration-2 underline-offset-2">
              <span className="sr-only">[added: </span>
              {part.text}
              <span className="sr-only">]</span>
            </ins>
          ),
        )}
      </p>
      <p className="text-xs text-slate-600">Struck through: no longer on the page. Underlined: new on the page.</p>
    </figure>
  );
}
