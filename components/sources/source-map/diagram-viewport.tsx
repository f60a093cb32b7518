"use client";

import { useState } from "react";

const STEPS = [0.25, 0.4, 0.6, 0.8, 1, 1.25, 1.5];

/**
 * The diagram in a box of its own that scrolls both ways (the page never does), with zoom buttons:
 * out to see the shape of a large map, in to read it. Without JavaScript it shows at full size.
 */
export function DiagramViewport({ width, height, labelledBy, children }: { width: number; height: number; labelledBy: string; children: React.ReactNode }) {
  const [step, setStep] = useState(STEPS.indexOf(1));
  const scale = STEPS[step];
  const zoomButton = "rounded border border-slate-300 bg-white px-2 py-0.5 text-sm text-slate-800 hover:bg-slate-50 disabled:text-slate-400";
  return (
    <div className="space-y-2">
      <div role="group" aria-label="Zoom" className="flex items-center gap-2 text-sm text-slate-700">
        <button type="button" className={zoomButton} onClick={() => setStep(step - 1)} disabled={step === 0} aria-label="Zoom out">
          −
        </button>
        <span aria-live="polite" className="min-w-12 text-center tabular-nums">
          {Math.round(scale * 100)}%
        </span>
        <button type="button" className={zoomButton} onClick={() => setStep(step + 1)} disabled={step === STEPS.length - 1} aria-label="Zoom in">
          +
        </button>
        <button type="button" className={zoomButton} onClick={() => setStep(STEPS.indexOf(1))} disabled={scale === 1}>
          Actual size
        </button>
      </div>
      <div tabIndex={0} role="region" aria-labelledby={labelledBy} className="max-h-[75vh] max-w-full overflow-auto rounded-lg border border-slate-200 bg-white p-2 shadow-sm">
        <div style={{ width: width * scale, height: height * scale }}>{children}</div>
      </div>
    </div>
  );
}
