import type { ClaimStatus } from "@/lib/claims/status";
import type { ProvenanceKind } from "@/lib/sources/map-overview";
import type { ChainWarningKind, PathEnd } from "@/lib/sources/chain-types";
import type { CitationRelation, SourceKind } from "@/lib/sources/types";
import type { CaptureWarningKind } from "@/lib/verification/capture-warnings";
import type { EvidenceRule } from "@/lib/verification/rules";
import type { ClaimReviewRating, Verdict } from "@/lib/verification/verdicts";

/**
 * The verification report, version 1. Its JSON form is described by
 * docs/schemas/report-v1.schema.json (`$id` = REPORT_SCHEMA_ID). A field added is a new
 * minor revision of v1 only if it is optional; renaming, removing or changing the meaning of
 * a field makes a v2 with its own schema file, id and `schemaVersion`.
 * Times are ISO 8601 in UTC; dates without a time (publication) are YYYY-MM-DD.
 */
export const REPORT_SCHEMA_ID = "https://factdesk.example/schemas/report/v1.json";
export const REPORT_SCHEMA_VERSION = 1;

export type ReportOptions = {
  includeHistory: boolean;
  includeComments: boolean;
  /** Verdicts that are not final yet are withheld (the claim stays, numbered as always). */
  finalOnly: boolean;
};

export type ReportArticle = {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  importedAt: string;
  version: { number: number; count: number; importedAt: string; importedBy: string; contentHash: string; source: string };
};

/** One step of the team's verdict scale, as the ClaimReview ratings use it. */
export type ReportScaleEntry = { key: Verdict; label: string; alternateName: string; ratingValue: number | null; meaning: string };

export type ReportVerdict = { key: Verdict; label: string; alternateName: string; meaning: string; rating: ClaimReviewRating };

/** none: no verdict given; awaiting_sign_off: given, waits for a second editor; final. */
export type VerdictState = "none" | "awaiting_sign_off" | "final";

export type ReportCitation = {
  id: string;
  source: { id: string; name: string; kind: SourceKind };
  relation: CitationRelation;
  relationLabel: string;
  url: string | null;
  archiveUrl: string | null;
  accessedAt: string | null;
  passage: string | null;
  note: string | null;
  isOrigin: boolean;
  /** The citation this one relays (one hop towards the origin). */
  viaCitationId: string | null;
  /** The latest capture of the cited page: how the passage fared, and the snapshot's SHA-256. */
  capture: { state: string; capturedAt: string | null; sha256: string | null } | null;
};

/** A chain from the article's citation to where it ends; `sources[0]` is the one the article cites. */
export type ReportPath = { sources: string[]; relation: CitationRelation; end: PathEnd; text: string };

export type ReportProvenance = {
  summary: string;
  kind: ProvenanceKind;
  independentOrigins: number;
  contradictingOrigins: number;
  citedSources: number;
  restsOnSingleOrigin: boolean;
  origins: { name: string; reached: boolean; relations: CitationRelation[] }[];
  paths: ReportPath[];
  /** The chain's warnings, then the captures' (a cited passage changed or vanished on its page). */
  warnings: { kind: ChainWarningKind | CaptureWarningKind; message: string }[];
};

/**
 * `detailWithheld`: from, to and note left out, for an event of a withheld verdict or a
 * comment when comments are left out.
 */
export type ReportHistoryEntry = {
  at: string;
  actor: string;
  type: string;
  action: string;
  from: string | null;
  to: string | null;
  note: string | null;
  detailWithheld: boolean;
};

export type ReportComment = { at: string; author: string; body: string };

export type ReportClaim = {
  id: string;
  number: number;
  quote: string;
  statement: string;
  anchorState: string;
  status: ClaimStatus;
  statusLabel: string;
  verdictState: VerdictState;
  /** True when `finalOnly` held back a verdict that is not final: `verdict` and `rationale` are null. */
  verdictWithheld: boolean;
  verdict: ReportVerdict | null;
  rationale: string | null;
  verdictBy: string | null;
  verdictAt: string | null;
  signedOffBy: string | null;
  signedOffAt: string | null;
  isFinal: boolean;
  assignee: string | null;
  citations: ReportCitation[];
  provenance: ReportProvenance;
  /** Oldest first; present only when the history was included. */
  history?: ReportHistoryEntry[];
  /** Internal discussion, oldest first; present only when comments were included. */
  comments?: ReportComment[];
};

export type ReportSummary = {
  claimCount: number;
  byStatus: Record<ClaimStatus, number>;
  /** Final verdicts only: a verdict awaiting sign-off is an open question, not a result. */
  byVerdict: Record<Verdict, number>;
  finalVerdicts: number;
  /** Claims with a final verdict over all claims, 0..1 to four places. */
  shareVerified: number;
  byProvenance: Record<ProvenanceKind, number>;
  /** Claim numbers whose support goes back to one origin, however many outlets repeat it. */
  singleOriginClaims: number[];
  /** Claim numbers with supporting sources but no origin reached (or lost in a loop). */
  noOriginReachedClaims: number[];
  openQuestions: { notDone: number[]; withWarnings: number[]; awaitingSignOff: number[]; withoutVerdict: number[] };
};

/**
 * `excludes`: the top-level members left out of the hash (lib/reports/fingerprint.ts): the
 * fingerprint itself and when and by whom the copy was made. Absent in copies made before it
 * was written, whose fingerprint left out only itself.
 */
export type ReportFingerprint = { algorithm: "sha256"; value: string; canonicalization: string; excludes?: string[] };

export type Report = {
  schema: typeof REPORT_SCHEMA_ID;
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  generatedAt: string;
  generatedBy: { name: string; email: string | null };
  options: ReportOptions;
  team: { name: string; slug: string; rules: { requireSignOff: boolean; accurateNeeds: EvidenceRule } };
  scale: { bestRating: number; worstRating: number; verdicts: ReportScaleEntry[] };
  article: ReportArticle;
  summary: ReportSummary;
  claims: ReportClaim[];
  fingerprint?: ReportFingerprint;
};

/** A report as every renderer takes it: with its fingerprint. */
export type FingerprintedReport = Report & { fingerprint: ReportFingerprint };
