"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useClaim } from "./claim-context";
import { PassageDiff } from "./passage-diff";
import type { ClaimCitation } from "./types";
import { formatMoment } from "@/lib/text/dates";

/** What the latest capture found, each with its own glyph and words. */
export const captureStates: Record<string, { glyph: string; label: string; className: string }> = {
  found: { glyph: "✓", label: "Passage found", className: "bg-emerald-50 text-emerald-800 ring-emerald-300" },
  fuzzy: { glyph: "≈", label: "Approximate match", className: "bg-amber-50 text-amber-900 ring-amber-300" },
  changed: { glyph: "Δ", label: "Passage changed", className: "bg-amber-50 text-amber-900 ring-amber-300" },
  missing: { glyph: "✕", label: "Passage missing", className: "bg-red-50 text-red-800 ring-red-300" },
  vanished: { glyph: "∅", label: "Passage vanished", className: "bg-red-50 text-red-800 ring-red-300" },
  unreachable: { glyph: "⚠", label: "Page unreachable", className: "bg-red-50 text-red-800 ring-red-300" },
  no_passage: { glyph: "–", label: "Captured, no passage to check", className: "bg-slate-100 text-slate-700 ring-slate-300" },
};
const notCaptured = { glyph: "○", label: "Not captured", className: "bg-slate-100 text-slate-700 ring-slate-300" };

/** The cited page's capture: its state, a link to the snapshot, and a button to capture it (again). */
export function CaptureStatus({ citation, sourceName }: { citation: ClaimCitation; sourceName: string }) {
  const { actions, team, canWrite, report } = useClaim();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  const state = (citation.captureState && captureStates[citation.captureState]) || notCaptured;
  const capture = citation.latestCapture;

  function captureNow() {
    startTransition(async () => {
      const result = await actions.captureCitation({ team, citationId: citation.id });
      report(result, { quiet: true });
      if (result) setOutcome({ ok: result.ok, message: result.ok ? result.data.message : result.message });
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${state.className}`}>
        <span aria-hidden="true">{state.glyph}</span>
        {state.label}
      </span>
      {citation.capturedAt ? <span className="text-xs text-slate-500">Checked {formatMoment(citation.capturedAt)}</span> : null}
      {capture ? (
        <Link href={`/t/${team}/captures/${capture.id}`} className="text-brand-700 underline-offset-2 hover:underline">
          View capture<span className="sr-only"> of {sourceName}</span>
        </Link>
      ) : null}
      {canWrite && citation.url ? (
        <Button size="sm" variant="secondary" disabled={isPending} onClick={captureNow} aria-label={`${capture ? "Re-check" : "Capture page"}: ${sourceName}`}>
          {isPending ? "Capturing…" : capture ? "Re-check" : "Capture page"}
        </Button>
      ) : null}
      {canWrite && !citation.url ? <span className="text-xs text-slate-500">Add the URL to capture the page.</span> : null}
      {capture?.comparedWording && capture.passageWording && (citation.captureState === "changed" || citation.captureState === "fuzzy") ? (
        <PassageDiff before={capture.comparedWording} after={capture.passageWording} sourceName={sourceName} />
      ) : null}
      <span role="status" className="basis-full text-xs text-slate-700 empty:basis-0">
        {outcome?.ok ? outcome.message : capture?.error ? `Last attempt: ${capture.error}` : ""}
      </span>
      <span role="alert" className="basis-full text-xs text-red-700 empty:basis-0">
        {outcome && !outcome.ok ? outcome.message : ""}
      </span>
    </div>
  );
}
