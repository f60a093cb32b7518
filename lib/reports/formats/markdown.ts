import type { FingerprintedReport } from "../model";
import { renderClaimMarkdown } from "./markdown-claim";
import { inlineMarkdown, linkMarkdown, tableMarkdown } from "./markdown-text";
import {
  describeOptions, describeSingleOrigin, describeStatusCounts, formatDate, formatDateTime, formatShare, listNumbers, listOpenQuestions,
} from "./wording";

function renderHeader(report: FingerprintedReport): string {
  const { article } = report;
  const { version } = article;
  const rows: [string, string][] = [
    ["Title", inlineMarkdown(article.title)],
    ["Outlet", article.outlet ? inlineMarkdown(article.outlet) : "not recorded"],
    ["Author", article.author ? inlineMarkdown(article.author) : "not recorded"],
    ["Published", article.publishedAt ? formatDate(article.publishedAt) : "not recorded"],
    ["Address", article.url ? linkMarkdown(article.url) : "not recorded"],
    ["Version checked", `${version.number} of ${version.count}, imported ${formatDateTime(version.importedAt)} by ${inlineMarkdown(version.importedBy)}`],
    ["Text hash", `\`${version.contentHash}\``],
    ["Report made", `${formatDateTime(report.generatedAt)} by ${inlineMarkdown(report.generatedBy.name)}`],
    ["Options", inlineMarkdown(describeOptions(report.options))],
    ["Report fingerprint", `\`sha256:${report.fingerprint.value}\``],
  ];
  return [
    `# Verification report: ${inlineMarkdown(article.title)}`,
    `${inlineMarkdown(report.team.name)} · FactDesk verification report`,
    tableMarkdown(rows, ["Article", ""]),
  ].join("\n\n");
}

function renderSummary(report: FingerprintedReport): string {
  const { summary } = report;
  const verdicts = report.scale.verdicts
    .filter((entry) => summary.byVerdict[entry.key] > 0)
    .map((entry) => `${inlineMarkdown(entry.label)} ${summary.byVerdict[entry.key]}`);
  const lines = [
    "## Summary",
    [
      `- **Claims:** ${summary.claimCount} (${describeStatusCounts(summary)})`,
      `- **Verified:** ${summary.finalVerdicts} of ${summary.claimCount} claims have a final verdict (${formatShare(summary.shareVerified)})`,
      `- **Final verdicts:** ${verdicts.join(" · ") || "none yet"}`,
    ].join("\n"),
  ];
  const singleOrigin = describeSingleOrigin(summary);
  if (singleOrigin) lines.push(`> **⚠ Single origin.** ${inlineMarkdown(singleOrigin)}`);
  const questions = listOpenQuestions(summary);
  lines.push("### Open questions");
  lines.push(
    questions.length > 0
      ? questions.map((question) => `- **${inlineMarkdown(question.label)}:** claim${question.numbers.length === 1 ? "" : "s"} ${listNumbers(question.numbers)}`).join("\n")
      : "None: every claim is done, with a final verdict and no provenance warning.",
  );
  return lines.join("\n\n");
}

function renderFooter(report: FingerprintedReport): string {
  return [
    "---",
    `Report fingerprint: \`sha256:${report.fingerprint.value}\`, the SHA-256 of this report's canonical JSON (${inlineMarkdown(report.fingerprint.canonicalization)}). ` +
      `Two copies with the same fingerprint hold the same content. Schema: ${linkMarkdown(report.schema)} (version ${report.schemaVersion}).`,
  ].join("\n\n");
}

/** The report in GitHub-flavoured Markdown, for a CMS or a ticket. */
export function renderReportMarkdown(report: FingerprintedReport): string {
  const claims = report.claims.map((claim) => renderClaimMarkdown(claim, report));
  return `${[renderHeader(report), renderSummary(report), "## Claims", ...(claims.length > 0 ? claims : ["No claims have been marked in this article."]), renderFooter(report)].join("\n\n")}\n`;
}
