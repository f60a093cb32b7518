import { claimStatusDisplay, isClaimStatus } from "@/lib/claims/status";
import { traceClaim } from "@/lib/sources/chain";
import { toSourceMap } from "@/lib/sources/lookup";
import type { Citation, Source } from "@/lib/sources/types";
import { isSupportingRelation } from "@/lib/sources/types";
import { stripUnsafeCharactersDeep } from "@/lib/text/unsafe-characters";
import { listCaptureWarnings } from "@/lib/verification/capture-warnings";
import { isSignOffCurrent } from "@/lib/verification/judgement";
import { isVerdictFinal } from "@/lib/verification/rules";
import type { TeamRules } from "@/lib/verification/rules";
import { defineVerdict, isVerdict } from "@/lib/verification/verdicts";
import type { TeamVerdictLabels, Verdict } from "@/lib/verification/verdicts";
import type { ReportRange } from "./date-range";

/** The JSON form's name and version; a change of a field's meaning makes a v2. */
export const TEAM_EXPORT_SCHEMA = "factdesk.team-export/v1";

type Person = { name: string } | null;
export type TeamExportClaimRow = {
  id: string; articleId: string; statement: string; quote: string; status: string; verdict: string | null; rationale: string | null;
  verdictById: string | null; verdictAt: Date | null; signedOffById: string | null; signedOffAt: Date | null; signedOffDigest: string | null;
  verdictBy: Person; signedOffBy: Person;
};
/** What `loadTeamExport` reads: live claims in list order, live citations as chain analysis types them. */
export type TeamExportData = {
  team: { name: string; slug: string };
  labels: TeamVerdictLabels;
  rules: TeamRules;
  articles: { id: string; title: string; outlet: string | null; url: string | null; createdAt: Date }[];
  claims: TeamExportClaimRow[];
  citations: Citation[];
  /** Each live citation's latest capture state ("changed", "vanished", …), by citation id. */
  captureStates: Map<string, string | null>;
  sources: Source[];
};

export type TeamExportClaim = {
  id: string; number: number; statement: string; status: string; statusLabel: string;
  verdict: { key: Verdict; label: string; rating: number | null } | null;
  rationale: string | null; verdictBy: string | null; verdictAt: string | null;
  signedOffBy: string | null; signedOffAt: string | null; isFinal: boolean;
  /** Where its supporting chains end; only a `reached` one is an origin (the others are as far as the trace got). */
  origins: { name: string; reached: boolean }[];
  singleOrigin: boolean;
  /** As in the article's report: the chain's warnings, then the captures' (a cited passage changed or vanished). */
  warnings: { kind: string; message: string }[];
};
export type TeamExportArticle = { id: string; title: string; outlet: string | null; url: string | null; importedAt: string; claims: TeamExportClaim[] };
export type TeamExport = {
  schema: typeof TEAM_EXPORT_SCHEMA;
  team: { name: string; slug: string };
  range: { from: string; to: string; timeZone: "UTC" };
  generatedAt: string;
  generatedBy: { name: string; email: string | null };
  articles: TeamExportArticle[];
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row));
    if (group) group.push(row);
    else groups.set(keyOf(row), [row]);
  }
  return groups;
}

function toClaim(row: TeamExportClaimRow, number: number, citations: Citation[], sources: ReadonlyMap<string, Source>, data: TeamExportData): TeamExportClaim {
  const trace = traceClaim(citations, sources);
  const definition = row.verdict && isVerdict(row.verdict) ? { key: row.verdict, ...defineVerdict(row.verdict, data.labels) } : null;
  // As in the article's report: a sign-off counts only for what it was given for.
  const isSignedOff = isSignOffCurrent(row, citations);
  const captureWarnings = listCaptureWarnings(citations.map((citation) => ({
    id: citation.id,
    relation: citation.relation,
    captureState: data.captureStates.get(citation.id) ?? null,
    sourceName: sources.get(citation.sourceId)?.name ?? "a source",
  })));
  return {
    id: row.id,
    number,
    statement: row.statement,
    status: row.status,
    statusLabel: isClaimStatus(row.status) ? claimStatusDisplay[row.status].label : row.status,
    verdict: definition && { key: definition.key, label: definition.label, rating: definition.ratingValue },
    rationale: row.rationale,
    verdictBy: row.verdictBy?.name ?? null,
    verdictAt: iso(row.verdictAt),
    signedOffBy: isSignedOff ? (row.signedOffBy?.name ?? null) : null,
    signedOffAt: isSignedOff ? iso(row.signedOffAt) : null,
    isFinal: Boolean(definition && row.verdictById) && isVerdictFinal({ teamRules: data.rules, verdictBy: row.verdictById as string, signedOffBy: isSignedOff ? row.signedOffById : null }),
    origins: trace.origins.filter((origin) => origin.relations.some(isSupportingRelation)).map(({ name, reached }) => ({ name, reached })),
    singleOrigin: trace.tally.restsOnSingleOrigin,
    warnings: [...trace.warnings, ...captureWarnings].map(({ kind, message }) => ({ kind, message })),
  };
}

/** The export as one object: articles oldest first, each with its live claims numbered as in the article. */
export function buildTeamExport(data: TeamExportData, meta: { range: ReportRange; generatedAt: Date; generatedBy: { name: string; email: string | null } }): TeamExport {
  const citationsByClaim = groupBy(data.citations, (citation) => citation.claimId);
  const claimsByArticle = groupBy(data.claims, (claim) => claim.articleId);
  const sources = toSourceMap(data.sources);
  // As in the article report (build.ts): stored control and bidi characters are never printed.
  return stripUnsafeCharactersDeep({
    schema: TEAM_EXPORT_SCHEMA,
    team: data.team,
    range: { from: meta.range.from, to: meta.range.to, timeZone: "UTC" },
    generatedAt: meta.generatedAt.toISOString(),
    generatedBy: meta.generatedBy,
    articles: data.articles.map((article) => ({
      id: article.id,
      title: article.title,
      outlet: article.outlet,
      url: article.url,
      importedAt: article.createdAt.toISOString(),
      claims: (claimsByArticle.get(article.id) ?? []).map((claim, index) =>
        toClaim(claim, index + 1, citationsByClaim.get(claim.id) ?? [], sources, data)),
    })),
  } satisfies TeamExport);
}
