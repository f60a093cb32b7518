import type { ReportCitation, ReportClaim, FingerprintedReport } from "../model";
import { blockMarkdown, inlineMarkdown, linkMarkdown, tableMarkdown } from "./markdown-text";
import { describeCapture, describeChange, describeCitationRole, describeRating, describeSourceKind, describeStatus, describeVerdict, formatDate, formatDateTime, formatShortDateTime } from "./wording";

function renderCitation(citation: ReportCitation, index: number): string {
  const details = [
    citation.url ? linkMarkdown(citation.url) : "no address recorded",
    citation.archiveUrl ? `archived: ${linkMarkdown(citation.archiveUrl)}` : "no archive copy",
    citation.accessedAt ? `read ${formatDate(citation.accessedAt)}` : null,
    citation.capture ? inlineMarkdown(describeCapture(citation.capture)) : null,
    citation.capture?.sha256 ? `snapshot SHA-256 \`${citation.capture.sha256}\`` : null,
  ].filter(Boolean);
  const head = `**${inlineMarkdown(citation.source.name)}** (${inlineMarkdown(describeSourceKind(citation))}) — ${inlineMarkdown(describeCitationRole(citation))}`;
  const lines = [`${index + 1}. ${head}  `, `   ${details.join(" · ")}`];
  if (citation.passage) lines.push("", blockMarkdown(citation.passage, "   > "));
  if (citation.note) lines.push("", `   ${inlineMarkdown(`Note: ${citation.note}`)}`);
  return lines.join("\n");
}

function renderFacts(claim: ReportClaim, report: FingerprintedReport): string {
  const verdict = describeVerdict(claim);
  const rating = describeRating(claim, report.scale);
  const rows: [string, string][] = [
    ["Status", inlineMarkdown(describeStatus(claim))],
    ["Verdict", `**${inlineMarkdown(`${verdict.glyph} ${verdict.text}`)}**${rating ? ` — ${inlineMarkdown(rating)}` : ""}`],
  ];
  if (claim.verdictBy || claim.verdictAt) {
    rows.push(["Verdict given", inlineMarkdown([claim.verdictBy ?? "unknown", claim.verdictAt ? formatDateTime(claim.verdictAt) : null].filter(Boolean).join(", "))]);
  }
  if (claim.signedOffBy && claim.signedOffAt) rows.push(["Signed off", inlineMarkdown(`${claim.signedOffBy}, ${formatDateTime(claim.signedOffAt)}`)]);
  else if (claim.verdictState === "awaiting_sign_off") rows.push(["Signed off", "not yet: awaits a second editor"]);
  rows.push(["Assignee", claim.assignee ? inlineMarkdown(claim.assignee) : "nobody"]);
  return tableMarkdown(rows, ["Claim", String(claim.number)]);
}

function renderProvenance(claim: ReportClaim): string {
  const { provenance } = claim;
  const lines = [`**Provenance.** ${inlineMarkdown(provenance.summary)}.`];
  if (provenance.paths.length > 0) lines.push("", ...provenance.paths.map((path) => `- ${inlineMarkdown(path.text)}`));
  if (provenance.warnings.length > 0) lines.push("", "**Warnings**", "", ...provenance.warnings.map((warning) => `- ⚠ ${inlineMarkdown(warning.message)}`));
  return lines.join("\n");
}

/** One claim as a section; anchors match the HTML report's `#claim-N`. */
export function renderClaimMarkdown(claim: ReportClaim, report: FingerprintedReport): string {
  const verdict = describeVerdict(claim);
  const parts = [
    `### Claim ${claim.number} · ${inlineMarkdown(`${verdict.glyph} ${verdict.text}`)}`,
    `**${inlineMarkdown(claim.statement)}**`,
    `${blockMarkdown(claim.quote, "> ")}\n>\n> — quoted from the article${claim.anchorState === "anchored" ? "" : ` (${inlineMarkdown(claim.anchorState)} in the latest version)`}`,
    renderFacts(claim, report),
  ];
  if (claim.rationale) parts.push(`**Rationale.**\n${blockMarkdown(claim.rationale)}`);
  else if (claim.verdictWithheld) parts.push("**Rationale.** Withheld until the verdict is signed off.");
  parts.push(renderProvenance(claim));
  parts.push(claim.citations.length > 0 ? `**Citations**\n\n${claim.citations.map(renderCitation).join("\n")}` : "**Citations.** None yet.");
  if (claim.history) {
    const entries = claim.history.map((entry) => `- ${formatShortDateTime(entry.at)} — ${inlineMarkdown(`${entry.actor} ${describeChange(entry)}`)}`);
    parts.push(`**History**\n\n${entries.join("\n") || "- No entries."}`);
  }
  if (claim.comments) {
    const entries = claim.comments.map((comment) => `- ${formatDateTime(comment.at)} — **${inlineMarkdown(comment.author)}:** ${inlineMarkdown(comment.body)}`);
    parts.push(`**Internal comments**\n\n${entries.join("\n") || "- None."}`);
  }
  return parts.join("\n\n");
}
