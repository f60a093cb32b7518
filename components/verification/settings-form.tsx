"use client";

import { useActionState } from "react";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/auth/action";
import { EVIDENCE_RULE_WORDING } from "@/lib/verification/rules";
import type { EvidenceRule, TeamRules } from "@/lib/verification/rules";
import type { Verdict } from "@/lib/verification/verdicts";

type SettingsAction = (state: ActionResult | null, form: FormData) => Promise<ActionResult>;
type VerdictRow = {
  verdict: Verdict;
  defaultLabel: string;
  label: string;
  alternateName: string;
  meaning: string;
  /** The default number, null for "not checkable"; `teamRating` is the team's own, if set. */
  ratingValue: number | null;
  teamRating: number | null;
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const ruleOptions: { value: EvidenceRule; label: string; hint: string }[] = [
  { value: "origin_or_two_independent", label: capitalize(EVIDENCE_RULE_WORDING.origin_or_two_independent), hint: "Stricter: one outlet repeating another is not enough." },
  { value: "one_citation", label: capitalize(EVIDENCE_RULE_WORDING.one_citation), hint: "Looser: for desks that trace origins separately." },
];

type Props = { action: SettingsAction; teamSlug: string; verdicts: VerdictRow[]; rules: TeamRules; revision: number };

/**
 * The team's verdict wording (labels and public ClaimReview names) and its evidence rules. The
 * revision it was loaded with goes along, so a save over another owner's newer one is refused;
 * what was typed is shown again after any refusal.
 */
export function VerificationSettingsForm({ action, teamSlug, verdicts, rules, revision }: Props) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const typed = state && !state.ok ? state.values : undefined;
  const valueOf = (name: string, stored: string | number | null) => typed?.[name] ?? stored ?? "";
  const accurateNeeds = typed?.accurateNeeds ?? rules.accurateNeeds;
  const requireSignOff = typed ? typed.requireSignOff === "on" : rules.requireSignOff;
  const strictCaptures = typed ? typed.strictCaptures === "on" : rules.strictCaptures;
  return (
    <form action={formAction} className="space-y-6">
      <input type="hidden" name="team" value={teamSlug} />
      <input type="hidden" name="revision" value={revision} />
      <Card>
        <h2 className="mb-1 text-lg font-semibold">Verdict labels</h2>
        <p className="mb-4 text-sm text-slate-600">
          Leave a field blank to keep the default. The public name and rating are what ClaimReview markup publishes (rating 1 is least true, 5 most); the name
          follows the label unless set.
        </p>
        {errors.ratings || errors.labels ? <Notice tone="error">{[...(errors.ratings ?? []), ...(errors.labels ?? [])].join(" ")}</Notice> : null}
        <div className="divide-y divide-slate-200">
          {verdicts.map((row) => (
            <fieldset key={row.verdict} className="grid gap-3 py-3 sm:grid-cols-[12rem_1fr_1fr_7rem] sm:items-start">
              <legend className="sr-only">{row.defaultLabel}</legend>
              <div aria-hidden="true">
                <p className="font-medium">{row.defaultLabel}</p>
                <p className="text-xs text-slate-500">{row.meaning}</p>
                <p className="text-xs text-slate-500">Default rating: {row.ratingValue === null ? "none (not a judgement of truth)" : `${row.ratingValue} of 5`}</p>
              </div>
              <Field label={`Label for ${row.defaultLabel}`} name={`label_${row.verdict}`} placeholder={row.defaultLabel} defaultValue={valueOf(`label_${row.verdict}`, row.label)} maxLength={60} />
              <Field label={`Public name for ${row.defaultLabel}`} name={`alternateName_${row.verdict}`} placeholder={row.label || row.defaultLabel} defaultValue={valueOf(`alternateName_${row.verdict}`, row.alternateName)} maxLength={60} />
              {row.ratingValue === null ? (
                <p className="text-xs text-slate-500 sm:pt-7">Published without a number</p>
              ) : (
                <Field label={`Rating for ${row.defaultLabel} (1–5)`} name={`rating_${row.verdict}`} type="number" min={1} max={5} step={1} placeholder={String(row.ratingValue)} defaultValue={valueOf(`rating_${row.verdict}`, row.teamRating)} />
              )}
            </fieldset>
          ))}
        </div>
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Evidence rules</h2>
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium">An ‘accurate’ verdict needs</legend>
          {ruleOptions.map((option) => (
            <label key={option.value} className="flex items-start gap-2 text-sm">
              <input type="radio" name="accurateNeeds" value={option.value} defaultChecked={accurateNeeds === option.value} className="mt-1" />
              <span>
                {option.label}
                <span className="block text-xs text-slate-500">{option.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <p className="mt-3 text-sm text-slate-600">Every verdict needs a written rationale; every verdict but ‘not checkable’ needs at least one citation.</p>
        <label className="mt-4 flex items-start gap-2 text-sm">
          <input type="checkbox" name="requireSignOff" defaultChecked={requireSignOff} className="mt-1" />
          <span>
            Require a second editor&apos;s sign-off before a verdict counts as final
            <span className="block text-xs text-slate-500">The editor who gave the verdict cannot sign it off; a claim is ‘Done’ only with a final verdict.</span>
          </span>
        </label>
        <label className="mt-4 flex items-start gap-2 text-sm">
          <input type="checkbox" name="strictCaptures" defaultChecked={strictCaptures} className="mt-1" />
          <span>
            Strict: refuse ‘Accurate’ while a cited passage changed or vanished on its page
            <span className="block text-xs text-slate-500">
              Without this, a re-check that finds the passage changed is a warning on the claim and in reports. With it, ‘Accurate’ cannot be given, signed
              off or taken to ‘Done’ until a re-check finds the cited passage (corrected if the source changed it).
            </span>
          </span>
        </label>
      </Card>
      {state ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </form>
  );
}
