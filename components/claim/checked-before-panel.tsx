"use client";

import Link from "next/link";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { CheckedBefore, PriorCheck } from "@/lib/claims/matching/queries";
import { citationRelationLabels, type CitationRelation } from "@/lib/sources/types";
import { formatDay } from "@/lib/text/dates";
import type { TeamVerdictLabels } from "@/lib/verification/verdicts";
import { useClaim } from "./claim-context";
import { VerdictBadge } from "./verdict-badge";

/**
 * "Checked before" (docs/decisions/0023-checked-before.md): the team's judged claims in other
 * articles that say what this one says, each with its verdict, its rationale and citations one
 * click away, and a button that copies its citations and chain onto this claim; and the claims
 * of this article that repeat it. Shown only when there is something to show.
 */
export function CheckedBeforePanel({ checkedBefore, labels, articleHref }: { checkedBefore: CheckedBefore; labels: TeamVerdictLabels; articleHref: string }) {
  const { team } = useClaim();
  const { priorChecks, sameClaims } = checkedBefore;
  if (priorChecks.length === 0 && sameClaims.length === 0) return null;
  return (
    <section aria-labelledby="checked-before-heading" className="space-y-4 rounded-lg border border-sky-200 bg-sky-50/60 p-5 shadow-sm">
      <h2 id="checked-before-heading" className="text-lg font-semibold text-slate-900">
        Checked before
      </h2>
      {priorChecks.length > 0 ? (
        <ul className="space-y-4">
          {priorChecks.map((check) => (
            <PriorCheckItem key={check.claimId} check={check} labels={labels} href={`/t/${team}/articles/${check.articleId}/claims/${check.claimId}`} />
          ))}
        </ul>
      ) : null}
      {sameClaims.length > 0 ? (
        <ul className="space-y-2">
          {sameClaims.map((same) => (
            <li key={same.claimId} className="text-sm text-slate-800">
              <Link href={`${articleHref}/claims/${same.claimId}`} className="font-semibold text-brand-700 underline underline-offset-2">
                Same claim as #{same.number} in this article
              </Link>
              {same.verdict ? <> · <VerdictBadge verdict={same.verdict} labels={labels} /></> : " · not judged yet"}
              <p className="mt-1 text-slate-600">“{same.statement}”</p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function PriorCheckItem({ check, labels, href }: { check: PriorCheck; labels: TeamVerdictLabels; href: string }) {
  const { team, claimId, canWrite, actions, report } = useClaim();
  const [isReusing, startReusing] = useTransition();
  const headingId = `checked-before-${check.claimId}`;
  const date = check.verdictAt ? ` (${formatDay(check.verdictAt)})` : "";
  return (
    <li aria-labelledby={headingId} className="space-y-2 rounded-md border border-sky-200 bg-white p-4">
      <p id={headingId} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-900">
        <span>
          Checked before in <Link href={href} className="font-semibold text-brand-700 underline underline-offset-2">‘{check.articleTitle}’</Link>
          {date}:
        </span>
        <VerdictBadge verdict={check.verdict} labels={labels} />
      </p>
      <p className="text-sm text-slate-600">“{check.statement}”</p>
      <details className="text-sm text-slate-800">
        <summary className="cursor-pointer font-medium text-brand-700">Rationale and {check.citations.length === 1 ? "1 citation" : `${check.citations.length} citations`}</summary>
        <div className="mt-2 space-y-2">
          <p className="whitespace-pre-wrap">{check.rationale ?? "No rationale was written."}</p>
          {check.citations.length > 0 ? (
            <ul className="list-disc space-y-1 pl-5">
              {check.citations.map((citation, index) => (
                <li key={index}>
                  {citation.sourceName} <span className="text-slate-600">({citationRelationLabels[citation.relation as CitationRelation]?.toLowerCase() ?? citation.relation})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </details>
      {canWrite && check.citations.length > 0 ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={isReusing}
          onClick={() => startReusing(async () => void report(await actions.reuseCitations({ team, claimId, fromClaimId: check.claimId })))}
        >
          {isReusing ? "Reusing…" : "Reuse its citations and chain"}
        </Button>
      ) : null}
    </li>
  );
}
