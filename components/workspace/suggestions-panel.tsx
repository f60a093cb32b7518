"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/auth/action";
import type { Suggestion, TextRange } from "./types";
import { pluralize } from "@/lib/text/plural";

/**
 * Check-worthy passages ranked by FactDesk, each accepted as a claim or dismissed for good. They
 * are also marked in the text (article-paragraph.tsx), whose "suggested" buttons focus their entry
 * here. Hovering or focusing one highlights it in the text. An accepted one keeps the passage as
 * its quote and starts with the draft statement shown under it, written to stand alone.
 */
export function SuggestionsPanel({
  suggestions,
  onSuggest,
  onAccept,
  onDismiss,
  onPreview,
}: {
  /** null until suggestions are asked for on this article. */
  suggestions: Suggestion[] | null;
  onSuggest: () => Promise<ActionResult<Suggestion[]> | null>;
  onAccept: (suggestion: Suggestion) => Promise<ActionResult<unknown> | null>;
  onDismiss: (suggestion: Suggestion) => Promise<ActionResult<unknown> | null>;
  onPreview: (range: TextRange | null) => void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const [busyHash, setBusyHash] = useState<string | null>(null);
  const [isLoading, startLoading] = useTransition();
  const [, startWorking] = useTransition();

  function suggest() {
    startLoading(async () => {
      const result = await onSuggest();
      if (result) setFailure(result.ok ? null : result.message);
    });
  }

  function settle(suggestion: Suggestion, call: (suggestion: Suggestion) => Promise<ActionResult<unknown> | null>) {
    setBusyHash(suggestion.hash);
    startWorking(async () => {
      const result = await call(suggestion);
      setBusyHash(null);
      if (result && !result.ok) return setFailure(result.message);
      setFailure(null);
      onPreview(null);
    });
  }

  return (
    <section aria-labelledby="suggestions-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="suggestions-heading" className="text-base font-semibold">
          Suggested claims
        </h2>
        <Button size="sm" variant={suggestions ? "secondary" : "primary"} onClick={suggest} disabled={isLoading}>
          {isLoading ? "Reading the article…" : suggestions ? "Suggest again" : "Suggest claims"}
        </Button>
      </div>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <div role="status" className="text-sm text-slate-600">
        {suggestions === null
          ? "FactDesk ranks the article's sentences by how checkable they look; accept the ones worth checking."
          : suggestions.length === 0
            ? "No new suggestions: every check-worthy sentence is already a claim or was dismissed."
            : `${suggestions.length} check-worthy ${pluralize(suggestions.length, "sentence")} found, best first, and marked “suggested” in the text.`}
      </div>
      {suggestions && suggestions.length > 0 ? (
        <ol aria-label="Suggested claims" className="max-h-[28rem] space-y-2 overflow-y-auto pr-1">
          {suggestions.map((suggestion, index) => (
            <li
              key={suggestion.hash}
              id={`suggestion-${suggestion.hash}`}
              tabIndex={-1}
              onMouseEnter={() => onPreview(suggestion)}
              onMouseLeave={() => onPreview(null)}
              onFocus={() => onPreview(suggestion)}
              onBlur={() => onPreview(null)}
              className="rounded-md border border-slate-200 p-3 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            >
              <p className="font-serif text-sm text-slate-800">“{suggestion.sentence}”</p>
              {suggestion.draft.statement !== suggestion.sentence ? (
                <p className="mt-1 text-sm text-slate-700">
                  <span className="font-semibold text-slate-900">Draft statement:</span> {suggestion.draft.statement}
                </p>
              ) : null}
              <div className="mt-2 flex flex-wrap items-center gap-1.5 text-xs">
                <span className="inline-flex items-center gap-1.5 font-medium text-slate-700">
                  <meter min={0} max={1} value={suggestion.score} className="h-2 w-12" aria-hidden="true" />
                  Score {Math.round(suggestion.score * 100)}%
                </span>
                {suggestion.reasons.map((reason) => (
                  <span key={reason} className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-700 ring-1 ring-slate-300 ring-inset">
                    {reason}
                  </span>
                ))}
              </div>
              <div className="mt-2 flex gap-2">
                <Button
                  size="sm"
                  onClick={() => settle(suggestion, onAccept)}
                  disabled={busyHash === suggestion.hash}
                  aria-label={`Accept suggestion ${index + 1}`}
                >
                  Accept
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => settle(suggestion, onDismiss)}
                  disabled={busyHash === suggestion.hash}
                  aria-label={`Dismiss suggestion ${index + 1}`}
                >
                  Dismiss
                </Button>
              </div>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
