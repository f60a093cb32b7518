import type { Db } from "@/lib/config/prisma-client";
import { isClaimStatus, type ClaimStatus } from "@/lib/claims/status";
import { isSignOffCurrent } from "@/lib/verification/judgement";
import { normalizeSourceName } from "./normalize";
import { isVerdict, labelVerdict, type TeamVerdictLabels } from "@/lib/verification/verdicts";
import type { ChainWarningKind } from "./chain-types";
import { classifyProvenance, listWarningKinds, type ProvenanceGlance } from "./map-overview";
import { traceArticle, type ClaimProvenance, type SourceUsage } from "./source-map";
import { readRelation } from "./stored";
import { SOURCE_KINDS } from "./types";
import type { Citation, Source, SourceKind } from "./types";

const sourceFields = { id: true, name: true, kind: true, homepage: true, domains: true, nameKey: true, mergedIntoId: true } as const;

const citationFields = {
  id: true,
  claimId: true,
  sourceId: true,
  url: true,
  passage: true,
  relation: true,
  viaCitationId: true,
  isOrigin: true,
} as const;

/** What tracing a claim reads of it; a caller that has read these already passes them in. */
export const TRACED_CLAIM_FIELDS = {
  id: true, statement: true, quote: true, status: true, verdict: true, rationale: true, verdictById: true, signedOffById: true, signedOffDigest: true, assigneeId: true,
} as const;

type TracedClaimRow = { [Field in keyof typeof TRACED_CLAIM_FIELDS]: Awaited<ReturnType<Db["claim"]["findFirstOrThrow"]>>[Field] };

/**
 * Which claims to trace. A claim's trace rests on its own citations only, so a few named claims
 * are traced from their citations alone. A caller that has read the claims (with
 * TRACED_CLAIM_FIELDS) passes them as `rows`, and they are not read twice.
 */
export type TraceScope =
  /** The article's live claims in list order: read here, or passed by a caller that read them (the workspace page). */
  | { of: "article"; rows?: readonly TracedClaimRow[] }
  /** Some of the article's live claims, as a caller read them (a live patch's named claims). */
  | { of: "named"; rows: readonly TracedClaimRow[] };

const WHOLE_ARTICLE: TraceScope = { of: "article" };

/**
 * The claims of `scope` with their live citations and those citations' sources: four flat
 * queries (claims, citations, sources, assignees) whatever the numbers, joined here. Flat rows
 * cost Prisma's client engine a third of nested ones (1,000 claims with 3,000 citations: about
 * 100 ms against 300 ms).
 */
async function loadClaimsWithCitations(db: Db, teamId: string, articleId: string, scope: TraceScope) {
  const [claims, citations] = await Promise.all([
    scope.rows ?? db.claim.findMany({ where: { articleId, teamId, deletedAt: null }, orderBy: { position: "asc" }, select: TRACED_CLAIM_FIELDS }),
    db.citation.findMany({
      where: { teamId, deletedAt: null, ...(scope.of === "named" ? { claimId: { in: scope.rows.map(({ id }) => id) } } : {}), claim: { articleId, deletedAt: null } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: citationFields,
    }),
  ]);
  const assigneeIds = [...new Set(claims.flatMap((claim) => (claim.assigneeId ? [claim.assigneeId] : [])))];
  const [sources, assignees] = await Promise.all([
    db.source.findMany({ where: { teamId, id: { in: [...new Set(citations.map((citation) => citation.sourceId))] } }, select: sourceFields }),
    db.user.findMany({ where: { id: { in: assigneeIds } }, select: { id: true, name: true } }),
  ]);
  const sourceById = new Map(sources.map((source) => [source.id, source]));
  const assigneeById = new Map(assignees.map((assignee) => [assignee.id, assignee]));
  const citationsByClaim = new Map<string, Array<(typeof citations)[number] & { source: (typeof sources)[number] }>>();
  for (const citation of citations) {
    const source = sourceById.get(citation.sourceId);
    if (!source) continue;
    const list = citationsByClaim.get(citation.claimId) ?? [];
    list.push({ ...citation, source });
    citationsByClaim.set(citation.claimId, list);
  }
  return claims.map(({ assigneeId, ...claim }) => ({
    ...claim,
    assignee: assigneeId ? (assigneeById.get(assigneeId) ?? null) : null,
    citations: citationsByClaim.get(claim.id) ?? [],
  }));
}

type ClaimRow = Awaited<ReturnType<typeof loadClaimsWithCitations>>[number];
type SourceRow = ClaimRow["citations"][number]["source"];

/** Traces the claims of `scope`; the shared core of the source map and the workspace list. */
async function traceLiveClaims(db: Db, teamId: string, articleId: string, scope: TraceScope = WHOLE_ARTICLE) {
  const [rows, team] = await Promise.all([
    loadClaimsWithCitations(db, teamId, articleId, scope),
    db.team.findUnique({ where: { id: teamId }, select: { verdictLabels: true } }),
  ]);
  const sources = new Map<string, Source>();
  for (const row of rows) for (const citation of row.citations) sources.set(citation.sourceId, toSource(citation.source));
  const claims = rows.map((row) => ({ id: row.id, citations: row.citations.map(toCitation) }));
  const map = traceArticle(claims, sources);
  const labels = parseVerdictLabels(team?.verdictLabels);
  const traced = rows.map((row, index) => {
    const provenance = map.claims[index]!;
    return {
      row,
      provenance,
      citationCount: row.citations.length,
      glance: classifyProvenance(provenance.trace, row.citations.length),
      verdictLabel: isVerdict(row.verdict) ? labelVerdict(row.verdict, labels) : null,
    };
  });
  return { traced, sources: map.sources };
}

export type SourceMapClaim = {
  id: string;
  number: number;
  statement: string;
  status: ClaimStatus;
  verdict: string | null;
  verdictLabel: string | null;
  citationCount: number;
  provenance: ClaimProvenance;
  glance: ProvenanceGlance;
};

export type ArticleSourceMapView = {
  article: { id: string; title: string; outlet: string | null };
  claims: SourceMapClaim[];
  /** Sources most leaned on first (see `traceArticle`). */
  sources: SourceUsage[];
};

/** The article's source map: every live claim traced to its origins. Null for another team's article. */
export async function getArticleSourceMap(db: Db, teamId: string, articleId: string): Promise<ArticleSourceMapView | null> {
  const article = await db.article.findFirst({ where: { id: articleId, teamId }, select: { id: true, title: true, outlet: true } });
  if (!article) return null;
  const { traced, sources } = await traceLiveClaims(db, teamId, articleId);
  const claims = traced.map(({ row, provenance, glance, citationCount, verdictLabel }, index): SourceMapClaim => ({
    id: row.id,
    number: index + 1,
    statement: row.statement,
    status: isClaimStatus(row.status) ? row.status : "unchecked",
    verdict: row.verdict,
    verdictLabel,
    citationCount,
    provenance,
    glance,
  }));
  return { article, claims, sources };
}

/** What the workspace list shows of a claim's provenance and review, beside its statement. */
export type ClaimTraceSummary = {
  claimId: string;
  originCount: number;
  restsOnSingleOrigin: boolean;
  glance: ProvenanceGlance;
  summary: string;
  warningKinds: ChainWarningKind[];
  citationCount: number;
  verdictLabel: string | null;
  /** Who gave the verdict, and whether a sign-off covers it now (decision 0008): for "awaiting sign-off". */
  verdictById: string | null;
  isSignedOff: boolean;
  assignee: { id: string; name: string } | null;
  /**
   * Whether a live citation of the claim cites the article's outlet as the registry holds it (the
   * source "Cite the outlet" would find: its name key, not merged away), so citing the outlet again
   * adds nothing and withdraws no sign-off (`citeOutletForClaims`).
   */
  citesOutlet: boolean;
};

/**
 * Per claim of `scope` (by default every live claim of the article), keyed by claim id; a fixed
 * number of queries. The workspace page passes the claims and the article (its outlet) it has
 * read; a live patch passes the few claims a colleague changed.
 */
export async function loadClaimTraceSummaries(
  db: Db,
  teamId: string,
  articleId: string,
  scope: TraceScope = WHOLE_ARTICLE,
  knownArticle?: { outlet: string | null },
): Promise<Map<string, ClaimTraceSummary>> {
  const [{ traced }, article] = await Promise.all([
    traceLiveClaims(db, teamId, articleId, scope),
    knownArticle ?? db.article.findFirst({ where: { id: articleId, teamId }, select: { outlet: true } }),
  ]);
  const outlet = article?.outlet?.trim();
  const outletKey = outlet ? normalizeSourceName(outlet) : null;
  return new Map(
    traced.map(({ row, provenance, glance, citationCount, verdictLabel }) => [
      row.id,
      {
        claimId: row.id,
        originCount: provenance.originCount,
        restsOnSingleOrigin: provenance.restsOnSingleOrigin,
        glance,
        summary: provenance.trace.summary,
        warningKinds: listWarningKinds(provenance.trace),
        citationCount,
        verdictLabel,
        verdictById: row.verdictById,
        isSignedOff: isSignOffCurrent(row, row.citations),
        assignee: row.assignee,
        citesOutlet: outletKey !== null && row.citations.some(({ source }) => source.nameKey === outletKey && source.mergedIntoId === null),
      },
    ]),
  );
}

function toSource(row: SourceRow): Source {
  return { id: row.id, name: row.name, kind: readKind(row.kind), homepage: row.homepage, domains: parseDomains(row.domains) };
}

function toCitation(row: ClaimRow["citations"][number]): Citation {
  return {
    id: row.id,
    claimId: row.claimId,
    sourceId: row.sourceId,
    url: row.url,
    passage: row.passage,
    relation: readRelation(row.relation),
    viaCitationId: row.viaCitationId,
    isOrigin: row.isOrigin,
  };
}

function readKind(kind: string): SourceKind {
  // An unknown kind from older data is worded neutrally ("source", not "outlet").
  return (SOURCE_KINDS as readonly string[]).includes(kind) ? (kind as SourceKind) : "organisation";
}

function parseDomains(json: string): string[] {
  const parsed = parseJson(json);
  return Array.isArray(parsed) ? parsed.filter((domain): domain is string => typeof domain === "string") : [];
}

function parseVerdictLabels(json: string | undefined): TeamVerdictLabels | null {
  const parsed = json ? parseJson(json) : null;
  return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as TeamVerdictLabels) : null;
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}
