"use client";

import { useState, useTransition } from "react";
import { claimStatusDisplay, type ClaimStatus } from "@/lib/claims/status";
import { checkTransition, isBackwardMove } from "@/lib/verification/status";
import { READ_ONLY_MESSAGE, type ClaimContextValue } from "./claim-context";

/**
 * Moving the claim through the workflow, from a button or a number key. A move the rules refuse
 * is explained at once (no round trip); a backward move first asks for its note.
 */
export function useStatusChange(context: ClaimContextValue, from: ClaimStatus, hasFinalVerdict: boolean) {
  const [noteFor, setNoteFor] = useState<ClaimStatus | null>(null);
  const [isPending, startTransition] = useTransition();
  const { actions, team, claimId, revision, canWrite, report, notify } = context;

  function save(to: ClaimStatus, note?: string) {
    startTransition(async () => {
      const result = await actions.setStatus({ team, claimId, revision, status: to, note });
      report(result, { success: `State changed to ‘${claimStatusDisplay[to].label}’.` });
      if (result?.ok) setNoteFor(null);
    });
  }

  function request(to: ClaimStatus) {
    if (!canWrite) return notify("error", READ_ONLY_MESSAGE);
    // The note is asked for below, so only the other rules are checked here.
    const check = checkTransition({ from, to, hasFinalVerdict, note: "asked next" });
    if (!check.ok) return notify("error", check.problems.join(" "));
    if (isBackwardMove(from, to)) return setNoteFor(to);
    save(to);
  }

  return { noteFor, isPending, request, cancelNote: () => setNoteFor(null), saveWithNote: save };
}

export type StatusChange = ReturnType<typeof useStatusChange>;
