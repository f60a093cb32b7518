"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { KindBadge } from "@/components/sources/kind-badge";
import { Button } from "@/components/ui/button";
import { citationRelationLabels, type CitationRelation } from "@/lib/sources/types";
import { CaptureStatus } from "./capture-status";
import { useClaim } from "./claim-context";
import { valuesOfCitation, type ViaOption } from "./citation-fields";
import { CitationEditForm } from "./citation-edit-form";
import { relationStyles } from "./relation-style";
import type { ClaimCitation } from "./types";
import { formatDay } from "@/lib/text/dates";

type CitationItemProps = {
  citation: ClaimCitation;
  /** The source this citation got it from (its via), and the citations that got it from this one. */
  viaName: string | null;
  relayedBy: string[];
  viaOptions: ViaOption[];
  onTraceFurther: (citation: ClaimCitation) => void;
};

/** One citation: what it is, where it points, what its capture found, and what an editor can do to it. */
export function CitationItem({ citation, viaName, relayedBy, viaOptions, onTraceFurther }: CitationItemProps) {
  const { actions, team, canWrite, report } = useClaim();
  const [isEditing, setEditing] = useState(false);
  const [isPending, startTransition] = useTransition();
  const name = citation.source.name;
  const relation = citation.relation as CitationRelation;
  const headingId = `citation-${citation.id}-name`;

  function closeEditor() {
    setEditing(false);
    requestAnimationFrame(() => document.getElementById(`citation-${citation.id}-edit`)?.focus());
  }

  function toggleOrigin() {
    startTransition(async () => {
      const fields = valuesOfCitation(citation);
      const result = await actions.updateCitation({ team, citationId: citation.id, revision: citation.revision, sourceId: citation.source.id, ...fields, isOrigin: !citation.isOrigin });
      report(result, { success: citation.isOrigin ? `${name} is no longer marked as the origin.` : `${name} marked as the origin.` });
    });
  }

  function remove() {
    if (!window.confirm(`Remove the citation of ${name}? Citations that got it from ${name} will point to where ${name} got it.`)) return;
    startTransition(async () => void report(await actions.removeCitation({ team, citationId: citation.id })));
  }

  return (
    <li id={`citation-${citation.id}`} aria-labelledby={headingId} className="space-y-2 border-b border-slate-100 py-4 last:border-b-0">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="text-base font-semibold">
          <Link href={`/t/${team}/sources/${citation.source.id}`} className="text-slate-900 underline-offset-2 hover:underline">
            {name}
          </Link>
        </h3>
        <KindBadge kind={citation.source.kind} />
        <span className={`inline-flex items-center gap-1 text-xs font-medium ${relationStyles[relation]?.text ?? ""}`}>
          <span aria-hidden="true">{relationStyles[relation]?.glyph}</span>
          {citationRelationLabels[relation] ?? citation.relation}
        </span>
        {citation.isOrigin ? (
          <span className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-300 ring-inset">
            <span aria-hidden="true">✓</span> Origin
          </span>
        ) : null}
      </div>
      <dl className="grid gap-x-3 gap-y-0.5 text-sm text-slate-700 sm:grid-cols-[max-content_minmax(0,1fr)]">
        {viaName ? <Row term="Cited via">{viaName} (where {name} got it)</Row> : null}
        {relayedBy.length ? <Row term="Relayed by">{relayedBy.join(", ")}</Row> : null}
        {citation.url ? (
          <Row term="URL">
            <a href={citation.url} target="_blank" rel="noreferrer noopener" className="break-all text-brand-700 underline-offset-2 hover:underline">
              {citation.url}
            </a>
          </Row>
        ) : null}
        {citation.archiveUrl ? (
          <Row term="Archive">
            <a href={citation.archiveUrl} target="_blank" rel="noreferrer noopener" className="break-all text-brand-700 underline-offset-2 hover:underline">
              Archived copy<span className="sr-only"> of {name}</span>
            </a>
          </Row>
        ) : null}
        {citation.accessedAt ? <Row term="Accessed">{formatDay(citation.accessedAt)}</Row> : null}
      </dl>
      {citation.passage ? <blockquote className="border-l-4 border-slate-200 pl-3 font-serif text-sm text-slate-800 italic">{citation.passage}</blockquote> : null}
      <CaptureStatus citation={citation} sourceName={name} />
      {citation.note ? <p className="text-sm whitespace-pre-wrap text-slate-600">Note: {citation.note}</p> : null}
      {canWrite && isEditing ? <CitationEditForm citation={citation} viaOptions={viaOptions} onDone={closeEditor} /> : null}
      {canWrite && !isEditing ? (
        <div role="group" aria-label={`Citation of ${name}`} className="flex flex-wrap gap-2 pt-1">
          <Button id={`citation-${citation.id}-edit`} size="sm" variant="secondary" onClick={() => setEditing(true)}>
            Edit<span className="sr-only"> the citation of {name}</span>
          </Button>
          <Button size="sm" variant="secondary" disabled={isPending} aria-pressed={citation.isOrigin} onClick={toggleOrigin}>
            <span aria-hidden="true">{citation.isOrigin ? "✓" : "○"}</span> Mark as origin
          </Button>
          <Button size="sm" variant="secondary" onClick={() => onTraceFurther(citation)}>
            Trace further: where did {name} get this?
          </Button>
          <Button size="sm" variant="danger" disabled={isPending} onClick={remove}>
            Remove<span className="sr-only"> the citation of {name}</span>
          </Button>
        </div>
      ) : null}
    </li>
  );
}

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="contents">
      <dt className="font-medium text-slate-500">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}
