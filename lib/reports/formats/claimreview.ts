import { normalizeSourceName } from "@/lib/sources/normalize";
import type { SourceKind } from "@/lib/sources/types";
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
 * - `itemReviewed` is a Claim appearing in the article (`appearance`, the article URL). Its
 *   `author` is who made the claim: when the claim is attributed (a chain of "states" citations
 *   ends at a person, an organisation or an outlet, as "according to Kartapolov" is traced to
 *   Kartapolov), that source, typed by its kind in the registry (a person is a Person, an outlet
 *   or organisation an Organization); otherwise the article's author, or else its outlet. An
 *   author whose name is the outlet's or that of an outlet or organisation the report cites
 *   (bylines such as "Reuters") is an Organization, never a Person.
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
    /** Several when the claim is attributed to several sources. */
    author?: Party | Party[];
    datePublished?: string;
    appearance?: { "@type": "Article"; url: string; headline: string; publisher?: Party; datePublished?: string };
  };
  isBasedOn: { "@type": "Report"; name: string; identifier: string; dateCreated: string };
};

function withFragment(base: string, number: number): string {
  const hash = base.indexOf("#");
  return `${hash < 0 ? base : base.slice(0, hash)}#claim-${number}`;
}

/** Kinds of source that can make a claim; documents and data sets are what claims rest on. */
const CLAIMANT_TYPES: Partial<Record<SourceKind, Party["@type"]>> = { person: "Person", organisation: "Organization", outlet: "Organization" };

/** The normalised names the report knows as organisations: the article's outlet and every cited outlet or organisation. */
function collectOrganisationNames(report: FingerprintedReport): Set<string> {
  const names = new Set<string>();
  if (report.article.outlet) names.add(normalizeSourceName(report.article.outlet));
  for (const claim of report.claims) {
    for (const { source } of claim.citations) {
      if (CLAIMANT_TYPES[source.kind] === "Organization") names.add(normalizeSourceName(source.name));
    }
  }
  return names;
}

/** The article's author (an Organization when the name is an outlet's), or else its outlet. */
function buildArticleAuthor(article: FingerprintedReport["article"], organisations: Set<string>): Party | undefined {
  if (article.author) return { "@type": organisations.has(normalizeSourceName(article.author)) ? "Organization" : "Person", name: article.author };
  if (article.outlet) return { "@type": "Organization", name: article.outlet };
  return undefined;
}

/**
 * Whom the claim is attributed to: the sources where its chains of "states" citations end (a
 * chain ends at the citation that relays nobody), when they are people, organisations or outlets.
 */
export function findClaimants(claim: ReportClaim): Party[] {
  const claimants = new Map<string, Party>();
  for (const citation of claim.citations) {
    const type = CLAIMANT_TYPES[citation.source.kind];
    if (citation.relation !== "states" || citation.viaCitationId !== null || !type) continue;
    claimants.set(normalizeSourceName(citation.source.name), { "@type": type, name: citation.source.name });
  }
  return [...claimants.values()];
}

function buildItemReviewed(claim: ReportClaim, article: FingerprintedReport["article"], articleAuthor: Party | undefined): ClaimReviewObject["itemReviewed"] {
  const item: ClaimReviewObject["itemReviewed"] = { "@type": "Claim" };
  const claimants = findClaimants(claim);
  const author = claimants.length > 1 ? claimants : (claimants[0] ?? articleAuthor);
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
  const articleAuthor = buildArticleAuthor(report.article, collectOrganisationNames(report));
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
    itemReviewed: buildItemReviewed(claim, report.article, articleAuthor),
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
