import Link from "next/link";
import { StatusBadge } from "@/components/workspace/status";

type ClaimHeaderProps = {
  team: string;
  article: { id: string; title: string; outlet: string | null };
  number: number | null;
  claimCount: number;
  previousId: string | null;
  nextId: string | null;
  statement: string;
  quote: string;
  status: string;
  help: React.ReactNode;
};

const linkClasses = "rounded px-1 text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600";

/** Where the claim sits (article, number, neighbours), its statement and the passage it comes from. */
export function ClaimHeader({ team, article, number, claimCount, previousId, nextId, statement, quote, status, help }: ClaimHeaderProps) {
  const articleHref = `/t/${team}/articles/${article.id}`;
  return (
    <header className="space-y-4 rounded-lg border border-slate-200 bg-white px-5 py-5 shadow-sm sm:px-8">
      <nav aria-label="Claim navigation" className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <Link href={articleHref} className={linkClasses} aria-keyshortcuts="Escape">
          <span aria-hidden="true">↩ </span>Back to the article: {article.title}
        </Link>
        <Link href={`${articleHref}/sources`} className={linkClasses}>
          Source map
        </Link>
        <span className="flex-1" />
        <NeighbourLink team={team} articleId={article.id} claimId={previousId} rel="prev" keys="k [">
          <span aria-hidden="true">← </span>Previous claim
        </NeighbourLink>
        <span className="font-medium text-slate-700">{number ? `Claim ${number} of ${claimCount}` : `Deleted claim (${claimCount} in the article)`}</span>
        <NeighbourLink team={team} articleId={article.id} claimId={nextId} rel="next" keys="j ]">
          Next claim<span aria-hidden="true"> →</span>
        </NeighbourLink>
      </nav>
      <div className="space-y-3">
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <StatusBadge status={status} />
          {article.outlet ? <span>From {article.outlet}</span> : null}
        </div>
        <h1 className="text-2xl leading-snug font-semibold text-slate-900">{statement}</h1>
        <figure>
          <figcaption className="text-xs font-medium tracking-wide text-slate-500 uppercase">Passage in the article</figcaption>
          <blockquote className="mt-1 border-l-4 border-slate-300 pl-4 font-serif text-slate-700 italic">{quote}</blockquote>
        </figure>
      </div>
      {help}
    </header>
  );
}

function NeighbourLink({
  team,
  articleId,
  claimId,
  rel,
  keys,
  children,
}: {
  team: string;
  articleId: string;
  claimId: string | null;
  rel: "prev" | "next";
  keys: string;
  children: React.ReactNode;
}) {
  if (!claimId) {
    return (
      <span className="px-1 text-slate-400" aria-disabled="true">
        {children}
      </span>
    );
  }
  return (
    <Link href={`/t/${team}/articles/${articleId}/claims/${claimId}`} rel={rel} className={linkClasses} aria-keyshortcuts={keys}>
      {children}
    </Link>
  );
}
