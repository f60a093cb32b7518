"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { countOf, pluralize } from "@/lib/text/plural";
import { Modal } from "./modal";
import { abbreviatePassage } from "./text-navigation";
import type { NumberedClaim } from "./types";

/**
 * Asked before "Cite the outlet" when it would withdraw sign-offs (decision 0008): names the
 * signed-off claims a new citation changes. Cancel (focused first, and Escape) changes nothing.
 */
export function ConfirmCiteOutletDialog({
  outlet,
  withdrawn,
  tickedCount,
  onConfirm,
  onClose,
}: {
  outlet: string;
  /** The ticked claims whose sign-off the citation would withdraw, in list order. */
  withdrawn: NumberedClaim[];
  tickedCount: number;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const id = useId();
  const title = `${id}-title`;
  const count = withdrawn.length;
  const others = tickedCount - count;
  return (
    <Modal titleId={title} onClose={onClose}>
      <div className="space-y-4">
        <h2 id={title} className="text-lg font-semibold">
          Withdraw {countOf(count, "sign-off")}?
        </h2>
        <p className="text-sm text-slate-700">
          Citing {outlet} adds evidence the signer has not seen, so {count === 1 ? "this claim's sign-off" : "the sign-offs of these claims"} will be
          withdrawn, and a second editor must sign {count === 1 ? "it" : "each"} off again.
        </p>
        <ol aria-label="Sign-offs to withdraw" className="space-y-2">
          {withdrawn.map((claim) => (
            <li key={claim.id} className="flex gap-2 rounded-md border border-slate-200 p-3 text-sm text-slate-900">
              <span className="inline-block h-5 min-w-7 shrink-0 rounded-full bg-slate-900 px-2 text-center text-xs leading-5 font-semibold text-white">
                <span className="sr-only">Claim </span>
                {claim.number}
              </span>
              <span>{abbreviatePassage(claim.statement)}</span>
            </li>
          ))}
        </ol>
        {others > 0 ? (
          <p className="text-sm text-slate-600">
            The other {countOf(others, "ticked claim")} {pluralize(others, "has", "have")} no sign-off to withdraw.
          </p>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button variant="danger" onClick={onConfirm}>
            Cite and withdraw {countOf(count, "sign-off")}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
