import { pluralize } from "@/lib/text/plural";
import type { FingerprintedReport } from "../model";
import { renderClaimMarkdown } from "./markdown-claim";
import { inlineMarkdown, linkMarkdown, tableMarkdown } from "./markdown-text";
import {
  ALL_CLEAR, describeFingerprintMeaning, describeSingleOrigin, describeStatusCounts, describeVerdictShares, listNumbers, listOpenQuestions, listReportMeta, type MetaLine,
} from "./wording";

const META_MARKDOWN: Record<MetaLine["kind"], (value: string) => string> = {
  text: inlineMarkdown,
  url: (value) => linkMarkdown(value),
  code: (value) => `\`${value}\``,
  missing: (value) => value,
};

function renderHeader(report: FingerprintedReport): string {
  const { article } = report;
  const rows: [string, string][] = [
    ["Title", inlineMarkdown(article.title)],
    ...listReportMeta(report).map((line): [string, string] => [line.term, META_MARKDOWN[line.kind](line.value)]),
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
  const { withVerdict, accurate } = describeVerdictShares(report);
  const lines = [
    "## Summary",
    [
      `- **Claims:** ${summary.claimCount} (${describeStatusCounts(summary)})`,
      `- **${withVerdict.value}** ${inlineMarkdown(withVerdict.words)}`,
      `- **${accurate.value}** ${inlineMarkdown(accurate.words)}`,
      `- **Final verdicts:** ${verdicts.join(" · ") || "none yet"}`,
    ].join("\n"),
  ];
  const singleOrigin = describeSingleOrigin(summary);
  if (singleOrigin) lines.push(`> **⚠ Single origin.** ${inlineMarkdown(singleOrigin)}`);
  const questions = listOpenQuestions(summary);
  lines.push("### Open questions");
  lines.push(
    questions.length > 0
      ? questions.map((question) => `- **${inlineMarkdown(question.label)}:** ${pluralize(question.numbers.length, "claim")} ${listNumbers(question.numbers)}`).join("\n")
      : ALL_CLEAR,
  );
  return lines.join("\n\n");
}

function renderFooter(report: FingerprintedReport): string {
  return [
    "---",
    `Report fingerprint: \`sha256:${report.fingerprint.value}\`, ${inlineMarkdown(describeFingerprintMeaning(report))} ` +
      `Schema: ${linkMarkdown(report.schema)} (version ${report.schemaVersion}).`,
  ].join("\n\n");
}

/** The report in GitHub-flavoured Markdown, for a CMS or a ticket. */
export function renderReportMarkdown(report: FingerprintedReport): string {
  const claims = report.claims.map((claim) => renderClaimMarkdown(claim, report));
  return `${[renderHeader(report), renderSummary(report), "## Claims", ...(claims.length > 0 ? claims : ["No claims have been marked in this article."]), renderFooter(report)].join("\n\n")}\n`;
}
