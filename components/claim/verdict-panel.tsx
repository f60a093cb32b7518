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
      {canWrite ? <VerdictEditor verdict={verdict} verdictAt={claim.verdictAt} rationale={claim.rationale} labels={labels} /> : null}
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
        <span aria-hidden="true">◷ </span>Awaiting sign-off by a second editor
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
 * The form: open while there is no verdict, behind "Change verdict" once there is one (open, focus
 * is on the verdict choices; Cancel or Escape closes it and focus returns to the button). When the
 * verdict changes (recorded here, or a colleague's arriving live) the form starts afresh under it,
 * unless the editor has begun one of their own: that stays, with its text, and its save is checked
 * against the claim it began from (verdict-form.tsx).
 */
function VerdictEditor({ verdict, verdictAt, rationale, labels }: { verdict: string | null; verdictAt: Date | string | null; rationale: string | null; labels: TeamVerdictLabels }) {
  const version = `${verdict}-${String(verdictAt)}`;
  const [shown, setShown] = useState({ version, isOpen: !verdict, generation: 0 });
  const [isStarted, setStarted] = useState(false);
  if (shown.version !== version && !isStarted) setShown({ version, isOpen: !verdict, generation: shown.generation + 1 });
  const setOpen = (isOpen: boolean) => {
    setStarted(false);
    // Closing discards what was chosen: the next opening starts from the verdict as it stands.
    setShown((current) => ({ ...current, isOpen, generation: isOpen ? current.generation : current.generation + 1 }));
  };
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(shown.isOpen);
  useEffect(() => {
    if (!verdict) return;
    if (shown.isOpen && !wasOpen.current) focusVerdictChoices();
    else if (!shown.isOpen && wasOpen.current) buttonRef.current?.focus();
    wasOpen.current = shown.isOpen;
  }, [shown.isOpen, verdict]);

  const form = shown.isOpen ? (
    <VerdictForm
      key={shown.generation}
      current={verdict}
      rationale={rationale}
      labels={labels}
      onCancel={verdict ? () => setOpen(false) : undefined}
      onStart={() => setStarted(true)}
      onSaved={() => setStarted(false)}
    />
  ) : null;
  // One shape whatever the verdict, so the form is never remounted (and emptied) by one arriving.
  return (
    <div className={verdict ? "space-y-3 border-t border-slate-100 pt-3" : undefined}>
      {verdict ? (
        <button
          ref={buttonRef}
          type="button"
          id={CHANGE_VERDICT_ID}
          aria-expanded={shown.isOpen}
          aria-controls={shown.isOpen ? "change-verdict-form" : undefined}
          onClick={() => setOpen(!shown.isOpen)}
          className={buttonClasses("secondary", "sm")}
        >
          Change verdict
        </button>
      ) : null}
      {form ? (
        <div
          id={verdict ? "change-verdict-form" : undefined}
          onKeyDown={(event) => {
            if (event.key !== "Escape" || !verdict) return;
            // Escape closes the form here, not the page (the claim page's Escape goes back to the article).
            event.preventDefault();
            event.stopPropagation();
            setOpen(false);
          }}
        >
          {form}
        </div>
      ) : null}
    </div>
  );
}
