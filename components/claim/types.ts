import type { ActionResult } from "@/lib/auth/action";
import type { ClaimStatus } from "@/lib/claims/status";
import type { CitationRelation, SourceKind } from "@/lib/sources/types";
import type { ClaimChange } from "@/lib/verification/claim-change";
import type { ClaimDetail } from "@/lib/verification/queries";
import type { Verdict } from "@/lib/verification/verdicts";

/** What the claim page shows: getClaimDetail's result, handed down as is (dates survive the trip). */
export type ClaimView = ClaimDetail;
export type ClaimCitation = ClaimDetail["citations"][number];
export type ClaimEvent = ClaimDetail["events"][number];
export type ClaimComment = ClaimDetail["comments"][number];
export type ClaimMember = ClaimDetail["members"][number];

/** A registry entry as the source autocomplete offers it. */
export type SourceOption = { id: string; name: string; kind: SourceKind; domains: string[] };

/** The fields of a citation as its forms send them (the schemas coerce dates and blanks). */
export type CitationFieldValues = {
  relation: CitationRelation;
  url?: string;
  passage?: string;
  accessedAt?: string;
  archiveUrl?: string;
  viaCitationId?: string;
  isOrigin: boolean;
  note?: string;
};

export type CaptureResult = { state: string; message: string; captureId: string; sha256: string | null };

type Action<Input, Data = unknown> = (input: Input) => Promise<ActionResult<Data> | null>;
type WithTeam<Input> = Input & { team: string };
type Versioned = { claimId: string; revision: number };

/** The page's server actions, handed down as props (components never import from app/). */
export type ClaimActions = {
  /** These answer with what they changed, which the page shows (claim-view.ts). */
  setStatus: Action<WithTeam<Versioned & { status: ClaimStatus; note?: string }>, ClaimChange>;
  giveVerdict: Action<WithTeam<Versioned & { verdict: Verdict; rationale: string }>, ClaimChange & { needsSignOff: boolean }>;
  signOffVerdict: Action<WithTeam<Versioned & { note?: string }>, ClaimChange>;
  withdrawVerdict: Action<WithTeam<Versioned & { note: string }>, ClaimChange>;
  assignClaim: Action<WithTeam<{ claimId: string; assigneeId: string }>, ClaimChange>;
  addComment: Action<WithTeam<{ claimId: string; body: string }>, ClaimChange>;
  addCitation: Action<
    WithTeam<CitationFieldValues & { claimId: string; sourceId?: string; sourceName?: string; sourceKind?: SourceKind; relaysForId?: string }>,
    { id: string; sourceId: string; sourceName: string }
  >;
  updateCitation: Action<WithTeam<CitationFieldValues & { citationId: string; revision: number; sourceId: string }>>;
  removeCitation: Action<WithTeam<{ citationId: string }>>;
  citeArticleOutlet: Action<WithTeam<{ claimId: string }>, { id: string; sourceName: string }>;
  reuseCitations: Action<WithTeam<{ claimId: string; fromClaimId: string }>, { added: number; alreadyCited: number; fromArticleTitle: string }>;
  searchSources: Action<WithTeam<{ q: string }>, SourceOption[]>;
  captureCitation: Action<WithTeam<{ citationId: string }>, CaptureResult>;
};
