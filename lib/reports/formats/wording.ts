import { claimStatusDisplay, CLAIM_STATUSES } from "@/lib/claims/status";
import { sourceKindLabels } from "@/lib/sources/types";
import type { Verdict } from "@/lib/verification/verdicts";
import type { ReportCitation, ReportClaim, ReportHistoryEntry, ReportOptions, ReportSummary } from "../model";

/** The words every format shares, so HTML, Markdown and CSV say the same thing the same way. */

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "3 May 2025": from an ISO time or date, in UTC, never the server's locale. */
export function formatDate(value: string): string {
  const [year, month, day] = value.slice(0, 10).split("-").map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "3 May 2025, 14:02 UTC". */
export function formatDateTime(value: string): string {
  return `${formatDate(value)}, ${value.slice(11, 16)} UTC`;
}

/** "3 May 2025, 14:02": for tables of many entries. */
export function formatShortDateTime(value: string): string {
  const [year, month, day] = value.slice(0, 10).split("-").map(Number);
  return `${day} ${MONTHS[month - 1].slice(0, 3)} ${year}, ${value.slice(11, 16)}`;
}

/** "1, 2 and 5". */
export function listNumbers(numbers: readonly number[]): string {
  if (numbers.length <= 1) return numbers.join("");
  return `${numbers.slice(0, -1).join(", ")} and ${numbers[numbers.length - 1]}`;
}

export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A glyph per verdict so a badge never relies on colour alone. */
export const VERDICT_GLYPHS: Record<Verdict, string> = {
  accurate: "✓",
  misleading: "!",
  false: "✗",
  unsubstantiated: "?",
  not_checkable: "–",
};
export const PENDING_GLYPH = "…";
export const NONE_GLYPH = "○";

/** "✓ Accurate", "! Misleading (awaiting sign-off)", "… Verdict pending sign-off", "○ No verdict yet". */
export function describeVerdict(claim: ReportClaim): { glyph: string; text: string } {
  if (claim.verdict) {
    const pending = claim.verdictState === "awaiting_sign_off" ? " (awaiting sign-off)" : "";
    return { glyph: VERDICT_GLYPHS[claim.verdict.key], text: `${claim.verdict.label}${pending}` };
  }
  if (claim.verdictWithheld) return { glyph: PENDING_GLYPH, text: "Verdict pending sign-off" };
  return { glyph: NONE_GLYPH, text: "No verdict yet" };
}

/** "2 on the team's scale of 1 (false) to 5 (true)", or why there is no number. */
export function describeRating(claim: ReportClaim, scale: { bestRating: number; worstRating: number }): string | null {
  if (!claim.verdict) return null;
  const value = claim.verdict.rating.ratingValue;
  return value === undefined
    ? "No numeric rating: not a judgement of truth"
    : `${value} on a scale of ${scale.worstRating} (false) to ${scale.bestRating} (true)`;
}

export function describeStatus(claim: ReportClaim): string {
  return `${claimStatusDisplay[claim.status].glyph} ${claim.statusLabel}`;
}

/** "4 done, 1 in progress": the states that occur, in workflow order. */
export function describeStatusCounts(summary: ReportSummary): string {
  const parts = CLAIM_STATUSES.filter((status) => summary.byStatus[status] > 0)
    .map((status) => `${summary.byStatus[status]} ${claimStatusDisplay[status].label.toLowerCase()}`);
  return parts.join(", ") || "none";
}

export function describeOptions(options: ReportOptions): string {
  return [
    options.includeHistory ? "history included" : "history left out",
    options.includeComments ? "internal comments included" : "internal comments left out",
    options.finalOnly ? "final verdicts only (others withheld)" : "all verdicts, final or not",
  ].join("; ");
}

/** The open questions that exist, worded for the reader, each with its claim numbers. */
export function listOpenQuestions(summary: ReportSummary): { label: string; numbers: number[] }[] {
  const { openQuestions: open } = summary;
  return [
    { label: "Not done yet", numbers: open.notDone },
    { label: "Verdict awaiting a second editor's sign-off", numbers: open.awaitingSignOff },
    { label: "No verdict yet", numbers: open.withoutVerdict },
    { label: "Provenance warnings to weigh", numbers: open.withWarnings },
    { label: "No origin reached", numbers: summary.noOriginReachedClaims },
  ].filter((question) => question.numbers.length > 0);
}

/** The single-origin warning for the summary, or null when no claim stands on one origin. */
export function describeSingleOrigin(summary: ReportSummary): string | null {
  const numbers = summary.singleOriginClaims;
  if (numbers.length === 0) return null;
  const which = numbers.length === 1 ? `Claim ${numbers[0]} stands` : `Claims ${listNumbers(numbers)} stand`;
  const each = numbers.length === 1 ? "it rests" : "each rests";
  return `${which} on a single origin: ${each} on one source, however many outlets repeat it. Weigh ${numbers.length === 1 ? "it" : "them"} accordingly.`;
}

const CAPTURE_STATES: Record<string, string> = {
  found: "passage found in the captured page",
  fuzzy: "passage found, worded slightly differently",
  missing: "passage not found in the captured page",
  changed: "page changed since it was cited",
  vanished: "page no longer available",
  unreachable: "page could not be reached",
  no_passage: "page captured (no passage to look for)",
};

export function describeCapture(capture: NonNullable<ReportCitation["capture"]>): string {
  const when = capture.capturedAt ? `, ${formatDate(capture.capturedAt)}` : "";
  return `${CAPTURE_STATES[capture.state] ?? capture.state.replaceAll("_", " ")}${when}`;
}

/** "states, marked as the origin": how a citation bears on its claim. */
export function describeCitationRole(citation: ReportCitation): string {
  return `${citation.relationLabel.toLowerCase()}${citation.isOrigin ? ", marked as the origin" : ""}`;
}

export function describeSourceKind(citation: ReportCitation): string {
  return sourceKindLabels[citation.source.kind]?.toLowerCase() ?? citation.source.kind;
}

/** "gave a verdict: Misleading → False (“The bill says …”)"; the actor and time are shown apart. */
export function describeChange(entry: ReportHistoryEntry): string {
  if (entry.detailWithheld) {
    return entry.type === "commented" ? `${entry.action} (internal comment left out)` : `${entry.action} (details withheld until the verdict is signed off)`;
  }
  const values = entry.from && entry.to ? `${entry.from} → ${entry.to}` : entry.to ? entry.to : (entry.from ?? "");
  const note = entry.note ? ` (“${entry.note}”)` : "";
  return `${entry.action}${values ? `: ${values}` : ""}${note}`;
}
