import Link from "next/link";
import type { SourceDetail } from "@/lib/sources/queries";

const relationLabels: Record<string, string> = {
  states: "States the claim",
  corroborates: "Corroborates",
  contradicts: "Contradicts",
  context: "Context",
};

/** The claims that rest on a source, each linking to the claim in its article. */
export function SourceCitations({ team, citations }: { team: string; citations: SourceDetail["citations"] }) {
  if (citations.length === 0) return <p className="text-sm text-slate-600">No claim cites this source yet.</p>;
  return (
    <ul className="divide-y divide-slate-200" aria-label="Citations of this source">
      {citations.map((citation) => (
        <li key={citation.id} className="py-3">
          <Link
            href={`/t/${team}/articles/${citation.claim.article.id}/claims/${citation.claim.id}`}
            className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
          >
            {citation.claim.statement}
          </Link>
          <p className="mt-0.5 text-sm text-slate-600">
            {relationLabels[citation.relation] ?? citation.relation}
            {citation.isOrigin ? " · marked as the origin" : ""} · in {citation.claim.article.title}
          </p>
        </li>
      ))}
    </ul>
  );
}
