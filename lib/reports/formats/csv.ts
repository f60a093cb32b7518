import type { FingerprintedReport, ReportCitation, ReportClaim } from "../model";

/** One row per claim; the header names are stable, for spreadsheets that refer to them. */
export const CSV_COLUMNS = [
  "number", "statement", "quote", "status", "verdict", "verdict_state", "rating", "rationale",
  "verdict_by", "verdict_at", "signed_off_by", "signed_off_at", "assignee",
  "origins_count", "single_origin", "origin_reached", "origin_summary", "warnings", "citations", "report_fingerprint",
] as const;

/**
 * A spreadsheet runs a cell that begins with = + - @ (or a tab or carriage return, which some
 * strip first) as a formula: CSV injection. Such a cell gets a leading apostrophe, the
 * convention spreadsheets show as "text as typed".
 */
export function protectCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function describeCitation(citation: ReportCitation): string {
  const parts = [`${citation.source.name} (${citation.relationLabel.toLowerCase()}${citation.isOrigin ? ", origin" : ""})`];
  if (citation.url) parts.push(`<${citation.url}>`);
  if (citation.archiveUrl) parts.push(`[archive: ${citation.archiveUrl}]`);
  return parts.join(" ");
}

function listCells(claim: ReportClaim, fingerprint: string): string[] {
  const { provenance, verdict } = claim;
  const reached = provenance.origins.some((origin) => origin.reached);
  return [
    String(claim.number),
    claim.statement,
    claim.quote,
    claim.statusLabel,
    verdict ? verdict.label : claim.verdictWithheld ? "Pending sign-off" : "",
    claim.verdictState,
    verdict?.rating.ratingValue === undefined ? "" : String(verdict.rating.ratingValue),
    claim.rationale ?? "",
    claim.verdictBy ?? "",
    claim.verdictAt ?? "",
    claim.signedOffBy ?? "",
    claim.signedOffAt ?? "",
    claim.assignee ?? "",
    String(provenance.independentOrigins),
    provenance.restsOnSingleOrigin ? "yes" : "no",
    reached ? "yes" : "no",
    provenance.summary,
    provenance.warnings.map((warning) => warning.message).join("\n"),
    claim.citations.map(describeCitation).join("\n"),
    `sha256:${fingerprint}`,
  ];
}

/** The rows as a spreadsheet shows them (header first), cells already protected. */
export function listCsvRows(report: FingerprintedReport): string[][] {
  const rows = report.claims.map((claim) => listCells(claim, report.fingerprint.value).map(protectCell));
  return [[...CSV_COLUMNS], ...rows];
}

/** UTF-8 with a byte-order mark (so spreadsheets do not guess Latin-1), CRLF line ends. */
export function renderReportCsv(report: FingerprintedReport): string {
  return `\uFEFF${listCsvRows(report).map((row) => row.map(quoteCell).join(",")).join("\r\n")}\r\n`;
}
