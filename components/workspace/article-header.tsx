import Link from "next/link";
import { formatDay, formatMoment } from "@/lib/text/dates";

/** Headline and byline: outlet, author, date and which version of the text is shown. */
export function ArticleHeader({
  title,
  outlet,
  author,
  url,
  publishedAt,
  versionNumber,
  versionCount,
  importedAt,
  newVersionHref,
  refetchHref,
  capture,
  sourceMapHref,
  reportHref,
}: {
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: Date | null;
  versionNumber: number;
  versionCount: number;
  importedAt: Date;
  /** Shown to those who may import: where to bring in an updated text. */
  newVersionHref?: string;
  /** Shown to those who may import, for an article with an address: fetch it again as a new version. */
  refetchHref?: string;
  /** The page this version was fetched from, when it was imported by its address. */
  capture?: { finalUrl: string; fetchedAt: Date; pageSha256: string } | null;
  /** The article's source map: which claims rest on a single origin repeated by several sources. */
  sourceMapHref?: string;
  /** Where every member exports the verification report. */
  reportHref?: string;
}) {
  const parts = [outlet, author ? `By ${author}` : null].filter(Boolean);
  return (
    <header>
      <h1 className="font-serif text-3xl leading-tight font-semibold text-slate-950 sm:text-[2.1rem]">{title}</h1>
      <p className="mt-3 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
        {parts.map((part) => (
          <span key={part} className="after:ml-2 after:content-['·'] last:after:content-none">
            {part}
          </span>
        ))}
        {publishedAt ? (
          <span>
            <span className="sr-only">Published </span>
            <time dateTime={publishedAt.toISOString()}>{formatDay(publishedAt)}</time>
          </span>
        ) : null}
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-200 ring-inset">
          Version {versionNumber}
          {versionCount > 1 ? ` of ${versionCount}` : ""} · imported {formatDay(importedAt)}
        </span>
        {url ? (
          <a href={url} target="_blank" rel="noreferrer noopener" className="text-brand-700 underline underline-offset-2">
            Original<span className="sr-only"> article (opens in a new tab)</span>
          </a>
        ) : null}
        {sourceMapHref ? (
          <Link href={sourceMapHref} className="text-brand-700 underline underline-offset-2">
            Source map
          </Link>
        ) : null}
        {reportHref ? (
          <Link href={reportHref} className="text-brand-700 underline underline-offset-2">
            Report
          </Link>
        ) : null}
        {newVersionHref ? (
          <Link href={newVersionHref} className="text-brand-700 underline underline-offset-2">
            Import a new version
          </Link>
        ) : null}
        {refetchHref ? (
          <Link href={refetchHref} className="text-brand-700 underline underline-offset-2">
            Re-fetch
          </Link>
        ) : null}
      </p>
      {capture ? (
        <p className="mt-1 text-xs text-slate-600" data-testid="version-capture">
          This version was fetched from <span className="break-all">{capture.finalUrl}</span> on{" "}
          <time dateTime={capture.fetchedAt.toISOString()}>{formatMoment(capture.fetchedAt)}</time> · page fingerprint{" "}
          <abbr title={`SHA-256 ${capture.pageSha256}`} className="font-mono no-underline">
            {capture.pageSha256.slice(0, 12)}
          </abbr>
        </p>
      ) : null}
    </header>
  );
}
