import { isVerdict, labelVerdict, type TeamVerdictLabels, type Verdict } from "@/lib/verification/verdicts";

/** Each verdict differs in glyph and label as well as colour. */
export const verdictStyles: Record<Verdict, { glyph: string; className: string }> = {
  accurate: { glyph: "✓", className: "bg-emerald-50 text-emerald-800 ring-emerald-300" },
  misleading: { glyph: "◑", className: "bg-amber-50 text-amber-900 ring-amber-300" },
  false: { glyph: "✕", className: "bg-red-50 text-red-800 ring-red-300" },
  unsubstantiated: { glyph: "?", className: "bg-slate-100 text-slate-800 ring-slate-300" },
  not_checkable: { glyph: "∅", className: "bg-violet-50 text-violet-800 ring-violet-300" },
};

/** A verdict as a pill, in the team's wording. */
export function VerdictBadge({ verdict, labels }: { verdict: string; labels: TeamVerdictLabels }) {
  if (!isVerdict(verdict)) return <span className="text-sm">{verdict}</span>;
  const style = verdictStyles[verdict];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-sm font-semibold ring-1 ring-inset ${style.className}`}>
      <span aria-hidden="true">{style.glyph}</span>
      {labelVerdict(verdict, labels)}
    </span>
  );
}
