import { claimStatusDisplay, CLAIM_STATUSES } from "@/lib/claims/status";
import { sourceKindLabels } from "@/lib/sources/types";
import { countOf, pluralize } from "@/lib/text/plural";
import type { Verdict } from "@/lib/verification/verdicts";
import type { FingerprintedReport, ReportCitation, ReportClaim, ReportHistoryEntry, ReportOptions, ReportSummary } from "../model";

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

/** Said under "Open questions" when there are none. */
export const ALL_CLEAR = "None: every claim is done, with a final verdict and no provenance warning.";

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

/** One line of a claim's facts; `isPlaceholder` marks a value that stands for nothing ("nobody"). */
export type ClaimFact = { key: "status" | "rating" | "verdict" | "signOff" | "assignee"; term: string; value: string; isPlaceholder?: boolean };

/** The facts under a claim's quote in the HTML and PDF: state, rating, who judged and signed off, assignee. */
export function listClaimFacts(claim: ReportClaim, scale: { bestRating: number; worstRating: number }): ClaimFact[] {
  const facts: ClaimFact[] = [{ key: "status", term: "Status", value: describeStatus(claim) }];
  const rating = describeRating(claim, scale);
  if (rating) facts.push({ key: "rating", term: "Rating", value: rating });
  if (claim.verdictBy || claim.verdictAt) {
    facts.push({ key: "verdict", term: "Verdict given", value: [claim.verdictBy ?? "unknown", claim.verdictAt ? formatDateTime(claim.verdictAt) : null].filter(Boolean).join(", ") });
  }
  if (claim.signedOffBy && claim.signedOffAt) facts.push({ key: "signOff", term: "Signed off", value: `${claim.signedOffBy}, ${formatDateTime(claim.signedOffAt)}` });
  else if (claim.verdictState === "awaiting_sign_off") facts.push({ key: "signOff", term: "Signed off", value: "not yet: awaits a second editor" });
  facts.push(claim.assignee ? { key: "assignee", term: "Assignee", value: claim.assignee } : { key: "assignee", term: "Assignee", value: "nobody", isPlaceholder: true });
  return facts;
}

/** A headline figure: its value ("86%") and what it counts ("have a final verdict (6 of 7 claims)"). */
export type SummaryFigure = { value: string; words: string };

/**
 * The two shares, worded the same in every format and on the report page. A final verdict of
 * any kind (misleading and not checkable too) is "a verdict", never "verified": the share the
 * claims are found accurate (in the team's word for it) is the separate, second figure.
 */
export function describeVerdictShares(report: Pick<FingerprintedReport, "summary" | "scale">): { withVerdict: SummaryFigure; accurate: SummaryFigure } {
  const { summary } = report;
  const of = (count: number) => `${count} of ${countOf(summary.claimCount, "claim")}`;
  const accurate = summary.byVerdict.accurate;
  const label = report.scale.verdicts.find((entry) => entry.key === "accurate")?.label ?? "Accurate";
  return {
    withVerdict: { value: formatShare(summary.shareVerified), words: `have a final verdict, whatever it says (${of(summary.finalVerdicts)})` },
    accurate: { value: formatShare(summary.claimCount === 0 ? 0 : accurate / summary.claimCount), words: `found “${label}” with a final verdict (${of(accurate)})` },
  };
}

/** The summary's headline figures, as [value, what it counts]. */
export function listSummaryFigures(report: Pick<FingerprintedReport, "summary" | "scale">): [string, string][] {
  const { summary } = report;
  const openClaims = new Set(listOpenQuestions(summary).flatMap((question) => question.numbers)).size;
  const { withVerdict, accurate } = describeVerdictShares(report);
  return [
    [String(summary.claimCount), pluralize(summary.claimCount, "claim")],
    [withVerdict.value, withVerdict.words],
    [accurate.value, accurate.words],
    [String(summary.singleOriginClaims.length), "on a single origin"],
    [String(openClaims), pluralize(openClaims, "claim") + " with open questions"],
  ];
}

/** The summary's two count tables: claims by state, and by final verdict. */
export function listCountTables(report: FingerprintedReport): { heading: string; rows: [string, number][] }[] {
  const { summary } = report;
  return [
    { heading: "State", rows: CLAIM_STATUSES.map((status) => [`${claimStatusDisplay[status].glyph} ${claimStatusDisplay[status].label}`, summary.byStatus[status]]) },
    { heading: "Final verdict", rows: report.scale.verdicts.map((entry) => [`${VERDICT_GLYPHS[entry.key]} ${entry.label}`, summary.byVerdict[entry.key]]) },
  ];
}

/** A line of the report's metadata: plain text, an address to link, a hash to set in monospace, or "not recorded". */
export type MetaLine = { term: string; value: string; kind: "text" | "url" | "code" | "missing" };

/** The article and report metadata atop the HTML and PDF. */
export function listReportMeta(report: FingerprintedReport): MetaLine[] {
  const { article } = report;
  const optional = (term: string, value: string | null, kind: MetaLine["kind"] = "text"): MetaLine =>
    value ? { term, value, kind } : { term, value: "not recorded", kind: "missing" };
  return [
    optional("Outlet", article.outlet),
    optional("Author", article.author),
    optional("Published", article.publishedAt && formatDate(article.publishedAt)),
    optional("Address", article.url, "url"),
    { term: "Version checked", value: `${article.version.number} of ${article.version.count}, imported ${formatDateTime(article.version.importedAt)} by ${article.version.importedBy}`, kind: "text" },
    { term: "Text hash", value: article.version.contentHash, kind: "code" },
    { term: "Report made", value: `${formatDateTime(report.generatedAt)} by ${report.generatedBy.name}`, kind: "text" },
    { term: "Options", value: describeOptions(report.options), kind: "text" },
    { term: "Fingerprint", value: `sha256:${report.fingerprint.value}`, kind: "code" },
  ];
}

/** What the fingerprint printed at the end of the report means (after "Report fingerprint sha256:…"). */
export function describeFingerprintMeaning(report: FingerprintedReport): string {
  return (
    `the SHA-256 of what this report says: its canonical JSON (${report.fingerprint.canonicalization}) without the fingerprint itself, ` +
    "the time the report was made and who made it. Every format of this report (PDF, HTML, Markdown, CSV, JSON, ClaimReview) carries the same fingerprint, " +
    "and two copies with the same fingerprint say the same, whenever and by whomever they were made; any change to an article's details, a claim, " +
    "a verdict, a citation, the history or the options changes it."
  );
}

/** The report's last line: what made it, under which schema, when. */
export function describeMaker(report: FingerprintedReport): string {
  return `Made with FactDesk · schema ${report.schema} (version ${report.schemaVersion}) · ${formatDateTime(report.generatedAt)}`;
}
