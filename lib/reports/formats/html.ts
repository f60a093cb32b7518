import type { FingerprintedReport } from "../model";
import { renderClaimHtml } from "./html-claim";
import { REPORT_CSS } from "./html-style";
import { escapeHtml, linkHtml } from "./html-text";
import {
  ALL_CLEAR, describeFingerprintMeaning, describeMaker, describeSingleOrigin, listCountTables, listNumbers, listOpenQuestions, listReportMeta, listSummaryFigures, type MetaLine,
} from "./wording";
import { pluralize } from "@/lib/text/plural";

/**
 * The policy travels with the file: opened from disk or a mail attachment, the page still
 * may load nothing but its own inline style, and runs no script.
 */
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const META_HTML: Record<MetaLine["kind"], (value: string) => string> = {
  text: escapeHtml,
  url: (value) => linkHtml(value),
  code: (value) => `<code>${escapeHtml(value)}</code>`,
  missing: (value) => `<span class="muted">${escapeHtml(value)}</span>`,
};

function renderHeader(report: FingerprintedReport): string {
  return [
    `<header><p class="kicker">${escapeHtml(report.team.name)} · Verification report</p>`,
    `<h1>${escapeHtml(report.article.title)}</h1>`,
    `<dl class="meta">${listReportMeta(report).map((line) => `<dt>${line.term}</dt><dd>${META_HTML[line.kind](line.value)}</dd>`).join("")}</dl></header>`,
  ].join("");
}

function renderCounts(report: FingerprintedReport): string {
  const tables = listCountTables(report).map(({ heading, rows }) =>
    `<table><thead><tr><th>${heading}</th><th>Claims</th></tr></thead><tbody>${rows.map(([label, count]) => `<tr><td>${escapeHtml(label)}</td><td class="n">${count}</td></tr>`).join("")}</tbody></table>`);
  return `<div class="tables">${tables.join("")}</div>`;
}

function renderSummary(report: FingerprintedReport): string {
  const questions = listOpenQuestions(report.summary);
  const singleOrigin = describeSingleOrigin(report.summary);
  return [
    `<section class="summary" aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>`,
    `<div class="figures">${listSummaryFigures(report).map(([value, label]) => `<div class="figure"><b>${escapeHtml(value)}</b><span>${escapeHtml(label)}</span></div>`).join("")}</div>`,
    singleOrigin ? `<div class="callout" role="note"><strong>⚠ Single origin.</strong> ${escapeHtml(singleOrigin)}</div>` : "",
    renderCounts(report),
    `<h3>Open questions</h3>`,
    questions.length > 0
      ? `<ul class="questions">${questions.map((question) => `<li><strong>${escapeHtml(question.label)}:</strong> ${pluralize(question.numbers.length, "claim")} ${renderClaimLinks(question.numbers)}</li>`).join("")}</ul>`
      : `<p class="all-clear">✓ ${escapeHtml(ALL_CLEAR)}</p>`,
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
    `<p>Report fingerprint <code>sha256:${escapeHtml(report.fingerprint.value)}</code>: ${escapeHtml(describeFingerprintMeaning(report))}</p>`,
    `<p>${escapeHtml(describeMaker(report))}</p>`,
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
