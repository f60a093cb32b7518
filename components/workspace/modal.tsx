"use client";

import { useEffect, useRef } from "react";

/**
 * A modal <dialog>: the browser keeps focus inside and closes it on Escape; on closing, focus
 * goes back to where it was (the article, after adding a claim from the keyboard).
 */
export function Modal({
  titleId,
  onClose,
  children,
  fallbackFocusId = "article-text",
}: {
  titleId: string;
  onClose: () => void;
  children: React.ReactNode;
  /** Where focus goes when the element that opened the dialog is gone (a floating button). */
  fallbackFocusId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      const target = opener?.isConnected ? opener : document.getElementById(fallbackFocusId);
      target?.focus({ preventScroll: true });
    };
  }, [fallbackFocusId]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/30"
    >
      <div className="max-h-[85vh] overflow-y-auto p-6">{children}</div>
    </dialog>
  );
}
