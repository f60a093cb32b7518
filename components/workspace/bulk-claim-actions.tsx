"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CLAIM_STATUSES, claimStatusDisplay, isClaimStatus } from "@/lib/claims/status";
import type { BulkCiteOutletResult } from "@/lib/citations/cite-outlet";
import type { BulkChange, BulkUpdateResult, NumberedClaim, TeamMember, WorkspaceClaim } from "./types";
import { countOf, pluralize } from "@/lib/text/plural";

const UNASSIGNED = "__unassigned";
const fieldClasses = "w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900";

/**
 * Assign the ticked claims to someone, or move them all to one state. Each change has its
 * own button rather than applying on change, so browsing a select with the keyboard is safe.
 */
export function BulkClaimActions({
  members,
  checkedCount,
  isPending,
  onApply,
}: {
  members: TeamMember[];
  checkedCount: number;
  isPending: boolean;
  onApply: (change: BulkChange) => Promise<boolean>;
}) {
  const [assignee, setAssignee] = useState("");
  const [status, setStatus] = useState("");
  const [note, setNote] = useState("");
  const noun = countOf(checkedCount, "claim");

  return (
    <div className="grid gap-3 border-t border-slate-200 pt-2">
      <form
        className="flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (assignee) void onApply({ assigneeId: assignee === UNASSIGNED ? null : assignee });
        }}
      >
        <label className="min-w-0 flex-1">
          <span className="mb-0.5 block text-xs font-medium text-slate-700">Assign to…</span>
          <select value={assignee} onChange={(event) => setAssignee(event.target.value)} className={fieldClasses}>
            <option value="">Choose a person</option>
            <option value={UNASSIGNED}>Unassigned</option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" size="sm" variant="secondary" disabled={!assignee || isPending}>
          Assign<span className="sr-only"> {noun}</span>
        </Button>
      </form>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!isClaimStatus(status)) return;
          if (await onApply({ status, note: note.trim() || undefined })) setNote("");
        }}
      >
        <label className="min-w-0 flex-1">
          <span className="mb-0.5 block text-xs font-medium text-slate-700">Set state…</span>
          <select value={status} onChange={(event) => setStatus(event.target.value)} className={fieldClasses}>
            <option value="">Choose a state</option>
            {CLAIM_STATUSES.map((each) => (
              <option key={each} value={each}>
                {claimStatusDisplay[each].glyph} {claimStatusDisplay[each].label}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" size="sm" variant="secondary" disabled={!status || isPending}>
          Set<span className="sr-only"> the state of {noun}</span>
        </Button>
        <label className="basis-full">
          <span className="mb-0.5 block text-xs font-medium text-slate-700">Note (needed to move a claim back)</span>
          <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} className={fieldClasses} />
        </label>
      </form>
    </div>
  );
}

/**
 * "3 claims set to In progress; 1 skipped: claim 4: A claim can be marked ‘Done’ only once …".
 * Claims already in the chosen state or with the chosen person are neither counted nor skipped.
 */
export function describeBulkResult(change: BulkChange, result: Pick<BulkUpdateResult, "updated" | "skipped">, claims: NumberedClaim[], members: TeamMember[]): string {
  if (result.updated === 0 && result.skipped.length === 0) return "Nothing to change: the ticked claims are already that way.";
  const count = countOf(result.updated, "claim");
  let done: string;
  if ("status" in change) done = `${count} set to ${claimStatusDisplay[change.status].label}`;
  else if (change.assigneeId === null) done = `${count} unassigned`;
  else done = `${count} assigned to ${members.find((member) => member.id === change.assigneeId)?.name ?? "the chosen person"}`;
  return `${done}${describeSkipped(result.skipped, claims)}`;
}

/** "; 1 skipped: claim 4: Already cites Reuters." (or just "." when nothing was skipped), reasons grouped. */
export function describeSkipped(skipped: { claimId: string; reason: string }[], claims: NumberedClaim[]): string {
  if (skipped.length === 0) return ".";
  const numberOf = new Map(claims.map((claim) => [claim.id, claim.number]));
  const byReason = new Map<string, number[]>();
  for (const { claimId, reason } of skipped) byReason.set(reason, [...(byReason.get(reason) ?? []), numberOf.get(claimId) ?? 0]);
  const reasons = [...byReason].map(([reason, numbers]) => {
    const known = numbers.filter((number) => number > 0);
    const which = known.length === 0 ? "" : `${pluralize(known.length, "claim")} ${known.join(", ")}: `;
    return `${which}${reason.replace(/\.$/, "")}`;
  });
  return `; ${skipped.length} skipped: ${reasons.join("; ")}.`;
}

/** "2 claims now cite Reuters; claim 3 already did; 1 skipped: claim 5: No longer exists in this article." */
export function describeCitedOutlet(result: BulkCiteOutletResult, claims: NumberedClaim[], outlet: string | null): string {
  const name = result.source?.name ?? outlet ?? "the outlet";
  const numberOf = new Map(claims.map((claim) => [claim.id, claim.number]));
  const done = result.cited.length === 0 ? "No citation added" : `${countOf(result.cited.length, "claim")} now cite ${name}${result.sourceAdded ? " (added to the source registry)" : ""}`;
  const numbers = result.alreadyCiting.map((id) => numberOf.get(id)).filter((number): number is number => number !== undefined);
  const already = result.alreadyCiting.length === 0 ? "" : `; ${numbers.length > 0 ? `${pluralize(numbers.length, "claim")} ${numbers.join(", ")}` : countOf(result.alreadyCiting.length, "claim")} already cited ${name}`;
  const withdrawn = result.signOffsWithdrawn.map((id) => numberOf.get(id)).filter((number): number is number => number !== undefined);
  const lapsed = withdrawn.length === 0 ? "" : `; the sign-off of ${pluralize(withdrawn.length, "claim")} ${withdrawn.join(", ")} was withdrawn: the new citation needs a second look`;
  return `${done}${already}${lapsed}${describeSkipped(result.skipped, claims)}`;
}

/**
 * The ticked claims whose sign-off "Cite the outlet" would withdraw (decision 0008): signed off
 * now, and not citing the outlet already (those are left alone, `citeOutletForClaims`).
 */
export function listSignOffsToWithdraw<Claim extends Pick<WorkspaceClaim, "isSignedOff" | "citesOutlet">>(claims: Claim[]): Claim[] {
  return claims.filter((claim) => claim.isSignedOff && !claim.citesOutlet);
}
