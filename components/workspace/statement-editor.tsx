"use client";

import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/action";
import type { NumberedClaim } from "./types";

type Failure = { message: string; fieldErrors?: string[]; revision: number };

/**
 * Edits a claim's statement in place. The claim's revision goes with the save; when someone
 * else saved first, their version is shown beside the editor's text, which is kept.
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
  const [failure, setFailure] = useState<Failure | null>(null);
  const [isSaving, startSaving] = useTransition();
  const [isReloading, startReloading] = useTransition();
  const isConflict = failure !== null && !failure.fieldErrors;
  /** After a conflict, the other change has arrived once the claim's revision moved on. */
  const hasLatest = isConflict && claim.revision !== failure.revision;

  function save() {
    startSaving(async () => {
      const result = await onSave(claim, draft);
      if (result && !result.ok) setFailure({ message: result.message, fieldErrors: result.fieldErrors?.statement, revision: claim.revision });
      else onDone();
    });
  }

  return (
    <form
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
