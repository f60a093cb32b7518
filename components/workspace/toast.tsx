"use client";

import { useEffect } from "react";

export type ToastMessage = {
  id: number;
  tone: "success" | "error";
  text: string;
  action?: { label: string; run: () => void };
};

/**
 * Results of list actions, at the bottom of the screen. The live regions always exist so that
 * screen readers announce what appears in them; a toast with an Undo stays a while longer.
 * On a wide screen it sits bottom left, over the article and clear of the claims column (its
 * width is capped to end before it), so it never covers a claim's Edit or Undo.
 */
export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) {
  useEffect(() => {
    if (!toast || toast.tone === "error") return;
    const timer = setTimeout(onDismiss, toast.action ? 15_000 : 6_000);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);

  const box = (tone: ToastMessage["tone"]) =>
    tone === "error" ? "border-red-300 bg-red-50 text-red-900" : "border-slate-700 bg-slate-900 text-white";
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center px-4 lg:right-auto lg:justify-start lg:max-w-[min(38rem,calc(100vw-30rem))]">
      <div role="status">
        {toast && toast.tone === "success" ? <ToastBody toast={toast} box={box(toast.tone)} onDismiss={onDismiss} /> : null}
      </div>
      <div role="alert">
        {toast && toast.tone === "error" ? <ToastBody toast={toast} box={box(toast.tone)} onDismiss={onDismiss} /> : null}
      </div>
    </div>
  );
}

function ToastBody({ toast, box, onDismiss }: { toast: ToastMessage; box: string; onDismiss: () => void }) {
  return (
    <div className={`pointer-events-auto flex max-w-xl items-center gap-3 rounded-lg border px-4 py-2 text-sm shadow-lg ${box}`}>
      <span aria-hidden="true">{toast.tone === "error" ? "⚠" : "✓"}</span>
      <span>{toast.text}</span>
      {toast.action ? (
        <button type="button" onClick={toast.action.run} className="rounded px-2 py-0.5 font-semibold underline underline-offset-2 hover:bg-white/10">
          {toast.action.label}
        </button>
      ) : null}
      <button type="button" onClick={onDismiss} aria-label="Dismiss message" className="rounded px-1.5 opacity-70 hover:opacity-100">
        ×
      </button>
    </div>
  );
}
