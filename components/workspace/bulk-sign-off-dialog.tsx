"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/auth/action";
import type { ClaimState } from "@/lib/verification/claim-change";
import type { BulkSignOffResult } from "@/lib/verification/bulk-sign-off";
import { countOf } from "@/lib/text/plural";
import { Modal } from "./modal";
import type { NumberedClaim } from "./types";

type Reviewed = { claim: NumberedClaim; state: ClaimState; warning: string | null };
type Phase = { kind: "loading" } | { kind: "failed"; message: string } | { kind: "review"; items: Reviewed[] } | { kind: "done"; items: Reviewed[]; result: BulkSignOffResult };

/** Why the server will refuse a claim, as far as the review can tell (the server decides). */
function warningOf(state: ClaimState, userId: string): string | null {
  if (!state.verdictLabel) return "No verdict yet: there is nothing to sign off.";
  if (state.verdictBy?.id === userId) return "You gave this verdict, so a second editor has to sign it off.";
  if (state.signedOffBy) return `Already signed off by ${state.signedOffBy.name}.`;
  return null;
}

/**
 * "Sign off N verdicts": reads the ticked claims as they stand, shows each verdict with its
 * rationale and who judged it, and signs off exactly the revisions shown (a claim changed since is
 * refused, never signed unseen). The answer lists what was signed and what was refused, with why.
 */
export function BulkSignOffDialog({
  claims,
  userId,
  readStates,
  signOff,
  onRead,
  onSigned,
  onClose,
}: {
  /** The ticked claims, in list order. */
  claims: NumberedClaim[];
  userId: string;
  readStates: (claimIds: string[]) => Promise<ActionResult<ClaimState[]> | null>;
  signOff: (input: { claims: { claimId: string; revision: number }[]; note?: string }) => Promise<ActionResult<BulkSignOffResult> | null>;
  /** The claims as the review read them, for the list to show. */
  onRead: (states: ClaimState[]) => void;
  /** What the sign-off did, for the list to show. */
  onSigned: (result: BulkSignOffResult) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  const [note, setNote] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void readStates(claims.map((claim) => claim.id)).then((result) => {
      if (!result) return;
      if (!result.ok) return setPhase({ kind: "failed", message: result.message });
      const byId = new Map(result.data.map((state) => [state.id, state]));
      const items = claims.flatMap((claim) => {
        const state = byId.get(claim.id);
        return state ? [{ claim, state, warning: warningOf(state, userId) }] : [];
      });
      onRead(result.data);
      setPhase({ kind: "review", items });
    });
  }, [claims, readStates, userId, onRead]);

  useEffect(() => {
    if (phase.kind === "done") resultHeading.current?.focus();
  }, [phase.kind]);

  function submit(items: Reviewed[]) {
    setFailure(null);
    startTransition(async () => {
      const result = await signOff({ claims: items.map(({ state }) => ({ claimId: state.id, revision: state.revision })), note: note.trim() || undefined });
      if (!result) return;
      if (!result.ok) return setFailure(Object.values(result.fieldErrors ?? {}).flat()[0] ?? result.message);
      onSigned(result.data);
      setPhase({ kind: "done", items, result: result.data });
    });
  }

  const title = `${id}-title`;
  return (
    <Modal titleId={title} onClose={onClose}>
      <div className="space-y-4">
        <h2 id={title} className="text-lg font-semibold">
          Sign off {countOf(claims.length, "verdict")}
        </h2>
        {phase.kind === "loading" ? <p role="status" className="text-sm text-slate-600">Reading the verdicts as they stand…</p> : null}
        {phase.kind === "failed" ? <Notice tone="error">{phase.message}</Notice> : null}
        {phase.kind === "review" ? (
          <ReviewForm items={phase.items} note={note} onNote={setNote} failure={failure} isPending={isPending} onSubmit={() => submit(phase.items)} onCancel={onClose} />
        ) : null}
        {phase.kind === "done" ? (
          <>
            <SignOffResult items={phase.items} result={phase.result} headingRef={resultHeading} />
            <div className="flex justify-end">
              <Button onClick={onClose}>Close</Button>
            </div>
          </>
        ) : null}
      </div>
    </Modal>
  );
}

function ReviewForm({
  items,
  note,
  onNote,
  failure,
  isPending,
  onSubmit,
  onCancel,
}: {
  items: Reviewed[];
  note: string;
  onNote: (note: string) => void;
  failure: string | null;
  isPending: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const signable = items.filter((item) => !item.warning).length;
  const refused = items.length - signable;
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <p className="text-sm text-slate-600">
        Read each verdict and its rationale: signing off says you checked them. Claims changed after this was read are refused, not signed.
      </p>
      <ol aria-label="Verdicts to sign off" className="space-y-3">
        {items.map(({ claim, state, warning }) => (
          <li key={state.id} className="rounded-md border border-slate-200 p-3 text-sm" aria-label={`Claim ${claim.number}`}>
            <p className="font-medium text-slate-900">
              <span className="mr-2 inline-block min-w-7 rounded-full bg-slate-900 px-2 text-center text-xs leading-5 font-semibold text-white">{claim.number}</span>
              {state.statement}
            </p>
            {state.verdictLabel ? (
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-700">
                <dt className="font-medium">Verdict</dt>
                <dd>
                  {state.verdictLabel}
                  {state.verdictBy ? <span className="text-slate-500"> · by {state.verdictBy.name}</span> : null}
                </dd>
                <dt className="font-medium">Rationale</dt>
                <dd className="whitespace-pre-wrap">{state.rationale?.trim() || <span className="text-slate-500">None given.</span>}</dd>
              </dl>
            ) : null}
            {warning ? (
              <p className="mt-2 text-amber-900">
                <span aria-hidden="true">⚠ </span>Will be refused: {warning}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">Note (optional, kept in each claim&rsquo;s history)</span>
        <textarea value={note} onChange={(event) => onNote(event.target.value)} maxLength={2000} rows={2} className="w-full rounded-md border border-slate-300 px-2 py-1" />
      </label>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <div className="flex flex-wrap items-center justify-end gap-2">
        {refused > 0 ? <span className="mr-auto text-sm text-slate-600">{countOf(refused, "claim")} will be refused, as marked.</span> : null}
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" data-autofocus disabled={isPending || signable === 0}>
          {isPending ? "Signing off…" : `Sign off ${countOf(signable, "verdict")}`}
        </Button>
      </div>
    </form>
  );
}

function SignOffResult({ items, result, headingRef }: { items: Reviewed[]; result: BulkSignOffResult; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  const byId = new Map(items.map((item) => [item.state.id, item]));
  const label = (claimId: string) => {
    const item = byId.get(claimId);
    return item ? `Claim ${item.claim.number}: ${item.state.statement}` : "A claim no longer in the list";
  };
  return (
    <div className="space-y-3 text-sm">
      <h3 ref={headingRef} tabIndex={-1} className="font-semibold outline-none">
        {countOf(result.signed.length, "verdict")} signed off{result.refused.length > 0 ? `, ${countOf(result.refused.length, "claim")} refused` : ""}
      </h3>
      {result.signed.length > 0 ? (
        <section aria-label="Signed off">
          <h4 className="font-medium text-emerald-800"><span aria-hidden="true">✓ </span>Signed off</h4>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {result.signed.map((change) => (
              <li key={change.claim.id}>{label(change.claim.id)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {result.refused.length > 0 ? (
        <section aria-label="Refused">
          <h4 className="font-medium text-red-800"><span aria-hidden="true">✕ </span>Refused</h4>
          <ul className="mt-1 space-y-2">
            {result.refused.map((refusal) => (
              <li key={refusal.claimId} className="rounded-md bg-red-50 p-2 text-red-950">
                <span className="block">{label(refusal.claimId)}</span>
                <span className="block font-medium">Why: {refusal.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
