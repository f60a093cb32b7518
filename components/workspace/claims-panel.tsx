"use client";

import { startTransition, useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { CLAIM_ORDERS, type ClaimOrder } from "@/lib/claims/order";
import { abbreviate } from "@/lib/text/truncate";
import { BulkClaimActions } from "./bulk-claim-actions";
import { ClaimSelector } from "./claim-selector";
import type { MatchMarkers } from "./match-marker";
import { ClaimItem, type ClaimCommands, type WindowSlot } from "./claim-item";
import type { ClaimListHandle } from "./use-claim-window";
import { SERVER_RENDERED_CLAIMS, WINDOW_THRESHOLD } from "./claim-window";
import { WindowedClaimList } from "./windowed-claim-list";
import { STATUSES, StatusBadge } from "./status";
import type { BulkChange, DeletedClaim, NumberedClaim, TeamMember } from "./types";
import { formatMoment } from "@/lib/text/dates";
import { countOf } from "@/lib/text/plural";

/**
 * The claims in the editor's order, with counts by status, recently deleted ones, and what
 * can be done to several ticked claims at once: merge, assign, set their state.
 */
export function ClaimsPanel({
  claims,
  order = "editor",
  onOrderChange,
  deleted,
  activeId,
  draftClaimId,
  checkedIds,
  canWrite,
  versionNumber,
  claimsHref,
  isMerging,
  members,
  isBulkUpdating,
  commands,
  onMerge,
  onBulkUpdate,
  onClearChecked,
  onRestore,
  matchMarkers,
  userId,
  outlet,
  isCiting,
  onSelectIds,
  onSignOff,
  onCiteOutlet,
  listHandle,
  onRevealed,
}: {
  /** Lets the workspace bring a windowed-out claim's row into the DOM before it scrolls to it. */
  listHandle?: React.Ref<ClaimListHandle>;
  /** Called once a claim asked for with `listHandle.reveal` is rendered. */
  onRevealed?: (claimId: string) => void;
  /** Who is looking: "mine" and "awaiting my sign-off" are theirs. */
  userId: string;
  /** The article's outlet, which "Cite the outlet" cites (none: the button says what to do). */
  outlet: string | null;
  isCiting: boolean;
  /** Replaces the ticked claims (select all, none, or by filter). */
  onSelectIds: (claimIds: string[]) => void;
  /** Opens the review of the ticked claims' verdicts before signing them off. */
  onSignOff: () => void;
  onCiteOutlet: () => void;
  /** "Checked before" and "Repeated" markers, streamed in after the list. */
  matchMarkers?: MatchMarkers;
  claims: NumberedClaim[];
  /** How the list is ordered; Up and Down are offered in the editor's own order only. */
  order?: ClaimOrder;
  onOrderChange?: (order: ClaimOrder) => void;
  deleted: DeletedClaim[];
  activeId: string | null;
  /** The claim whose statement editor opens by itself (a suggestion just accepted). */
  draftClaimId?: string | null;
  checkedIds: ReadonlySet<string>;
  canWrite: boolean;
  versionNumber: number;
  claimsHref: string;
  isMerging: boolean;
  members: TeamMember[];
  isBulkUpdating: boolean;
  commands: ClaimCommands;
  onMerge: () => void;
  onBulkUpdate: (change: BulkChange) => Promise<boolean>;
  onClearChecked: () => void;
  onRestore: (claimId: string) => void;
}) {
  const counts = useMemo(() => {
    const byStatus = new Map<string, number>();
    for (const claim of claims) byStatus.set(claim.status, (byStatus.get(claim.status) ?? 0) + 1);
    return byStatus;
  }, [claims]);
  const checkedCount = checkedIds.size;
  const verdictCount = useMemo(() => claims.filter((claim) => checkedIds.has(claim.id) && claim.verdictLabel).length, [claims, checkedIds]);
  const [isComplete, setComplete] = useState(claims.length <= SERVER_RENDERED_CLAIMS);
  useEffect(() => {
    if (!isComplete) startTransition(() => setComplete(true));
  }, [isComplete]);
  const shown = isComplete ? claims : claims.slice(0, SERVER_RENDERED_CLAIMS);
  const isWindowed = claims.length > WINDOW_THRESHOLD;
  const ids = useMemo(() => claims.map((claim) => claim.id), [claims]);
  const renderItem = (claim: NumberedClaim, index: number, slot?: WindowSlot) => (
    <ClaimItem
      key={claim.id}
      claim={claim}
      isActive={claim.id === activeId}
      isDraft={claim.id === draftClaimId}
      isChecked={checkedIds.has(claim.id)}
      isFirst={index === 0}
      isLast={index === claims.length - 1}
      canWrite={canWrite}
      canMove={order === "editor"}
      versionNumber={versionNumber}
      claimsHref={claimsHref}
      commands={commands}
      matchMarkers={matchMarkers}
      slot={slot}
    />
  );

  return (
    <section aria-labelledby="claims-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="claims-heading" className="text-lg font-semibold">
          Claims <span className="font-normal text-slate-500">({claims.length})</span>
        </h2>
        {onOrderChange && claims.length > 1 ? <OrderChoice order={order} canWrite={canWrite} onChange={onOrderChange} /> : null}
      </div>
      {claims.length > 0 ? (
        <p className="flex flex-wrap gap-1.5">
          <span className="sr-only">By status: </span>
          {STATUSES.filter((status) => counts.get(status)).map((status) => (
            <StatusBadge key={status} status={status} count={counts.get(status)} />
          ))}
        </p>
      ) : null}
      {canWrite && claims.length > 0 ? (
        <div className="space-y-2 rounded-md bg-slate-100 px-3 py-2 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-slate-700" aria-live="polite">
              {checkedCount === 0 ? "Tick claims, or select them below, to act on several at once." : `${checkedCount} of ${claims.length} selected`}
            </span>
            <span className="flex-1" />
            {checkedCount > 0 ? (
              <Button size="sm" variant="ghost" onClick={onClearChecked}>
                Clear
              </Button>
            ) : null}
            {claims.length > 1 ? (
              <Button size="sm" variant="secondary" onClick={onMerge} disabled={checkedCount < 2 || isMerging}>
                {isMerging ? "Merging…" : "Merge selected"}
              </Button>
            ) : null}
          </div>
          <ClaimSelector claims={claims} members={members} userId={userId} checkedCount={checkedCount} onSelect={onSelectIds} />
          {checkedCount > 0 ? (
            <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-2">
              <Button size="sm" variant="secondary" onClick={onSignOff} disabled={verdictCount === 0}>
                Sign off {countOf(verdictCount, "verdict")}…
              </Button>
              {outlet ? (
                <Button size="sm" variant="secondary" onClick={onCiteOutlet} disabled={isCiting}>
                  {isCiting ? "Citing…" : `Cite ${abbreviate(outlet, 30)}`}
                  <span className="sr-only"> (the article&rsquo;s outlet) for {countOf(checkedCount, "claim")}</span>
                </Button>
              ) : (
                <span className="text-xs text-slate-600">No outlet is recorded for this article, so there is none to cite.</span>
              )}
              {verdictCount === 0 ? <span className="basis-full text-xs text-slate-600">None of the selected claims has a verdict to sign off.</span> : null}
            </div>
          ) : null}
          {checkedCount > 0 ? (
            <BulkClaimActions members={members} checkedCount={checkedCount} isPending={isBulkUpdating} onApply={onBulkUpdate} />
          ) : null}
        </div>
      ) : null}
      {claims.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
          {canWrite
            ? "No claims yet: select a passage, or let FactDesk suggest claims."
            : "No claims yet. Editors add them by selecting passages in the article."}
        </p>
      ) : (
        isWindowed ? (
          <WindowedClaimList
            ids={ids}
            activeId={activeId}
            draftClaimId={draftClaimId}
            listHandle={listHandle}
            onRevealed={onRevealed}
            renderItem={(index, slot) => renderItem(claims[index]!, index, slot)}
          />
        ) : (
          <ol aria-label="Claims" className="space-y-2">
            {shown.map((claim, index) => renderItem(claim, index))}
          </ol>
        )
      )}
      {deleted.length > 0 ? (
        <details className="rounded-md border border-slate-200 bg-white p-3 text-sm">
          <summary className="cursor-pointer font-medium text-slate-700">Recently deleted ({deleted.length})</summary>
          <ul className="mt-2 divide-y divide-slate-100">
            {deleted.map((claim) => (
              <li key={claim.id} className="flex items-start gap-2 py-2">
                <span className="flex-1">
                  <span className="block text-slate-800">{claim.statement}</span>
                  <span className="text-xs text-slate-500">
                    deleted <time dateTime={claim.deletedAt}>{formatMoment(claim.deletedAt)}</time>
                  </span>
                </span>
                {canWrite ? (
                  <Button size="sm" variant="secondary" onClick={() => onRestore(claim.id)} aria-label={`Restore “${abbreviate(claim.statement, 60)}”`}>
                    Restore
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

const orderLabels: Record<ClaimOrder, string> = { article: "As in the article", editor: "Your order" };

/** Article order or the editor's own (where Up and Down apply); the choice is remembered. */
function OrderChoice({ order, canWrite, onChange }: { order: ClaimOrder; canWrite: boolean; onChange: (order: ClaimOrder) => void }) {
  return (
    <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <legend className="float-left mr-2 text-slate-600">Order:</legend>
      {CLAIM_ORDERS.map((value) => (
        <label key={value} className="inline-flex cursor-pointer items-center gap-1.5 text-slate-800">
          <input
            type="radio"
            name="claim-order"
            value={value}
            checked={order === value}
            onChange={() => onChange(value)}
            className="size-4 accent-brand-600"
          />
          {orderLabels[value]}
        </label>
      ))}
      {canWrite && order === "article" ? <span className="w-full text-xs text-slate-500">Choose “Your order” to move claims up or down.</span> : null}
    </fieldset>
  );
}
