"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { StatusBadge } from "@/components/workspace/status";
import { CLAIM_STATUSES, claimStatusDisplay, type ClaimStatus } from "@/lib/claims/status";
import { isBackwardMove, listNextStatuses } from "@/lib/verification/status";
import type { StatusChange } from "./use-status-change";

/** The claim's workflow state and the moves open from it; moving back asks for a note inline. */
export function StatusControl({ status, canWrite, change }: { status: ClaimStatus; canWrite: boolean; change: StatusChange }) {
  const next = listNextStatuses(status);
  return (
    <section aria-labelledby="claim-state-heading" className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="claim-state-heading" className="text-sm font-semibold text-slate-900">
          State
        </h2>
        <StatusBadge status={status} />
      </div>
      {canWrite ? (
        <div role="group" aria-label="Change the state" className="flex flex-wrap gap-2">
          {next.map((to) => {
            const isBack = isBackwardMove(status, to);
            const { glyph, label } = claimStatusDisplay[to];
            return (
              <Button
                key={to}
                size="sm"
                variant={isBack ? "ghost" : "secondary"}
                disabled={change.isPending}
                aria-keyshortcuts={String(CLAIM_STATUSES.indexOf(to) + 1)}
                aria-expanded={isBack ? change.noteFor === to : undefined}
                onClick={() => change.request(to)}
              >
                <span aria-hidden="true">{isBack ? "↩" : glyph}</span>
                {isBack ? `Move back to ${label}` : `Move to ${label}`}
              </Button>
            );
          })}
        </div>
      ) : null}
      {canWrite && change.noteFor ? <BackNoteForm key={change.noteFor} from={status} to={change.noteFor} change={change} /> : null}
    </section>
  );
}

function BackNoteForm({ from, to, change }: { from: ClaimStatus; to: ClaimStatus; change: StatusChange }) {
  const [note, setNote] = useState("");
  const id = `state-note-${to}`;
  return (
    <form
      className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (note.trim()) change.saveWithNote(to, note.trim());
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Why move back from ‘{claimStatusDisplay[from].label}’ to ‘{claimStatusDisplay[to].label}’?
      </label>
      <textarea
        id={id}
        rows={2}
        required
        maxLength={2_000}
        autoFocus
        value={note}
        onChange={(event) => setNote(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== "Escape") return;
          event.preventDefault();
          change.cancelNote();
        }}
        className={inputClasses}
      />
      <p className="text-xs text-slate-600">Moving back needs a note; it is kept in the history.</p>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={change.isPending || !note.trim()}>
          {change.isPending ? "Saving…" : "Save note and move back"}
        </Button>
        <Button size="sm" variant="ghost" onClick={change.cancelNote}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
