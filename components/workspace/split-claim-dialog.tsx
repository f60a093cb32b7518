"use client";

import { useId, useMemo, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/auth/action";
import { Modal } from "./modal";
import { findWordStarts } from "./text-navigation";
import type { NumberedClaim } from "./types";

/**
 * Picks the word boundary where a claim's quote is cut in two: click a word (the cut comes
 * after it) or move the slider with the arrow keys; both parts are previewed.
 */
export function SplitClaimDialog({
  claim,
  onSplit,
  onClose,
}: {
  claim: NumberedClaim;
  onSplit: (at: number) => Promise<ActionResult<unknown> | null>;
  onClose: () => void;
}) {
  const id = useId();
  const starts = useMemo(() => findWordStarts(claim.quote), [claim.quote]);
  const words = useMemo(() => splitWords(claim.quote, starts), [claim.quote, starts]);
  const [choice, setChoice] = useState(() => Math.max(0, Math.floor((starts.length - 1) / 2)));
  const [failure, setFailure] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const at = starts[choice];

  function split() {
    if (at === undefined) return;
    startTransition(async () => {
      const result = await onSplit(claim.start + at);
      if (result && !result.ok) setFailure(result.message);
    });
  }

  return (
    <Modal titleId={`${id}-title`} onClose={onClose}>
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          split();
        }}
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Split claim {claim.number}
        </h2>
        {at === undefined ? (
          <Notice tone="info">This quote is a single word, so it cannot be split.</Notice>
        ) : (
          <>
            <p className="text-sm text-slate-600">Click the word the first part ends with, or move the slider with the arrow keys.</p>
            <p className="rounded-md bg-slate-50 p-3 font-serif text-base leading-relaxed">
              {words.map((word, index) => (
                <span key={word.start}>
                  <button
                    type="button"
                    tabIndex={-1}
                    disabled={index === words.length - 1}
                    onClick={() => setChoice(index)}
                    className={`rounded hover:bg-brand-100 disabled:cursor-default disabled:hover:bg-transparent ${index <= choice ? "text-slate-900" : "text-brand-800"}`}
                  >
                    {word.text}
                  </button>
                  {index === choice ? (
                    <span aria-hidden="true" className="mx-0.5 font-sans font-bold text-brand-600">
                      ✂
                    </span>
                  ) : (
                    " "
                  )}
                </span>
              ))}
            </p>
            <div className="space-y-1">
              <label htmlFor={`${id}-at`} className="block text-sm font-medium text-slate-800">
                Split after word
              </label>
              <input
                id={`${id}-at`}
                type="range"
                min={0}
                max={starts.length - 1}
                value={choice}
                data-autofocus
                onChange={(event) => setChoice(Number(event.target.value))}
                aria-valuetext={`after word ${choice + 1}, “${words[choice]?.text}”`}
                className="w-full accent-brand-600"
              />
            </div>
            <dl className="grid gap-2 text-sm sm:grid-cols-2">
              <div className="rounded-md border border-slate-200 p-2">
                <dt className="font-medium">First part (keeps the claim&apos;s history)</dt>
                <dd className="mt-1 font-serif text-slate-700">“{claim.quote.slice(0, at).trim()}”</dd>
              </div>
              <div className="rounded-md border border-slate-200 p-2">
                <dt className="font-medium">Second part (a new claim)</dt>
                <dd className="mt-1 font-serif text-slate-700">“{claim.quote.slice(at).trim()}”</dd>
              </div>
            </dl>
          </>
        )}
        {failure ? <Notice tone="error">{failure}</Notice> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          {at === undefined ? null : (
            <Button type="submit" disabled={isPending} aria-disabled={isPending}>
              {isPending ? "Splitting…" : "Split claim"}
            </Button>
          )}
        </div>
      </form>
    </Modal>
  );
}

function splitWords(quote: string, starts: number[]) {
  const bounds = [0, ...starts, quote.length];
  return bounds.slice(0, -1).map((start, index) => ({ start, text: quote.slice(start, bounds[index + 1]).trim() }));
}
