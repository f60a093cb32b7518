import { VERDICTS, type Verdict } from "@/lib/verification/verdicts";
import { traceClaim } from "./chain";
import type { ClaimTrace } from "./chain-types";
import type { SourceLookup } from "./lookup";
import { isSupportingRelation } from "./types";
import type { Citation } from "./types";

/**
 * A source's track record: how the team's verdicts fell on the claims that rest on it
 * (docs/decisions/0025-outlet-track-record.md). Every number is a list of claims, never a bare
 * count, so a screen can always show the claims behind it.
 */

/** As what a claim rests on a source, in the vocabulary of decision 0018. */
export const TRACK_ROLES = ["origin", "relay"] as const;
export type TrackRole = (typeof TRACK_ROLES)[number];

export const TRACK_PERIODS = ["quarter", "month"] as const;
export type TrackPeriod = (typeof TRACK_PERIODS)[number];

/** `isStop`: a relay at which a supporting chain ends unmarked ("traced as far as" it). */
export type SourcePlace = { role: TrackRole; isStop: boolean };

/**
 * Each source one claim rests on, and as what. Only supporting chains (states, corroborates)
 * count: a claim does not rest on what contradicts it or gives context. A source is the
 * claim's **origin** where a supporting chain reaches it marked as the origin
 * (`tally.reached`); any other source on a supporting chain, whether cited, relaying or the
 * place the trace stops, is a **relay** for that claim. One place per source and claim: a
 * source that is both (origin of one chain, relay on another) counts as the origin.
 */
export function placeSources(trace: ClaimTrace): Map<string, SourcePlace> {
  const places = new Map<string, SourcePlace>();
  const stops = new Set(trace.tally.stops.map((stop) => stop.sourceId));
  for (const path of trace.paths) {
    if (!isSupportingRelation(path.relation)) continue;
    for (const hop of path.hops) places.set(hop.citation.sourceId, { role: "relay", isStop: stops.has(hop.citation.sourceId) });
  }
  for (const origin of trace.tally.reached) places.set(origin.sourceId, { role: "origin", isStop: false });
  return places;
}

/** A claim with the team's verdict on it and its live citations. */
export type JudgedClaim = { id: string; verdict: Verdict; verdictAt: Date | null; citations: readonly Citation[] };

/** One claim resting on one source: the unit every count is made of. */
export type TrackEntry = { claimId: string; verdict: Verdict; verdictAt: Date | null } & SourcePlace;

/**
 * The entries of every source the claims rest on, keyed by source id, each claim traced once
 * with the same `traceClaim` as the claim page. Linear in the claims' citations.
 */
export function recordTracks(claims: readonly JudgedClaim[], sources: SourceLookup = new Map()): Map<string, TrackEntry[]> {
  const tracks = new Map<string, TrackEntry[]>();
  for (const claim of claims) {
    if (claim.citations.length === 0) continue;
    for (const [sourceId, place] of placeSources(traceClaim(claim.citations, sources))) {
      const entries = tracks.get(sourceId) ?? [];
      entries.push({ claimId: claim.id, verdict: claim.verdict, verdictAt: claim.verdictAt, ...place });
      tracks.set(sourceId, entries);
    }
  }
  return tracks;
}

export type VerdictCounts = Record<Verdict, number>;

/** Claims and verdict counts per role: what the registry shows in one line. */
export type TrackSummary = Record<TrackRole, { claims: number; verdicts: VerdictCounts }>;

export function summarizeTrack(entries: readonly TrackEntry[]): TrackSummary {
  const summary = Object.fromEntries(TRACK_ROLES.map((role) => [role, { claims: 0, verdicts: countNone() }])) as TrackSummary;
  for (const entry of entries) {
    summary[entry.role].claims += 1;
    summary[entry.role].verdicts[entry.verdict] += 1;
  }
  return summary;
}

/** One period's row of a role's table: the claims behind each verdict. */
export type TrackRow = { period: string; label: string; cells: Record<Verdict, string[]>; claimIds: string[] };

/** A role's table: periods newest first (undated verdicts last), and the totals over them. */
export type TrackTable = { role: TrackRole; rows: TrackRow[]; total: TrackRow };

/** Both roles' tables by `period`, each cell holding the ids of the claims it counts. */
export function tabulateTrack(entries: readonly TrackEntry[], period: TrackPeriod): TrackTable[] {
  return TRACK_ROLES.map((role) => {
    const rows = new Map<string, TrackRow>();
    const total = emptyRow("all", "All periods");
    for (const entry of entries) {
      if (entry.role !== role) continue;
      const key = periodOf(entry.verdictAt, period);
      const row = rows.get(key) ?? emptyRow(key, labelPeriod(key));
      for (const target of [row, total]) {
        target.cells[entry.verdict].push(entry.claimId);
        target.claimIds.push(entry.claimId);
      }
      rows.set(key, row);
    }
    // "2026-Q3" and "2026-07" sort as text; "undated" sorts after every year.
    return { role, rows: [...rows.values()].sort((a, b) => (a.period === "undated" ? 1 : b.period === "undated" ? -1 : b.period.localeCompare(a.period))), total };
  });
}

/**
 * The period a verdict was given in, in UTC as the reports count days: "2026-Q3" or "2026-07";
 * "undated" for a verdict recorded without its date.
 */
export function periodOf(date: Date | null, period: TrackPeriod): string {
  if (!date) return "undated";
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return period === "quarter" ? `${year}-Q${Math.floor(month / 3) + 1}` : `${year}-${String(month + 1).padStart(2, "0")}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-Q3" -> "Q3 2026", "2026-07" -> "July 2026", "undated" -> "Date not recorded". */
export function labelPeriod(key: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  return key === "all" ? "All periods" : "Date not recorded";
}

/** Whether `key` names a period of this kind (or "all", or "undated"): read from a link, so checked. */
export function isPeriodKey(key: unknown, period: TrackPeriod): key is string {
  if (key === "all" || key === "undated") return true;
  return typeof key === "string" && (period === "quarter" ? /^\d{4}-Q[1-4]$/ : /^\d{4}-(0[1-9]|1[0-2])$/).test(key);
}

/** The claim ids behind one number of a table; an unknown period gives none. */
export function findCell(tables: readonly TrackTable[], role: TrackRole, period: string, verdict: Verdict | null): string[] {
  const table = tables.find((entry) => entry.role === role);
  const row = period === "all" ? table?.total : table?.rows.find((entry) => entry.period === period);
  if (!row) return [];
  return verdict ? row.cells[verdict] : row.claimIds;
}

function countNone(): VerdictCounts {
  return Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as VerdictCounts;
}

function emptyRow(period: string, label: string): TrackRow {
  return { period, label, cells: Object.fromEntries(VERDICTS.map((verdict) => [verdict, []])) as unknown as Record<Verdict, string[]>, claimIds: [] };
}
