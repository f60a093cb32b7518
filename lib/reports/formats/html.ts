import { claimStatusDisplay, CLAIM_STATUSES } from "@/lib/claims/status";
import type { FingerprintedReport } from "../model";
import { renderClaimHtml } from "./html-claim";
import { REPORT_CSS } from "./html-style";
import { escapeHtml, linkHtml } from "./html-text";
import {
  describeOptions, describeSingleOrigin, formatDate, formatDateTime, formatShare, listNumbers, listOpenQuestions, VERDICT_GLYPHS,
} from "./wording";

/**
 * The policy travels with the file: opened from disk or a mail attachment, the page still
 * may load nothing but its own inline style, and runs no script.
 */
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function renderHeader(report: FingerprintedReport): string {
  const { article } = report;
  const meta: [string, string][] = [
    ["Outlet", article.outlet ? escapeHtml(article.outlet) : "<span class=\"muted\">not recorded</span>"],
    ["Author", article.author ? escapeHtml(article.author) : "<span class=\"muted\">not recorded</span>"],
    ["Published", article.publishedAt ? escapeHtml(formatDate(article.publishedAt)) : "<span class=\"muted\">not recorded</span>"],
    ["Address", article.url ? linkHtml(article.url) : "<span class=\"muted\">not recorded</span>"],
    ["Version checked", escapeHtml(`${article.version.number} of ${article.version.count}, imported ${formatDateTime(article.version.importedAt)} by ${article.version.importedBy}`)],
    ["Text hash", `<code>${escapeHtml(article.version.contentHash)}</code>`],
    ["Report made", escapeHtml(`${formatDateTime(report.generatedAt)} by ${report.generatedBy.name}`)],
    ["Options", escapeHtml(describeOptions(report.options))],
    ["Fingerprint", `<code>sha256:${escapeHtml(report.fingerprint.value)}</code>`],
  ];
  return [
    `<header><p class="kicker">${escapeHtml(report.team.name)} · Verification report</p>`,
    `<h1>${escapeHtml(article.title)}</h1>`,
    `<dl class="meta">${meta.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join("")}</dl></header>`,
  ].join("");
}

function renderCounts(report: FingerprintedReport): string {
  const { summary } = report;
  const statusRows = CLAIM_STATUSES.map((status) =>
    `<tr><td>${escapeHtml(`${claimStatusDisplay[status].glyph} ${claimStatusDisplay[status].label}`)}</td><td class="n">${summary.byStatus[status]}</td></tr>`);
  const verdictRows = report.scale.verdicts.map((entry) =>
    `<tr><td>${escapeHtml(`${VERDICT_GLYPHS[entry.key]} ${entry.label}`)}</td><td class="n">${summary.byVerdict[entry.key]}</td></tr>`);
  return [
    `<div class="tables">`,
    `<table><thead><tr><th>State</th><th>Claims</th></tr></thead><tbody>${statusRows.join("")}</tbody></table>`,
    `<table><thead><tr><th>Final verdict</th><th>Claims</th></tr></thead><tbody>${verdictRows.join("")}</tbody></table>`,
    `</div>`,
  ].join("");
}

function renderSummary(report: FingerprintedReport): string {
  const { summary } = report;
  const questions = listOpenQuestions(summary);
  const openClaims = new Set(questions.flatMap((question) => question.numbers)).size;
  const figures: [string, string][] = [
    [String(summary.claimCount), summary.claimCount === 1 ? "claim" : "claims"],
    [formatShare(summary.shareVerified), `verified (${summary.finalVerdicts} with a final verdict)`],
    [String(summary.singleOriginClaims.length), "on a single origin"],
    [String(openClaims), openClaims === 1 ? "claim with open questions" : "claims with open questions"],
  ];
  const singleOrigin = describeSingleOrigin(summary);
  return [
    `<section class="summary" aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>`,
    `<div class="figures">${figures.map(([value, label]) => `<div class="figure"><b>${escapeHtml(value)}</b><span>${escapeHtml(label)}</span></div>`).join("")}</div>`,
    singleOrigin ? `<div class="callout" role="note"><strong>⚠ Single origin.</strong> ${escapeHtml(singleOrigin)}</div>` : "",
    renderCounts(report),
    `<h3>Open questions</h3>`,
    questions.length > 0
      ? `<ul class="questions">${questions.map((question) => `<li><strong>${escapeHtml(question.label)}:</strong> ${question.numbers.length === 1 ? "claim" : "claims"} ${renderClaimLinks(question.numbers)}</li>`).join("")}</ul>`
      : `<p class="all-clear">✓ None: every claim is done, with a final verdict and no provenance warning.</p>`,
    `</section>`,
  ].join("");
}

function renderClaimLinks(numbers: readonly number[]): string {
  return listNumbers(numbers).replace(/\d+/g, (number) => `<a href="#claim-${number}">${number}</a>`);
}

function renderFooter(report: FingerprintedReport): string {
  return [
    `<footer class="report-footer">`,
    `<div class="approval"><div>Approved by (name, role)</div><div>Date and signature</div></div>`,
    `<p>Report fingerprint <code>sha256:${escapeHtml(report.fingerprint.value)}</code>: the SHA-256 of this report's canonical JSON `,
    `(${escapeHtml(report.fingerprint.canonicalization)}). Two copies with the same fingerprint hold the same content; `,
    `the time the report was made and who made it are part of that content.</p>`,
    `<p>Made with FactDesk · schema ${escapeHtml(report.schema)} (version ${report.schemaVersion}) · ${escapeHtml(formatDateTime(report.generatedAt))}</p>`,
    `</footer>`,
  ].join("");
}

/** A self-contained page: inline style, no script, nothing fetched; readable on screen and on A4. */
export function renderReportHtml(report: FingerprintedReport): string {
  const claims = report.claims.map((claim) => renderClaimHtml(claim, report)).join("");
  return [
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${POLICY}">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">`,
    `<meta name="generator" content="FactDesk"><meta name="report-fingerprint" content="sha256:${escapeHtml(report.fingerprint.value)}">`,
    `<title>${escapeHtml(`Verification report: ${report.article.title}`)}</title><style>${REPORT_CSS}</style></head>`,
    `<body><div class="page">`,
    renderHeader(report),
    `<main>`,
    renderSummary(report),
    `<section class="claims" aria-labelledby="claims-title"><h2 id="claims-title">Claims</h2>`,
    claims || `<p class="muted">No claims have been marked in this article.</p>`,
    `</section></main>`,
    renderFooter(report),
    `</div></body></html>\n`,
  ].join("\n");
}
