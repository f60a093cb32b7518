"use client";

import Link from "next/link";
import { memo, useContext, useEffect, useRef, useState } from "react";
import { ProvenanceBadge, ProvenanceFlags } from "@/components/sources/source-map/provenance-badge";
import type { ActionResult } from "@/lib/auth/action";
import { StatementEditor } from "./statement-editor";
import { MatchMarkerPill, type MatchMarkers } from "./match-marker";
import { StatusBadge } from "./status";
import { ClaimEditingContext } from "./use-claim-window";
import type { NumberedClaim } from "./types";

/** What a claim in the list can ask the workspace to do; one stable object for all claims. */
export type ClaimCommands = {
  select: (claimId: string) => void;
  toggleChecked: (claimId: string) => void;
  save: (claim: NumberedClaim, statement: string) => Promise<ActionResult<unknown> | null>;
  move: (claim: NumberedClaim, direction: "up" | "down") => void;
  remove: (claim: NumberedClaim) => void;
  split: (claim: NumberedClaim) => void;
  /** Accepts a changed or lost passage as seen, which clears the flag. */
  markReviewed: (claim: NumberedClaim) => void;
  /** Fetches the page again (after a conflict) without losing what is being typed. */
  reload: () => void;
};

type ItemAction = "select" | "edit" | "split" | "up" | "down" | "delete";

/** Puts focus on one of a claim's controls (when enabled), else on its number button. */
export function focusClaimControl(claimId: string, action: ItemAction) {
  const item = document.getElementById(`claim-${claimId}`);
  const control =
    item?.querySelector<HTMLElement>(`[data-action="${action}"]:not(:disabled)`) ?? item?.querySelector<HTMLElement>('[data-action="select"]');
  control?.focus({ preventScroll: true });
  return Boolean(control);
}

type ClaimItemProps = {
  claim: NumberedClaim;
  isActive: boolean;
  /** Just added from a suggestion: its statement editor opens with the draft. */
  isDraft?: boolean;
  isChecked: boolean;
  isFirst: boolean;
  isLast: boolean;
  canWrite: boolean;
  /** Up and Down change the editor's own order, so they are offered only while the list shows it. */
  canMove?: boolean;
  versionNumber: number;
  /** Where claims' own pages live: `${claimsHref}/${claim.id}`. */
  claimsHref: string;
  commands: ClaimCommands;
  /** "Checked before" and "Repeated" markers, streamed in after the list. */
  matchMarkers?: MatchMarkers;
  /** In a windowed list (decision 0030): the row's place in the whole list, and the space of rows skipped before it. */
  slot?: WindowSlot;
};

export type WindowSlot = { position: number; setSize: number; marginTop: number };

/**
 * One claim in the list; memoised so that selecting a claim re-renders two items, not all.
 * Its actions appear once it is selected (or while it is edited), which keeps a list of a
 * thousand claims light and calm to read.
 */
export const ClaimItem = memo(function ClaimItem({
  claim,
  isActive,
  isDraft = false,
  isChecked,
  isFirst,
  isLast,
  canWrite,
  canMove = true,
  versionNumber,
  claimsHref,
  commands,
  matchMarkers,
  slot,
}: ClaimItemProps) {
  const [isEditing, setEditing] = useState(isDraft && canWrite);
  // A suggestion just accepted as this claim opens its statement editor, with the draft.
  const [wasDraft, setWasDraft] = useState(isDraft);
  if (isDraft !== wasDraft) {
    setWasDraft(isDraft);
    if (isDraft && canWrite) setEditing(true);
  }
  const isReturningFocus = useRef(false);
  useEffect(() => {
    if (isEditing || !isReturningFocus.current) return;
    isReturningFocus.current = false;
    focusClaimControl(claim.id, "edit");
  }, [isEditing, claim.id]);
  // A windowed list keeps a row rendered while its statement is edited.
  const noteEditing = useContext(ClaimEditingContext);
  useEffect(() => {
    if (!isEditing || !noteEditing) return;
    noteEditing(claim.id, true);
    return () => noteEditing(claim.id, false);
  }, [isEditing, noteEditing, claim.id]);
  const isLost = claim.anchorState === "lost";
  const isFlagged = isLost || claim.anchorState === "changed";
  const label = `claim ${claim.number}`;

  return (
    <li
      id={`claim-${claim.id}`}
      data-claim-id={claim.id}
      aria-current={isActive ? "true" : undefined}
      aria-posinset={slot?.position}
      aria-setsize={slot?.setSize}
      style={slot && slot.marginTop > 0 ? { marginTop: slot.marginTop } : undefined}
      onClick={(event) => {
        if (!isActive && !(event.target as HTMLElement).closest("button, input, textarea, a, summary")) commands.select(claim.id);
      }}
      // A windowed list renders only rows near the screen, and measures them: no content-visibility there.
      className={`scroll-my-4 rounded-md border bg-white p-3 ${slot ? "" : "[contain-intrinsic-size:auto_8rem] [content-visibility:auto]"} ${
        isActive ? "border-brand-600 ring-2 ring-brand-600/30" : "cursor-pointer border-slate-200 hover:border-slate-300"
      }`}
    >
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        {canWrite ? (
          <input
            type="checkbox"
            checked={isChecked}
            onChange={() => commands.toggleChecked(claim.id)}
            aria-label={`Select ${label}`}
            className="size-4 accent-brand-600"
          />
        ) : null}
        <button
          type="button"
          data-action="select"
          onClick={() => commands.select(claim.id)}
          aria-label={`Show ${label} in the text`}
          className="min-w-7 rounded-full bg-slate-900 px-2 py-0.5 font-semibold text-white hover:bg-brand-700"
        >
          {claim.number}
        </button>
        <StatusBadge status={claim.status} />
        <MatchMarkerPill markers={matchMarkers} claimId={claim.id} patched={claim.marker} />
        {claim.provenance ? <ProvenanceBadge glance={claim.provenance} isCompact /> : null}
        {claim.verdictLabel ? (
          <span className="rounded-full bg-white px-2 py-0.5 font-medium text-slate-800 ring-1 ring-slate-400 ring-inset">
            Verdict: {claim.verdictLabel}
            {claim.isSignedOff ? <span className="text-emerald-800"> · <span aria-hidden="true">✓ </span>signed off</span> : null}
          </span>
        ) : null}
        {isFlagged ? (
          <span className="rounded-full bg-orange-100 px-2 py-0.5 font-medium text-orange-900 ring-1 ring-orange-400 ring-inset">
            <span aria-hidden="true">⚠ </span>
            {isLost ? "Passage lost" : "Passage changed"}
          </span>
        ) : null}
        <span className="ml-auto flex items-center gap-2">
          <span>by {claim.createdBy}</span>
          <Link
            href={`${claimsHref}/${claim.id}`}
            prefetch={false}
            aria-label={`Open ${label}`}
            className="rounded px-1.5 py-0.5 font-medium text-brand-700 underline underline-offset-2 hover:bg-brand-50"
          >
            Open
          </Link>
        </span>
      </div>
      {claim.assignee ? <p className="mt-1 text-xs text-slate-600">Assigned to {claim.assignee}</p> : null}

      {isEditing ? (
        <StatementEditor
          claim={claim}
          onSave={commands.save}
          onReload={commands.reload}
          onDone={() => {
            isReturningFocus.current = true;
            setEditing(false);
          }}
        />
      ) : (
        <p className="mt-2 text-[0.95rem] leading-snug text-slate-900">{claim.statement}</p>
      )}
      <p className="mt-1 font-serif text-sm text-slate-500">
        <span className="sr-only">Quote: </span>“{claim.quote}”
      </p>
      {isActive && claim.provenance && claim.provenanceSummary ? (
        <p className="mt-1 flex flex-wrap items-center gap-1 text-xs text-slate-700">
          <span>Sources: {claim.provenanceSummary}</span>
          <ProvenanceFlags glance={claim.provenance} />
        </p>
      ) : null}

      {isFlagged ? (
        <AnchorChange claim={claim} versionNumber={versionNumber} onReviewed={canWrite ? () => commands.markReviewed(claim) : undefined} />
      ) : null}

      {canWrite && isActive && !isEditing ? (
        <div className="mt-2 flex flex-wrap gap-1 border-t border-slate-100 pt-2" role="group" aria-label={`Actions for ${label}`}>
          <ItemButton action="edit" onClick={() => setEditing(true)} label={`Edit ${label}`}>
            Edit
          </ItemButton>
          <ItemButton action="split" onClick={() => commands.split(claim)} label={`Split ${label}`} disabled={isLost}>
            Split
          </ItemButton>
          {canMove ? (
            <>
              <ItemButton action="up" onClick={() => commands.move(claim, "up")} label={`Move ${label} up`} disabled={isFirst}>
                <span aria-hidden="true">↑</span> Up
              </ItemButton>
              <ItemButton action="down" onClick={() => commands.move(claim, "down")} label={`Move ${label} down`} disabled={isLast}>
                <span aria-hidden="true">↓</span> Down
              </ItemButton>
            </>
          ) : null}
          <ItemButton action="delete" onClick={() => commands.remove(claim)} label={`Delete ${label}`} isDanger>
            Delete
          </ItemButton>
        </div>
      ) : null}
    </li>
  );
}, areItemPropsEqual);

/** What happened to the passage when a new version of the article came in. */
function AnchorChange({ claim, versionNumber, onReviewed }: { claim: NumberedClaim; versionNumber: number; onReviewed?: () => void }) {
  const isLost = claim.anchorState === "lost";
  return (
    <div className="mt-2 rounded-md border border-orange-200 bg-orange-50 p-2 text-sm text-orange-950">
      <p className="font-medium">
        {isLost ? `The passage was not found in version ${versionNumber}.` : `The passage changed in version ${versionNumber}.`}
      </p>
      {claim.previousQuote ? (
        <p className="mt-1">
          <span className="font-medium">Before:</span> <del className="font-serif">“{claim.previousQuote}”</del>
        </p>
      ) : null}
      {isLost ? null : (
        <p className="mt-1">
          <span className="font-medium">Now:</span> <ins className="font-serif no-underline">“{claim.quote}”</ins>
        </p>
      )}
      {onReviewed ? (
        <button
          type="button"
          onClick={onReviewed}
          className="mt-2 rounded border border-orange-300 bg-white px-2 py-0.5 text-xs font-medium text-orange-900 hover:bg-orange-100"
        >
          Mark as reviewed<span className="sr-only"> (claim {claim.number})</span>
        </button>
      ) : null}
    </div>
  );
}

function ItemButton({
  action,
  children,
  label,
  onClick,
  disabled,
  isDanger,
}: {
  action: ItemAction;
  children: React.ReactNode;
  label: string;
  onClick: () => void;
  disabled?: boolean;
  isDanger?: boolean;
}) {
  return (
    <button
      type="button"
      data-action={action}
      aria-label={label}
      onClick={onClick}
      disabled={disabled}
      className={`rounded border px-2 py-0.5 text-xs font-medium disabled:cursor-not-allowed disabled:opacity-40 ${
        isDanger ? "border-red-200 text-red-700 hover:bg-red-50" : "border-slate-200 text-slate-700 hover:bg-slate-100"
      }`}
    >
      {children}
    </button>
  );
}

const claimFields = [
  "id", "statement", "quote", "start", "end", "status", "anchorState", "previousQuote", "revision", "number", "createdBy",
  "provenanceSummary", "verdictLabel", "assignee", "isSignedOff",
] as const;
const provenanceFields = ["kind", "originCount", "restsOnSingleOrigin", "hasCycle", "hasUnreached"] as const;

/** A refreshed page brings new claim objects; compare what is shown, not identities. */
function areItemPropsEqual(before: ClaimItemProps, after: ClaimItemProps): boolean {
  return (
    before.isActive === after.isActive &&
    before.isDraft === after.isDraft &&
    before.isChecked === after.isChecked &&
    before.isFirst === after.isFirst &&
    before.isLast === after.isLast &&
    before.canWrite === after.canWrite &&
    before.canMove === after.canMove &&
    before.versionNumber === after.versionNumber &&
    before.claimsHref === after.claimsHref &&
    before.commands === after.commands &&
    before.slot?.position === after.slot?.position &&
    before.slot?.setSize === after.slot?.setSize &&
    before.slot?.marginTop === after.slot?.marginTop &&
    claimFields.every((field) => before.claim[field] === after.claim[field]) &&
    provenanceFields.every((field) => before.claim.provenance?.[field] === after.claim.provenance?.[field])
  );
}
