import { protectCell } from "./formats/csv";
import type { TeamExport, TeamExportArticle, TeamExportClaim } from "./team-export";

/** One row per claim, the article's columns repeated; the names are stable for spreadsheets. */
export const TEAM_CSV_COLUMNS = [
  "article_id", "article_title", "outlet", "url", "claim_number", "statement", "status", "verdict", "verdict_label",
  "rating", "rationale", "verdict_by", "verdict_at", "signed_off_by", "origins", "single_origin",
  "warnings",
] as const;

/** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
const quoteCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

const describeOrigins = (claim: TeamExportClaim) =>
  claim.origins.map((origin) => (origin.reached ? origin.name : `traced as far as ${origin.name}`)).join("; ");

function listClaimCells(claim: TeamExportClaim): string[] {
  return [
    String(claim.number), claim.statement, claim.status, claim.verdict?.key ?? "", claim.verdict?.label ?? "",
    claim.verdict?.rating == null ? "" : String(claim.verdict.rating), claim.rationale ?? "", claim.verdictBy ?? "",
    claim.verdictAt ?? "", claim.signedOffBy ?? "", describeOrigins(claim), claim.singleOrigin ? "yes" : "no",
    claim.warnings.map((warning) => warning.message).join("\n"),
  ];
}

/** An article without live claims still gets a row (claim columns empty), so none goes missing. */
function listArticleRows(article: TeamExportArticle): string[][] {
  const articleCells = [article.id, article.title, article.outlet ?? "", article.url ?? ""];
  if (article.claims.length === 0) return [[...articleCells, ...Array<string>(TEAM_CSV_COLUMNS.length - articleCells.length).fill("")]];
  return article.claims.map((claim) => [...articleCells, ...listClaimCells(claim)]);
}

/**
 * The export as CSV: UTF-8 with a byte-order mark (so spreadsheets do not guess Latin-1), CRLF
 * line ends, and every cell that a spreadsheet would run as a formula prefixed with an apostrophe.
 */
export function renderTeamCsv(data: TeamExport): string {
  const rows = [[...TEAM_CSV_COLUMNS], ...data.articles.flatMap(listArticleRows).map((row) => row.map(protectCell))];
  return `\uFEFF${rows.map((row) => row.map(quoteCell).join(",")).join("\r\n")}\r\n`;
}
