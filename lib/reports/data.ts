/**
 * What `buildReport` is made from: rows as `loadReportData` reads them. Kept as plain types
 * (not Prisma's) so the report can be built and tested without a database.
 */
type Person = { name: string } | null;

export type ReportClaimRow = {
  id: string;
  quote: string;
  statement: string;
  anchorState: string;
  status: string;
  verdict: string | null;
  rationale: string | null;
  verdictById: string | null;
  verdictAt: Date | null;
  signedOffById: string | null;
  signedOffAt: Date | null;
  /** What the sign-off was given for (lib/verification/judgement.ts). */
  signedOffDigest: string | null;
  verdictBy: Person;
  signedOffBy: Person;
  assignee: Person;
};

export type ReportCitationRow = {
  id: string;
  claimId: string;
  sourceId: string;
  url: string | null;
  passage: string | null;
  relation: string;
  viaCitationId: string | null;
  isOrigin: boolean;
  accessedAt: Date | null;
  archiveUrl: string | null;
  note: string | null;
  captureState: string | null;
  capturedAt: Date | null;
  source: { id: string; name: string; kind: string; homepage: string | null; domains: string };
  captures: { sha256: string | null; fetchedAt: Date }[];
};

export type ReportEventRow = {
  claimId: string;
  type: string;
  fromValue: string | null;
  toValue: string | null;
  note: string | null;
  createdAt: Date;
  actor: { name: string };
};

export type ReportCommentRow = { claimId: string; body: string; createdAt: Date; author: { name: string } };

export type ReportData = {
  team: { name: string; slug: string; verdictLabels: string; verificationRules: string };
  article: { id: string; title: string; outlet: string | null; author: string | null; url: string | null; publishedAt: Date | null; createdAt: Date };
  version: { number: number; createdAt: Date; contentHash: string; source: string; createdBy: { name: string } };
  versionCount: number;
  /** Live claims in list order. */
  claims: ReportClaimRow[];
  /** Live citations of those claims, oldest first, each with its latest capture (if any). */
  citations: ReportCitationRow[];
  /** Empty when the history was not asked for. */
  events: ReportEventRow[];
  /** Empty when comments were not asked for. */
  comments: ReportCommentRow[];
};
