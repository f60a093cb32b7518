import { dialectOf, type Db } from "@/lib/config/prisma-client";
import { isClaimStatus, type ClaimStatus } from "@/lib/claims/status";
import { readVerificationSettings } from "@/lib/verification/settings";
import { isVerdict, labelVerdict, labelVerdicts, type Verdict } from "@/lib/verification/verdicts";
import { readRelation } from "./stored";
import { findCell, recordTracks, summarizeTrack, tabulateTrack } from "./track-record";
import type { JudgedClaim, TrackPeriod, TrackRole, TrackSummary, TrackTable } from "./track-record";
import type { Citation } from "./types";

/** The most claims a source's page lists under one number. */
export const LIST_LIMIT = 200;

/** Live claims with a verdict: what a track record counts. */
const judged = (teamId: string) => ({ teamId, deletedAt: null, verdict: { not: null } }) as const;


type CitationRow = { id: string; claimId: string; sourceId: string; relation: string; viaCitationId: string | null; isOrigin: boolean | number | bigint };

/**
 * The team's live citations, the chain fields only, or with `sourceId` those of the claims citing
 * that source (through the citations' (teamId, sourceId) index). In SQL of our own: Prisma's
 * client engine took three and a half times as long to shape 30,000 rows, and its nested
 * relation filter made SQLite walk every claim of the team (track-record-scale.test.ts). No join:
 * the claims are matched in `loadJudgedClaims`, which on SQLite is cheaper than joining them here.
 */
async function readCitations(db: Db, teamId: string, sourceId?: string): Promise<Citation[]> {
  const params: string[] = [];
  const param = (value: string) => {
    params.push(value);
    return dialectOf(db) === "postgresql" ? `$${params.length}` : "?";
  };
  const live = `"teamId" = ${param(teamId)} AND "deletedAt" IS NULL`;
  const ofSource = sourceId ? ` AND "claimId" IN (SELECT "claimId" FROM "Citation" WHERE "teamId" = ${param(teamId)} AND "sourceId" = ${param(sourceId)} AND "deletedAt" IS NULL)` : "";
  const rows = await db.$queryRawUnsafe<CitationRow[]>(`SELECT "id", "claimId", "sourceId", "relation", "viaCitationId", "isOrigin" FROM "Citation" WHERE ${live}${ofSource}`, ...params);
  // SQLite answers a boolean column as 0 or 1.
  return rows.map((row) => ({ ...row, relation: readRelation(row.relation), isOrigin: row.isOrigin === true || Number(row.isOrigin) === 1 }));
}

/**
 * The team's judged claims with their live citations, or with `sourceId` only those citing that
 * source (a few flat rows, through Prisma). Two queries whatever the numbers.
 */
async function loadJudgedClaims(db: Db, teamId: string, sourceId?: string): Promise<JudgedClaim[]> {
  // With the team, the citations' (teamId, sourceId) index finds the source's claims.
  const claimWhere = { ...judged(teamId), ...(sourceId ? { citations: { some: { teamId, sourceId, deletedAt: null } } } : {}) };
  const [claims, citations] = await Promise.all([
    db.claim.findMany({ where: claimWhere, select: { id: true, verdict: true, verdictAt: true } }),
    readCitations(db, teamId, sourceId),
  ]);
  const citationsOf = new Map<string, Citation[]>(claims.map((claim) => [claim.id, []]));
  for (const citation of citations) citationsOf.get(citation.claimId)?.push(citation);
  return claims.flatMap((claim): JudgedClaim[] =>
    isVerdict(claim.verdict) ? [{ id: claim.id, verdict: claim.verdict, verdictAt: claim.verdictAt, citations: citationsOf.get(claim.id) ?? [] }] : [],
  );
}

/**
 * Every source's verdict counts as origin and as relay, for the registry: two queries and one
 * trace per judged claim, whatever the number of sources (a source's own page lists the claims).
 */
export async function listTrackSummaries(db: Db, teamId: string): Promise<Map<string, TrackSummary>> {
  const tracks = recordTracks(await loadJudgedClaims(db, teamId));
  return new Map([...tracks].map(([sourceId, entries]) => [sourceId, summarizeTrack(entries)]));
}

/** A claim behind a number: what the editor needs to judge the number by. */
export type TrackClaim = {
  id: string;
  statement: string;
  verdict: Verdict;
  verdictLabel: string;
  verdictAt: Date | null;
  status: ClaimStatus;
  article: { id: string; title: string };
  isStop: boolean;
};

export type TrackSelection = { role: TrackRole; period: string; verdict: Verdict | null };

export type SourceTrackRecord = {
  period: TrackPeriod;
  tables: TrackTable[];
  /** Verdict labels in the team's words. */
  labels: Record<Verdict, string>;
  /** How many claims are behind the selected number. */
  selectedCount: number;
  /** The claims behind the selected number, newest verdict first, at most LIST_LIMIT. */
  claims: TrackClaim[];
};

/**
 * One source's track record by `period`, and the claims behind `selection` (one number of the
 * tables). Claims are read only where the source is cited; an id of another team's source finds
 * nothing.
 */
export async function getSourceTrackRecord(db: Db, teamId: string, sourceId: string, period: TrackPeriod, selection: TrackSelection | null): Promise<SourceTrackRecord> {
  const [claims, team] = await Promise.all([
    loadJudgedClaims(db, teamId, sourceId),
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { verdictLabels: true, verificationRules: true } }),
  ]);
  const { labels } = readVerificationSettings(team);
  const entries = recordTracks(claims).get(sourceId) ?? [];
  const tables = tabulateTrack(entries, period);
  const selected = new Set(selection ? findCell(tables, selection.role, selection.period, selection.verdict) : []);
  // Newest verdict first; a page lists LIST_LIMIT of them (and says so), which also keeps the
  // id list within SQLite's bound-parameter limit.
  const listed = entries
    .filter((entry) => selected.has(entry.claimId))
    .sort((a, b) => (b.verdictAt?.getTime() ?? 0) - (a.verdictAt?.getTime() ?? 0) || (a.claimId < b.claimId ? -1 : 1))
    .slice(0, LIST_LIMIT);
  const rows = listed.length === 0 ? [] : await db.claim.findMany({
    where: { id: { in: listed.map((entry) => entry.claimId) }, teamId },
    select: { id: true, statement: true, status: true, article: { select: { id: true, title: true } } },
  });
  const rowById = new Map(rows.map((row) => [row.id, row]));
  return {
    period,
    tables,
    labels: labelVerdicts(labels),
    selectedCount: selected.size,
    claims: listed.flatMap((entry): TrackClaim[] => {
      const row = rowById.get(entry.claimId);
      if (!row) return [];
      // The verdict as counted above, so a list never disagrees with its number.
      const { verdict, verdictAt, isStop } = entry;
      return [{ ...row, verdict, verdictAt, verdictLabel: labelVerdict(verdict, labels), status: isClaimStatus(row.status) ? row.status : "unchecked", isStop }];
    }),
  };
}
