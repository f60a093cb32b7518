import { CLAIM_STATUSES, claimStatusDisplay, isClaimStatus } from "@/lib/claims/status";

export const STATUSES = CLAIM_STATUSES;

/** Label, glyph and colours of a workflow status (in the text, see text-styles.ts). */
export function styleOfStatus(status: string) {
  return claimStatusDisplay[isClaimStatus(status) ? status : "unchecked"];
}

/** A status as a pill: glyph, label and colour (with a count in the list's summary). */
export function StatusBadge({ status, count }: { status: string; count?: number }) {
  const style = styleOfStatus(status);
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style.className}`}>
      <span aria-hidden="true">{style.glyph}</span>
      {count === undefined ? style.label : `${count} ${style.label.toLowerCase()}`}
    </span>
  );
}
