"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { countRationale } from "./format-history";
import { useClaim } from "./claim-context";
import { FormProblem, useActionForm } from "./use-action-form";
import { TextAreaField } from "./text-area-field";
import { verdictStyles } from "./verdict-badge";
import { defineVerdict, isVerdict, VERDICTS, type TeamVerdictLabels, type Verdict } from "@/lib/verification/verdicts";

export const VERDICT_CHOICES_ID = "verdict-choices";
/** The button that opens the form under a verdict already given (verdict-panel.tsx). */
export const CHANGE_VERDICT_ID = "change-verdict";

/** Puts focus on the chosen verdict, else on the first (the `v` shortcut); opens a closed form first. */
export function focusVerdictChoices(): boolean {
  const group = document.getElementById(VERDICT_CHOICES_ID);
  const opener = document.getElementById(CHANGE_VERDICT_ID);
  if (!group && opener) {
    opener.click();
    return true;
  }
  const radio = group?.querySelector<HTMLInputElement>("input:checked") ?? group?.querySelector<HTMLInputElement>("input[type=radio]");
  if (!radio) return false;
  radio.focus({ preventScroll: true });
  group?.scrollIntoView({ block: "center", behavior: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
  return true;
}

/**
 * The five verdicts in the team's words, each with its fixed meaning, and the rationale with a
 * live count. The evidence rules are the server's to apply; what it refuses is shown here.
 */
export function VerdictForm({
  current,
  rationale,
  labels,
  onCancel,
  onStart,
  onSaved,
}: {
  current: string | null;
  rationale: string | null;
  labels: TeamVerdictLabels;
  /** Offered when the form was opened to change a verdict: closes it. */
  onCancel?: () => void;
  /** The editor chose or wrote something: the panel keeps the form, whatever arrives live. */
  onStart?: () => void;
  /** The verdict was recorded. */
  onSaved?: () => void;
}) {
  const { actions, team, claimId, revision } = useClaim();
  const form = useActionForm();
  const [verdict, setVerdict] = useState<Verdict | "">(isVerdict(current) ? current : "");
  const [text, setText] = useState(rationale ?? "");
  const count = countRationale(text);
  // The revision the verdict answers to: the claim as it was when the editor began choosing or
  // writing. A colleague's change that arrives live meanwhile updates the page, not this: the save
  // is refused and shows their change (docs/decisions/0022), instead of landing over it unseen.
  const [baseRevision, setBaseRevision] = useState<number | null>(null);
  const startEditing = () => {
    setBaseRevision((base) => base ?? revision);
    onStart?.();
  };
  const isChangedUnderneath = baseRevision !== null && baseRevision !== revision && !form.failure;

  return (
    <form
      data-presence-activity="writing_verdict"
      aria-labelledby="verdict-form-heading"
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const answersTo = baseRevision ?? revision;
        form.submit(
          async () => {
            const result = await actions.giveVerdict({ team, claimId, revision: answersTo, verdict: verdict as Verdict, rationale: text });
            // Refused: the editor has now been shown why; the next try answers to the claim as it is.
            if (result && !result.ok) setBaseRevision(null);
            return result;
          },
          { onSuccess: () => onSaved?.() },
        );
      }}
    >
      <h3 id="verdict-form-heading" className="text-sm font-semibold text-slate-900">
        {current ? "Change the verdict" : "Give a verdict"}
      </h3>
      <fieldset id={VERDICT_CHOICES_ID} aria-describedby={form.errorsFor("verdict") ? "verdict-choice-error" : undefined} className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">Verdict</legend>
        {VERDICTS.map((value) => {
          const definition = defineVerdict(value, labels);
          const id = `verdict-${value}`;
          return (
            <div key={value} className="flex gap-2 rounded-md border border-slate-200 px-3 py-2 has-checked:border-brand-600 has-checked:bg-brand-50">
              <input
                id={id}
                type="radio"
                name="verdict"
                value={value}
                checked={verdict === value}
                onChange={() => {
                  startEditing();
                  setVerdict(value);
                }}
                aria-describedby={`${id}-meaning`}
                aria-keyshortcuts="v"
                className="mt-1"
              />
              <div>
                <label htmlFor={id} className="flex items-center gap-1 text-sm font-medium text-slate-900">
                  <span aria-hidden="true">{verdictStyles[value].glyph}</span>
                  {definition.label}
                </label>
                <p id={`${id}-meaning`} className="text-xs text-slate-600">
                  {definition.meaning}
                </p>
              </div>
            </div>
          );
        })}
        {form.errorsFor("verdict") ? (
          <p id="verdict-choice-error" className="text-sm text-red-700">
            {form.errorsFor("verdict")?.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        id="verdict-rationale"
        label="Rationale"
        rows={5}
        maxLength={10_000}
        value={text}
        onChange={(event) => {
          startEditing();
          setText(event.target.value);
        }}
        errors={form.errorsFor("rationale")}
        hint={
          <span className={count.isEnough ? "text-emerald-700" : undefined}>
            <span aria-hidden="true">{count.isEnough ? "✓ " : "✎ "}</span>
            {count.label}. Say what the evidence shows and how you found it.
          </span>
        }
      />
      <div role="status">
        {isChangedUnderneath ? (
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Someone changed this claim while you were writing your verdict. Your choice and rationale are kept: giving
            the verdict will show you their change first.
          </p>
        ) : null}
      </div>
      <FormProblem failure={form.failure} />
      <div className="flex gap-2">
        <Button type="submit" disabled={form.isPending}>
          {form.isPending ? "Recording…" : "Give verdict"}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
