"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { defineVerdict, isVerdict, type TeamVerdictLabels } from "@/lib/verification/verdicts";
import type { CaptureWarning } from "@/lib/verification/capture-warnings";
import type { TeamRules } from "@/lib/verification/rules";
import { CaptureWarnings } from "./capture-warnings";
import { useClaim } from "./claim-context";
import { VerdictBadge } from "./verdict-badge";
import { CHANGE_VERDICT_ID, focusVerdictChoices, VerdictForm } from "./verdict-form";
import { WithdrawVerdict } from "./withdraw-verdict";
import type { ClaimView } from "./types";
import { formatMoment } from "@/lib/text/dates";

type Person = { id: string; name: string } | null;

/**
 * The verdict as it stands (label, meaning, rationale, who and when, sign-off), then the form: open
 * while there is no verdict, behind "Change verdict" once there is one.
 */
export function VerdictPanel({ claim, labels, rules, captureWarnings }: { claim: ClaimView["claim"]; labels: TeamVerdictLabels; rules: TeamRules; captureWarnings: readonly CaptureWarning[] }) {
  const { canWrite } = useClaim();
  const verdict = claim.verdict;
  return (
    <section aria-labelledby="verdict-heading" className="space-y-4">
      <h2 id="verdict-heading" className="text-sm font-semibold text-slate-900">
        Verdict
      </h2>
      <CaptureWarnings warnings={captureWarnings} isStrict={rules.strictCaptures} />
      {verdict ? (
        <div className="space-y-2">
          <VerdictBadge verdict={verdict} labels={labels} />
          {isVerdict(verdict) ? <p className="text-sm text-slate-600">{defineVerdict(verdict, labels).meaning}</p> : null}
          <div>
            <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Rationale</h3>
            <p className="text-sm whitespace-pre-wrap text-slate-800">{claim.rationale}</p>
          </div>
          <p className="text-xs text-slate-600">
            Given by {claim.verdictBy?.name ?? "a former member"}
            {claim.verdictAt ? <> · <time dateTime={new Date(claim.verdictAt).toISOString()}>{formatMoment(claim.verdictAt)}</time></> : null}
          </p>
          <SignOffStatus verdictBy={claim.verdictBy} signedOffBy={claim.signedOffBy} signedOffAt={claim.signedOffAt} requireSignOff={rules.requireSignOff} />
          {canWrite ? <WithdrawVerdict /> : null}
        </div>
      ) : (
        <p className="text-sm text-slate-600">No verdict yet.</p>
      )}
      {canWrite && !verdict ? <VerdictForm key={`${verdict}-${String(claim.verdictAt)}`} current={verdict} rationale={claim.rationale} labels={labels} /> : null}
      {canWrite && verdict ? (
        <ChangeVerdict key={`${verdict}-${String(claim.verdictAt)}`} current={verdict} rationale={claim.rationale} labels={labels} />
      ) : null}
    </section>
  );
}

function SignOffStatus({
  verdictBy,
  signedOffBy,
  signedOffAt,
  requireSignOff,
}: {
  verdictBy: Person;
  signedOffBy: Person;
  signedOffAt: Date | null;
  requireSignOff: boolean;
}) {
  const { actions, team, claimId, revision, canWrite, userId, report } = useClaim();
  const [isPending, startTransition] = useTransition();
  if (signedOffBy) {
    return (
      <p className="text-sm text-emerald-800">
        <span aria-hidden="true">✓ </span>Signed off by {signedOffBy.name}
        {signedOffAt ? ` · ${formatMoment(signedOffAt)}` : ""}
      </p>
    );
  }
  if (!requireSignOff) return <p className="text-xs text-slate-500">Final: your team does not require a second editor&apos;s sign-off.</p>;
  const isOwnVerdict = verdictBy?.id === userId;
  return (
    <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p>
        <span aria-hidden="true">⏳ </span>Awaiting sign-off by a second editor
      </p>
      {canWrite && isOwnVerdict ? <p className="text-xs">You gave this verdict, so another editor signs it off.</p> : null}
      {canWrite && !isOwnVerdict ? (
        <Button
          size="sm"
          disabled={isPending}
          onClick={() =>
            startTransition(async () => {
              report(await actions.signOffVerdict({ team, claimId, revision }), { success: "Verdict signed off." });
            })
          }
        >
          {isPending ? "Signing off…" : "Sign off"}
        </Button>
      ) : null}
    </div>
  );
}

/**
 * The form to change a verdict already given, closed until asked for: open, focus is on the
 * verdict choices; Cancel or Escape closes it and focus returns to the button. A change made
 * remounts it (its key), closed, under the new verdict.
 */
function ChangeVerdict({ current, rationale, labels }: { current: string; rationale: string | null; labels: TeamVerdictLabels }) {
  const [isOpen, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (isOpen) focusVerdictChoices();
    else if (wasOpen.current) buttonRef.current?.focus();
    wasOpen.current = isOpen;
  }, [isOpen]);

  return (
    <div className="space-y-3 border-t border-slate-100 pt-3">
      <button
        ref={buttonRef}
        type="button"
        id={CHANGE_VERDICT_ID}
        aria-expanded={isOpen}
        aria-controls={isOpen ? "change-verdict-form" : undefined}
        onClick={() => setOpen(!isOpen)}
        className={buttonClasses("secondary", "sm")}
      >
        Change verdict
      </button>
      {isOpen ? (
        <div
          id="change-verdict-form"
          onKeyDown={(event) => {
            if (event.key !== "Escape") return;
            // Escape closes the form here, not the page (the claim page's Escape goes back to the article).
            event.preventDefault();
            event.stopPropagation();
            setOpen(false);
          }}
        >
          <VerdictForm current={current} rationale={rationale} labels={labels} onCancel={() => setOpen(false)} />
        </div>
      ) : null}
    </div>
  );
}
