import type { CaptureWarning } from "@/lib/verification/capture-warnings";

const kindLabels: Record<CaptureWarning["kind"], string> = {
  passage_changed: "Cited passage changed",
  passage_vanished: "Cited passage vanished",
};

/**
 * What the cited pages' latest captures say against the verdict, above the verdict: shown
 * whatever the team's rules; under strict rules the form's refusal says why too.
 */
export function CaptureWarnings({ warnings, isStrict }: { warnings: readonly CaptureWarning[]; isStrict: boolean }) {
  if (warnings.length === 0) return null;
  return (
    <div className="space-y-1">
      <ul aria-label="Evidence warnings" className="space-y-1">
        {warnings.map((warning) => (
          <li key={`${warning.kind}-${warning.citationIds.join(",")}`} className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-950">
            <span aria-hidden="true">⚠</span>
            <span>
              <strong className="font-semibold">{kindLabels[warning.kind]}:</strong> {warning.message}
            </span>
          </li>
        ))}
      </ul>
      {isStrict ? (
        <p className="text-xs text-slate-600">Your team&apos;s strict evidence rules refuse ‘Accurate’ on a supporting passage that changed or vanished until a re-check finds it.</p>
      ) : null}
    </div>
  );
}
