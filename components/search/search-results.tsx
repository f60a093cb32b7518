import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import type { SearchGroup, SearchHit, SearchKind, SearchResult } from "@/lib/search/full-text";
import type { SnippetPart } from "@/lib/search/snippet";
import { abbreviate } from "@/lib/text/truncate";

const KIND_LABELS: Record<SearchKind, { one: string; many: string }> = {
  claim: { one: "Claim", many: "Claims" },
  rationale: { one: "Rationale", many: "Rationales" },
  comment: { one: "Comment", many: "Comments" },
  source: { one: "Source", many: "Sources" },
  article: { one: "Article", many: "Articles" },
};

/** Where a hit is shown in the app. */
export function hitHref(teamSlug: string, hit: SearchHit): string {
  const team = `/t/${teamSlug}`;
  if (hit.kind === "source") return `${team}/sources/${hit.id}`;
  if (hit.kind === "article" || !hit.claimId || !hit.article) return `${team}/articles/${hit.article?.id ?? hit.id}`;
  const claim = `${team}/articles/${hit.article.id}/claims/${hit.claimId}`;
  if (hit.kind === "comment") return `${claim}#comment-${hit.id}`;
  if (hit.kind === "rationale") return `${claim}#verdict-heading`;
  return claim;
}

/**
 * The team's search results, one group per kind in ranked order, each hit with its kind, what it
 * is, where it belongs and a snippet in which the matched words are marked. Snippets are text
 * segments rendered as React children: nothing a user wrote is ever read as HTML.
 */
export function SearchResults({ result, query, teamSlug, moreHref }: { result: SearchResult; query: string; teamSlug: string; moreHref: (kind: SearchKind, cursor: string) => string }) {
  if (result.status === "empty") return null;
  if (result.status === "no-words") {
    return <Notice tone="info">Type a word or a number to search: “{query}” has only punctuation and spaces, which match nothing.</Notice>;
  }
  const groups = result.groups.filter((group) => group.hits.length > 0);
  if (groups.length === 0) {
    return (
      <p role="status" className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
        Nothing in this team matches “{query}”. Try fewer words, or the start of a word.
      </p>
    );
  }
  return (
    <div className="space-y-5">
      <p role="status" className="sr-only">
        Results for “{query}”: {groups.map((group) => `${group.hits.length}${group.nextCursor ? " or more" : ""} ${KIND_LABELS[group.kind].many.toLowerCase()}`).join(", ")}.
      </p>
      {groups.map((group) => (
        <ResultGroup key={group.kind} group={group} teamSlug={teamSlug} moreHref={moreHref} />
      ))}
    </div>
  );
}

function ResultGroup({ group, teamSlug, moreHref }: { group: SearchGroup; teamSlug: string; moreHref: (kind: SearchKind, cursor: string) => string }) {
  const headingId = `search-${group.kind}`;
  const label = KIND_LABELS[group.kind];
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-2 text-sm font-semibold text-slate-900">
        {label.many}
      </h2>
      <ol aria-labelledby={headingId} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {group.hits.map((hit) => {
          // A claim found by its statement: the statement itself is shown marked, not twice.
          const isLabelMarked = hit.snippet.map((part) => part.text).join("") === hit.label;
          return (
            <li key={hit.id} className="space-y-1 p-3">
              <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                <span className="rounded border border-slate-300 px-1.5 text-xs font-medium text-slate-700">{label.one}</span>
                <Link href={hitHref(teamSlug, hit)} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {isLabelMarked ? <Snippet parts={hit.snippet} /> : abbreviate(hit.label, 160)}
                </Link>
                {hit.article && hit.kind !== "article" ? <span className="text-xs text-slate-600">in {hit.article.title}</span> : null}
              </p>
              {isLabelMarked ? null : (
                <p className="text-sm text-slate-700">
                  <Snippet parts={hit.snippet} />
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {group.nextCursor ? (
        <p className="mt-2 text-sm">
          <Link href={moreHref(group.kind, group.nextCursor)} className="text-brand-700 underline">
            More {label.many.toLowerCase()}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function Snippet({ parts }: { parts: SnippetPart[] }) {
  return parts.map((part, index) =>
    part.isMatch ? (
      <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 font-medium text-slate-900">
        {part.text}
      </mark>
    ) : (
      <span key={index}>{part.text}</span>
    ),
  );
}
