"use client";

import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/auth/action";
import { trimRange } from "@/lib/claims/range";
import { Modal } from "./modal";
import { extendEndByWord, extendStartByWord, trimEndByWord, trimStartByWord } from "./text-navigation";
import type { TextRange } from "./types";

const adjustments = [
  { label: "Extend start by a word", move: extendStartByWord },
  { label: "Trim a word from start", move: trimStartByWord },
  { label: "Trim a word from end", move: trimEndByWord },
  { label: "Extend end by a word", move: extendEndByWord },
] as const;

/**
 * The exact quote (adjustable word by word) and the statement to check, which starts as the
 * quote and should be rewritten to stand alone. Nothing typed is lost when saving fails.
 */
export function AddClaimDialog({
  text,
  initialRange,
  onSave,
  onClose,
}: {
  text: string;
  initialRange: TextRange;
  onSave: (range: TextRange, statement: string) => Promise<ActionResult<unknown> | null>;
  onClose: () => void;
}) {
  const id = useId();
  const [range, setRange] = useState(() => trimRange(text, initialRange.start, initialRange.end) ?? initialRange);
  const quote = text.slice(range.start, range.end);
  const [statement, setStatement] = useState(quote);
  const [isStatementEdited, setStatementEdited] = useState(false);
  const [failure, setFailure] = useState<{ message: string; statement?: string[] } | null>(null);
  const [isPending, startTransition] = useTransition();

  function adjust(move: (text: string, range: TextRange) => TextRange) {
    const next = move(text, range);
    setRange(next);
    if (!isStatementEdited) setStatement(text.slice(next.start, next.end));
  }

  function save() {
    startTransition(async () => {
      const result = await onSave(range, statement);
      if (result && !result.ok) setFailure({ message: result.message, statement: result.fieldErrors?.statement });
    });
  }

  const statementErrors = failure?.statement;
  return (
    <Modal titleId={`${id}-title`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
        className="space-y-4"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Add a claim
        </h2>
        <div className="space-y-1">
          <label htmlFor={`${id}-quote`} className="block text-sm font-medium text-slate-800">
            Exact quote
          </label>
          <textarea
            id={`${id}-quote`}
            readOnly
            value={quote}
            rows={Math.min(6, Math.ceil(quote.length / 70) + 1)}
            aria-describedby={`${id}-quote-hint`}
            className={`${inputClasses} resize-none bg-slate-50 font-serif text-base`}
          />
          <p id={`${id}-quote-hint`} className="text-xs text-slate-500">
            Characters {range.start + 1}–{range.end} of the article, word for word. Adjust it a word at a time:
          </p>
          <div role="group" aria-label="Adjust the quote" className="flex flex-wrap gap-1.5">
            {adjustments.map(({ label, move }) => (
              <Button key={label} size="sm" variant="secondary" onClick={() => adjust(move)}>
                {label}
              </Button>
            ))}
          </div>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-statement`} className="block text-sm font-medium text-slate-800">
            Statement to check
          </label>
          <textarea
            id={`${id}-statement`}
            name="statement"
            data-autofocus
            rows={4}
            value={statement}
            onChange={(event) => {
              setStatement(event.target.value);
              setStatementEdited(true);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                save();
              }
            }}
            aria-invalid={statementErrors?.length ? true : undefined}
            aria-describedby={`${id}-statement-hint${statementErrors?.length ? ` ${id}-statement-error` : ""}`}
            className={inputClasses}
          />
          <p id={`${id}-statement-hint`} className="text-xs text-slate-500">
            Make it stand alone: name who or what the pronouns stand for. “They are a tool to enhance security” becomes
            “Russia&apos;s new militias are a tool to enhance security”. Ctrl+Enter saves.
          </p>
          {statementErrors?.length ? (
            <p id={`${id}-statement-error`} className="text-sm text-red-700">
              {statementErrors.join(" ")}
            </p>
          ) : null}
        </div>
        {failure && !statementErrors?.length ? <Notice tone="error">{failure.message}</Notice> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={isPending} aria-disabled={isPending}>
            {isPending ? "Saving…" : "Save claim"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
