import Link from "next/link";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { PassageDiff } from "@/components/claim/passage-diff";
import { Notice } from "@/components/ui/notice";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { getCapture, type TextRange } from "@/lib/sources/capture-queries";
import { formatMoment } from "@/lib/text/dates";

export const metadata = { title: "Page snapshot" };

// Glyph and label as well as colour, so the reading never rests on colour alone.
const PASSAGE_STATES: Record<string, { glyph: string; label: string; className: string }> = {
  found: { glyph: "✓", label: "Passage found word for word", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  fuzzy: { glyph: "≈", label: "Passage found approximately", className: "bg-amber-50 text-amber-900 ring-amber-200" },
  missing: { glyph: "✕", label: "Passage not found", className: "bg-red-50 text-red-800 ring-red-200" },
  no_passage: { glyph: "–", label: "No passage cited", className: "bg-slate-100 text-slate-700 ring-slate-200" },
  failed: { glyph: "!", label: "Page could not be captured", className: "bg-red-50 text-red-800 ring-red-200" },
};

export default async function CaptureSnapshotPage({ params }: PageProps<"/t/[team]/captures/[captureId]">) {
  const { team: slug, captureId } = await params;
  const { team } = await requirePageTeam(slug);
  const capture = await getCapture(db, team.id, captureId);
  if (!capture) notFound();
  const state = PASSAGE_STATES[capture.passageState] ?? PASSAGE_STATES.failed!;
  const score = capture.passageState === "fuzzy" && capture.passageScore !== null ? ` (${Math.round(capture.passageScore * 100)}% match)` : "";
  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <Link href={`/t/${team.slug}/articles/${capture.citation.claim.articleId}`} className="text-sm text-brand-700 underline underline-offset-2">
          Back to the article
        </Link>
        <h1 className="font-serif text-2xl font-semibold text-slate-950">Snapshot of {capture.citation.source.name}</h1>
        <p className="text-sm text-slate-600">Cited for: {capture.citation.claim.statement}</p>
        <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${state.className}`}>
          <span aria-hidden="true">{state.glyph}</span>
          {state.label}
          {score}
        </span>
      </header>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-slate-700">Cited link</dt>
        <dd className="break-all"><ExternalLink url={capture.url} /></dd>
        {capture.finalUrl && capture.finalUrl !== capture.url ? (
          <>
            <dt className="font-medium text-slate-700">Arrived at</dt>
            <dd className="break-all"><ExternalLink url={capture.finalUrl} /></dd>
          </>
        ) : null}
        <dt className="font-medium text-slate-700">Fetched</dt>
        <dd>
          <time dateTime={capture.fetchedAt.toISOString()}>{formatMoment(capture.fetchedAt)}</time> by {capture.fetchedBy.name}
          {capture.httpStatus ? ` · HTTP ${capture.httpStatus}` : ""}
          {capture.contentType ? ` · ${capture.contentType}` : ""}
        </dd>
        <dt className="font-medium text-slate-700">SHA-256</dt>
        <dd className="font-mono text-xs break-all">{capture.sha256 ?? "none (nothing was stored)"}</dd>
      </dl>
      {capture.error ? <Notice tone="error">{capture.error}</Notice> : null}
      {capture.citation.passage ? (
        <section aria-labelledby="cited-passage" className="space-y-1">
          <h2 id="cited-passage" className="text-sm font-semibold text-slate-800">Cited passage</h2>
          <blockquote className="border-l-4 border-slate-300 pl-3 font-serif text-slate-800">{capture.citation.passage}</blockquote>
          {capture.comparedWording && capture.passageWording && capture.passageState !== "found" ? (
            <PassageDiff before={capture.comparedWording} after={capture.passageWording} sourceName={capture.citation.source.name} />
          ) : null}
          {capture.highlights.length > 0 ? (
            <a href="#passage" className="text-sm text-brand-700 underline underline-offset-2">Jump to it in the snapshot</a>
          ) : null}
        </section>
      ) : null}
      {capture.text !== null ? (
        <section aria-labelledby="snapshot-text" className="space-y-2">
          <h2 id="snapshot-text" className="text-sm font-semibold text-slate-800">Readable text as captured</h2>
          <div className="rounded-lg border border-slate-200 bg-white p-6 font-serif leading-relaxed whitespace-pre-wrap text-slate-900">
            <HighlightedText text={capture.text} ranges={capture.highlights} />
          </div>
        </section>
      ) : null}
    </article>
  );
}

/** Plain text with the passage marked; React escapes every piece, so no page markup can run. */
function HighlightedText({ text, ranges }: { text: string; ranges: TextRange[] }) {
  let cursor = 0;
  const parts: React.ReactNode[] = [];
  ranges.forEach((range, index) => {
    parts.push(<Fragment key={`t${index}`}>{text.slice(cursor, range.start)}</Fragment>);
    parts.push(
      <mark key={`m${index}`} id={index === 0 ? "passage" : undefined} className="rounded-sm bg-yellow-200 px-0.5 underline decoration-yellow-700 decoration-2">
        {text.slice(range.start, range.end)}
      </mark>,
    );
    cursor = range.end;
  });
  parts.push(<Fragment key="rest">{text.slice(cursor)}</Fragment>);
  return <>{parts}</>;
}

/** Only http(s) addresses become links; anything else is shown as text. */
function ExternalLink({ url }: { url: string }) {
  if (!/^https?:\/\//i.test(url)) return <span>{url}</span>;
  return (
    <a href={url} target="_blank" rel="noreferrer noopener" className="text-brand-700 underline underline-offset-2">
      {url}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
