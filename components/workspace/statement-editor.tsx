"use client";

import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/action";
import type { NumberedClaim } from "./types";

type Failure = { message: string; fieldErrors?: string[]; revision: number };

/**
 * Edits a claim's statement in place. The revision the editor started from goes with the save,
 * even when a colleague's change arrives meanwhile (live updates): the editor is told at once, and
 * the save is refused as stale rather than silently laid over theirs. Their version is then shown
 * beside the editor's text, which is kept; saving again applies it on top.
 */
export function StatementEditor({
  claim,
  onSave,
  onReload,
  onDone,
}: {
  claim: NumberedClaim;
  onSave: (claim: NumberedClaim, statement: string) => Promise<ActionResult<unknown> | null>;
  onReload: () => void;
  onDone: () => void;
}) {
  const id = useId();
  const label = `claim ${claim.number}`;
  const [draft, setDraft] = useState(claim.statement);
  /** The revision the editor's text answers to: where editing began, or the latest once they have seen it. */
  const [baseRevision, setBaseRevision] = useState(claim.revision);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [isSaving, startSaving] = useTransition();
  const [isReloading, startReloading] = useTransition();
  const isConflict = failure !== null && !failure.fieldErrors;
  /** After a conflict, the other change has arrived once the claim's revision moved on. */
  const hasLatest = isConflict && claim.revision !== failure.revision;
  /** A colleague changed the claim while this editor was open, and no save has told of it yet. */
  const isChangedUnderneath = !failure && claim.revision !== baseRevision;

  function save() {
    const revision = hasLatest ? claim.revision : baseRevision;
    startSaving(async () => {
      const result = await onSave({ ...claim, revision }, draft);
      if (result && !result.ok) setFailure({ message: result.message, fieldErrors: result.fieldErrors?.statement, revision });
      else onDone();
      if (hasLatest) setBaseRevision(claim.revision);
    });
  }

  return (
    <form
      data-presence-activity="editing_statement"
      className="mt-2 space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label htmlFor={`${id}-statement`} className="sr-only">
        Statement of {label}
      </label>
      <textarea
        id={`${id}-statement`}
        value={draft}
        rows={3}
        autoFocus
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.preventDefault();
            onDone();
          } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            save();
          }
        }}
        aria-invalid={failure?.fieldErrors?.length ? true : undefined}
        aria-describedby={failure ? `${id}-failure` : `${id}-hint`}
        className={inputClasses}
      />
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        Ctrl+Enter saves, Escape cancels.
      </p>
      {failure && !hasLatest ? (
        <p id={`${id}-failure`} role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          <span aria-hidden="true">⚠ </span>
          {failure.fieldErrors?.join(" ") ?? failure.message}
        </p>
      ) : null}
      {isChangedUnderneath ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <span aria-hidden="true">⚠ </span>
          Someone changed this claim while you were editing; it now reads “{claim.statement}”. Your text is kept: saving will show you both first.
        </p>
      ) : null}
      {isConflict && !hasLatest ? (
        <p className="text-xs text-slate-600">
          Your text is kept.{" "}
          <button
            type="button"
            onClick={() => startReloading(onReload)}
            disabled={isReloading}
            className="font-medium text-brand-700 underline disabled:text-slate-400"
          >
            {isReloading ? "Loading…" : "Load the latest version"}
          </button>
          , then save again to apply yours over it.
        </p>
      ) : null}
      {hasLatest ? (
        <p id={`${id}-failure`} role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          The latest version is loaded; it reads “{claim.statement}”. Save to apply your text over it, or cancel to keep theirs.
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={isSaving || isReloading} aria-disabled={isSaving || isReloading}>
          {isSaving ? "Saving…" : "Save statement"}
        </Button>
        <Button size="sm" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
