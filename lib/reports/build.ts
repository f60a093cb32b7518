import { toChainCitation, toChainSource } from "@/lib/citations/chain-input";
import { traceArticle } from "@/lib/sources/source-map";
import type { Source } from "@/lib/sources/types";
import { stripUnsafeCharactersDeep } from "@/lib/text/unsafe-characters";
import { readVerificationSettings } from "@/lib/verification/settings";
import { BEST_RATING, VERDICTS, WORST_RATING, defineVerdict } from "@/lib/verification/verdicts";
import { buildReportClaim } from "./build-claim";
import type { ReportData } from "./data";
import { REPORT_SCHEMA_ID, REPORT_SCHEMA_VERSION } from "./model";
import type { Report, ReportOptions } from "./model";
import { summarizeClaims } from "./summary";

export type BuildReportOptions = ReportOptions & {
  generatedAt: Date;
  generatedBy: { name: string; email?: string | null };
};

function groupByClaim<T extends { claimId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.claimId);
    if (group) group.push(row);
    else groups.set(row.claimId, [row]);
  }
  return groups;
}

/**
 * The verification report from loaded data: pure, so the same data and options give the same
 * report. The generation time and the person who asked are recorded in it but left out of its
 * fingerprint, which covers what the report says (lib/reports/fingerprint.ts).
 */
export function buildReport(data: ReportData, options: BuildReportOptions): Report {
  const { labels, rules } = readVerificationSettings(data.team);
  const reportOptions: ReportOptions = { includeHistory: options.includeHistory, includeComments: options.includeComments, finalOnly: options.finalOnly };
  const citations = groupByClaim(data.citations);
  const events = groupByClaim(data.events);
  const comments = groupByClaim(data.comments);
  const sources = new Map<string, Source>(data.citations.map((row) => [row.sourceId, toChainSource(row.source)]));
  const map = traceArticle(
    data.claims.map((claim) => ({ id: claim.id, citations: (citations.get(claim.id) ?? []).map(toChainCitation) })),
    sources,
  );
  const claims = data.claims.map((row, index) =>
    buildReportClaim(
      { row, number: index + 1, citations: citations.get(row.id) ?? [], provenance: map.claims[index], events: events.get(row.id) ?? [], comments: comments.get(row.id) ?? [] },
      { options: reportOptions, rules, labels },
    ),
  );
  const { article, version } = data;
  // Text stored before control and bidi characters were stripped at the boundary is cleaned
  // here, once, so every format prints the same clean text and the fingerprint covers it.
  return stripUnsafeCharactersDeep({
    schema: REPORT_SCHEMA_ID,
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: options.generatedAt.toISOString(),
    generatedBy: { name: options.generatedBy.name, email: options.generatedBy.email ?? null },
    options: reportOptions,
    team: { name: data.team.name, slug: data.team.slug, rules: { requireSignOff: rules.requireSignOff, accurateNeeds: rules.accurateNeeds } },
    scale: {
      bestRating: BEST_RATING,
      worstRating: WORST_RATING,
      verdicts: VERDICTS.map((key) => ({ key, ...defineVerdict(key, labels) })),
    },
    article: {
      id: article.id,
      title: article.title,
      outlet: article.outlet,
      author: article.author,
      url: article.url,
      publishedAt: article.publishedAt ? article.publishedAt.toISOString().slice(0, 10) : null,
      importedAt: article.createdAt.toISOString(),
      version: {
        number: version.number,
        count: data.versionCount,
        importedAt: version.createdAt.toISOString(),
        importedBy: version.createdBy.name,
        contentHash: version.contentHash,
        source: version.source,
      },
    },
    summary: summarizeClaims(claims),
    claims,
  } satisfies Report);
}
