import type { ClaimReviewRating } from "@/lib/verification/verdicts";
import type { FingerprintedReport, ReportClaim } from "../model";

/**
 * schema.org ClaimReview markup, one object per claim with a final verdict, following Google's
 * fact-check structured data guidelines (developers.google.com/search/docs/appearance/
 * structured-data/factcheck). Choices:
 * - Only final verdicts, whatever the report's options: markup is for publishing, and a verdict
 *   awaiting sign-off is not the team's conclusion yet.
 * - `url` is the page that hosts the fact check, which Google requires to be on the same domain
 *   as the page carrying the markup; with several reviews on one page each needs its own anchor,
 *   so it is `reviewUrl#claim-N` (the HTML report gives each claim that id). Without a
 *   `reviewUrl` it falls back to the article's address, for teams checking their own outlet.
 * - `claimReviewed` is the editor's full statement: Google suggests under 75 characters, but
 *   cutting a claim short would misquote it.
 * - `reviewRating` always has `alternateName` (the team's published wording); the 1-5 numbers
 *   come with it except for "not checkable", which is not a judgement of truth.
 * - `itemReviewed` is a Claim whose author is the article's author (a Person) or else its
 *   outlet (an Organization), appearing in the article (`appearance`, the article URL).
 * - `datePublished` is the day the verdict became final (its sign-off, else when given).
 * - `isBasedOn` names this report and its fingerprint, so the markup can be traced back to the
 *   signed record; search engines ignore it.
 * Google has announced it is phasing out ClaimReview rich results in Search; the markup stays
 * readable by Fact Check Explorer and other fact-check aggregators.
 */

export type ClaimReviewOptions = { reviewUrl?: string | null };

type Party = { "@type": "Person" | "Organization"; name: string };

export type ClaimReviewObject = {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url?: string;
  claimReviewed: string;
  datePublished: string;
  author: Party;
  reviewRating: ClaimReviewRating;
  itemReviewed: {
    "@type": "Claim";
    author?: Party;
    datePublished?: string;
    appearance?: { "@type": "Article"; url: string; headline: string; publisher?: Party; datePublished?: string };
  };
  isBasedOn: { "@type": "Report"; name: string; identifier: string; dateCreated: string };
};

function withFragment(base: string, number: number): string {
  const hash = base.indexOf("#");
  return `${hash < 0 ? base : base.slice(0, hash)}#claim-${number}`;
}

function buildClaimAuthor(article: FingerprintedReport["article"]): Party | undefined {
  if (article.author) return { "@type": "Person", name: article.author };
  if (article.outlet) return { "@type": "Organization", name: article.outlet };
  return undefined;
}

function buildItemReviewed(article: FingerprintedReport["article"]): ClaimReviewObject["itemReviewed"] {
  const item: ClaimReviewObject["itemReviewed"] = { "@type": "Claim" };
  const author = buildClaimAuthor(article);
  if (author) item.author = author;
  if (article.publishedAt) item.datePublished = article.publishedAt;
  if (article.url) {
    item.appearance = { "@type": "Article", url: article.url, headline: article.title };
    if (article.outlet) item.appearance.publisher = { "@type": "Organization", name: article.outlet };
    if (article.publishedAt) item.appearance.datePublished = article.publishedAt;
  }
  return item;
}

export function buildClaimReviews(report: FingerprintedReport, options: ClaimReviewOptions = {}): ClaimReviewObject[] {
  const base = options.reviewUrl || report.article.url;
  const itemReviewed = buildItemReviewed(report.article);
  const isBasedOn = {
    "@type": "Report" as const,
    name: `Verification report: ${report.article.title}`,
    identifier: `sha256:${report.fingerprint.value}`,
    dateCreated: report.generatedAt,
  };
  const reviewed = report.claims.filter((claim): claim is ReportClaim & { verdict: NonNullable<ReportClaim["verdict"]> } =>
    claim.verdictState === "final" && claim.verdict !== null);
  return reviewed.map((claim) => ({
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    ...(base ? { url: withFragment(base, claim.number) } : {}),
    claimReviewed: claim.statement,
    datePublished: (claim.signedOffAt ?? claim.verdictAt ?? report.generatedAt).slice(0, 10),
    author: { "@type": "Organization", name: report.team.name },
    reviewRating: { ...claim.verdict.rating },
    itemReviewed,
    isBasedOn,
  }));
}

/**
 * A JSON array of self-contained objects: each can be pasted on its own into a page's
 * `<script type="application/ld+json">`. Every "<" is written as \u003c (the same JSON value),
 * so a statement quoting "</script>" cannot end that script element early.
 */
export function renderReportClaimReview(report: FingerprintedReport, options: ClaimReviewOptions = {}): string {
  return `${JSON.stringify(buildClaimReviews(report, options), null, 2).replaceAll("<", "\\u003c")}\n`;
}
