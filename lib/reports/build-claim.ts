import { sortByChain } from "@/lib/sources/chain-order";
import { describeClaimEventType } from "@/lib/claims/history";
import { claimStatusDisplay, isClaimStatus } from "@/lib/claims/status";
import type { ChainPath, PathEnd } from "@/lib/sources/chain-types";
import { classifyProvenance } from "@/lib/sources/map-overview";
import type { ClaimProvenance } from "@/lib/sources/source-map";
import { readKind } from "@/lib/sources/stored";
import { citationRelationLabels } from "@/lib/sources/types";
import type { CitationRelation } from "@/lib/sources/types";
import { listCaptureWarnings } from "@/lib/verification/capture-warnings";
import { isSignOffCurrent } from "@/lib/verification/judgement";
import { isVerdictFinal } from "@/lib/verification/rules";
import type { TeamRules } from "@/lib/verification/rules";
import { buildClaimReviewRating, defineVerdict, isVerdict } from "@/lib/verification/verdicts";
import type { TeamVerdictLabels } from "@/lib/verification/verdicts";
import type { ReportCitationRow, ReportClaimRow, ReportCommentRow, ReportEventRow } from "./data";
import type { ReportCitation, ReportClaim, ReportHistoryEntry, ReportOptions, ReportProvenance, VerdictState } from "./model";

export type ClaimContext = {
  options: ReportOptions;
  rules: TeamRules;
  labels: TeamVerdictLabels;
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const PATH_ENDINGS: Record<PathEnd, string> = {
  origin: "origin reached",
  not_reached: "origin not reached",
  missing_link: "chain broken",
  cycle: "citations loop",
};

/** "Business Insider ← The Daily Beast ← Duma bill (origin reached)". */
export function describePath(path: ChainPath): { sources: string[]; text: string } {
  const sources = path.hops.map((hop) => hop.source?.name ?? "an unknown source");
  return { sources, text: `${sources.join(" ← ")} (${PATH_ENDINGS[path.end]})` };
}

/**
 * The claim's provenance, its warnings with those of the cited pages' latest captures (a passage
 * changed or vanished): a reader of any format sees what the verdict's evidence no longer shows.
 */
function toProvenance(provenance: ClaimProvenance, citations: readonly ReportCitationRow[]): ReportProvenance {
  const { trace } = provenance;
  const glance = classifyProvenance(trace, citations.length);
  const captureWarnings = listCaptureWarnings(citations.map((citation) => ({ ...citation, sourceName: citation.source.name })));
  return {
    summary: trace.summary,
    kind: glance.kind,
    independentOrigins: trace.tally.independentOrigins,
    contradictingOrigins: trace.contradictingOrigins,
    citedSources: trace.tally.citedSourceCount,
    restsOnSingleOrigin: provenance.restsOnSingleOrigin,
    origins: trace.origins.map((origin) => ({ name: origin.name, reached: origin.reached, relations: [...origin.relations] })),
    paths: trace.paths.map((path) => ({ ...describePath(path), relation: path.relation, end: path.end })),
    warnings: [...trace.warnings, ...captureWarnings].map((warning) => ({ kind: warning.kind, message: warning.message })),
  };
}

function toCitation(row: ReportCitationRow): ReportCitation {
  const relation = row.relation as CitationRelation;
  const capture = row.captures[0];
  return {
    id: row.id,
    source: { id: row.source.id, name: row.source.name, kind: readKind(row.source.kind) },
    relation,
    relationLabel: citationRelationLabels[relation] ?? row.relation,
    url: row.url,
    archiveUrl: row.archiveUrl,
    accessedAt: iso(row.accessedAt),
    passage: row.passage,
    note: row.note,
    isOrigin: row.isOrigin,
    viaCitationId: row.viaCitationId,
    capture: row.captureState ? { state: row.captureState, capturedAt: iso(row.capturedAt ?? capture?.fetchedAt ?? null), sha256: capture?.sha256 ?? null } : null,
  };
}

const VERDICT_EVENTS = new Set(["verdict_given", "verdict_signed_off", "sign_off_withdrawn", "verdict_withdrawn"]);

/**
 * What is left out must not come back through the history: a withheld verdict's events carry
 * its label and rationale, a "commented" event carries the comment.
 */
function toHistory(events: readonly ReportEventRow[], { withheld, includeComments }: { withheld: boolean; includeComments: boolean }): ReportHistoryEntry[] {
  return events.map((event) => {
    const hide = (withheld && VERDICT_EVENTS.has(event.type)) || (!includeComments && event.type === "commented");
    return {
      at: event.createdAt.toISOString(),
      actor: event.actor.name,
      type: event.type,
      action: describeClaimEventType(event.type),
      from: hide ? null : event.fromValue,
      to: hide ? null : event.toValue,
      note: hide ? null : event.note,
      detailWithheld: hide,
    };
  });
}

type ClaimParts = {
  row: ReportClaimRow;
  number: number;
  citations: readonly ReportCitationRow[];
  provenance: ClaimProvenance;
  events: readonly ReportEventRow[];
  comments: readonly ReportCommentRow[];
};

/**
 * One claim of the report; with `finalOnly`, a verdict that is not final is withheld, not the claim.
 * A sign-off is shown, and counts, only while the claim and its citations are what it was given
 * for (lib/verification/judgement.ts): the report never says "signed off" of other words.
 */
export function buildReportClaim({ row, number, citations, provenance, events, comments }: ClaimParts, context: ClaimContext): ReportClaim {
  const { options, rules, labels } = context;
  const verdictKey = isVerdict(row.verdict) && row.verdictById ? row.verdict : null;
  const signOff = isSignOffCurrent(row, citations) ? { by: row.signedOffBy?.name ?? null, at: iso(row.signedOffAt), id: row.signedOffById } : null;
  const isFinal = verdictKey !== null && isVerdictFinal({ teamRules: rules, verdictBy: row.verdictById as string, signedOffBy: signOff?.id ?? null });
  const verdictState: VerdictState = verdictKey === null ? "none" : isFinal ? "final" : "awaiting_sign_off";
  const withheld = options.finalOnly && verdictState === "awaiting_sign_off";
  const definition = verdictKey && !withheld ? defineVerdict(verdictKey, labels) : null;
  const status = isClaimStatus(row.status) ? row.status : "unchecked";
  const claim: ReportClaim = {
    id: row.id,
    number,
    quote: row.quote,
    statement: row.statement,
    anchorState: row.anchorState,
    status,
    statusLabel: claimStatusDisplay[status].label,
    verdictState,
    verdictWithheld: withheld,
    verdict: verdictKey && definition
      ? { key: verdictKey, label: definition.label, alternateName: definition.alternateName, meaning: definition.meaning, rating: buildClaimReviewRating(verdictKey, labels) }
      : null,
    rationale: withheld || !verdictKey ? null : row.rationale,
    verdictBy: verdictKey ? (row.verdictBy?.name ?? null) : null,
    verdictAt: verdictKey ? iso(row.verdictAt) : null,
    signedOffBy: verdictKey && signOff ? signOff.by : null,
    signedOffAt: verdictKey && signOff ? signOff.at : null,
    isFinal,
    assignee: row.assignee?.name ?? null,
    citations: sortByChain(citations, provenance.trace.paths).map(toCitation),
    provenance: toProvenance(provenance, citations),
  };
  if (options.includeHistory) claim.history = toHistory(events, { withheld, includeComments: options.includeComments });
  if (options.includeComments) {
    claim.comments = comments.map((comment) => ({ at: comment.createdAt.toISOString(), author: comment.author.name, body: comment.body }));
  }
  return claim;
}
