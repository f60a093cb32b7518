/** A claim's workflow state, separate from its verdict. */
export const CLAIM_STATUSES = ["unchecked", "in_progress", "needs_review", "done"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Labels, and a glyph for each so the state never depends on colour alone. */
export const claimStatusDisplay: Record<ClaimStatus, { label: string; glyph: string; className: string }> = {
  unchecked: { label: "Unchecked", glyph: "○", className: "bg-slate-100 text-slate-700 ring-slate-300" },
  in_progress: { label: "In progress", glyph: "◐", className: "bg-sky-50 text-sky-800 ring-sky-300" },
  // Violet, as in the text: a workflow state, not a verdict (never red).
  needs_review: { label: "Needs review", glyph: "◆", className: "bg-violet-50 text-violet-900 ring-violet-300" },
  done: { label: "Done", glyph: "●", className: "bg-emerald-50 text-emerald-800 ring-emerald-300" },
};

export function isClaimStatus(value: unknown): value is ClaimStatus {
  return typeof value === "string" && (CLAIM_STATUSES as readonly string[]).includes(value);
}
