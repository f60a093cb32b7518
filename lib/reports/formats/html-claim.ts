import { PATH_ENDINGS } from "../build-claim";
import type { FingerprintedReport, ReportCitation, ReportClaim, ReportPath } from "../model";
import { escapeHtml, linkHtml, paragraphsHtml } from "./html-text";
import {
  describeCapture, describeChange, describeCitationRole, describeSourceKind, describeVerdict, formatDate, formatDateTime, formatShortDateTime, listClaimFacts, type ClaimFact,
} from "./wording";

/** A verdict badge: glyph and words, its border telling final, awaiting sign-off and none apart. */
export function renderVerdictBadge(claim: ReportClaim): string {
  const { glyph, text } = describeVerdict(claim);
  const kind = claim.verdict ? `v-${claim.verdict.key}${claim.verdictState === "awaiting_sign_off" ? " awaiting" : ""}` : claim.verdictWithheld ? "withheld" : "none";
  return `<span class="badge ${kind}"><span class="glyph" aria-hidden="true">${escapeHtml(glyph)}</span>${escapeHtml(text)}</span>`;
}

function renderPath(path: ReportPath): string {
  return `<li>${escapeHtml(path.sources.join(" ← "))} <span class="chain-end ${path.end}">(${PATH_ENDINGS[path.end]})</span></li>`;
}

function renderCitation(citation: ReportCitation): string {
  const meta = [
    citation.url ? linkHtml(citation.url) : "no address recorded",
    citation.archiveUrl ? `archived: ${linkHtml(citation.archiveUrl)}` : "no archive copy",
    citation.accessedAt ? `read ${escapeHtml(formatDate(citation.accessedAt))}` : null,
    citation.capture ? escapeHtml(describeCapture(citation.capture)) : null,
    citation.capture?.sha256 ? `snapshot SHA-256 <code>${escapeHtml(citation.capture.sha256)}</code>` : null,
  ].filter(Boolean);
  return [
    `<li><strong>${escapeHtml(citation.source.name)}</strong> <span class="muted">(${escapeHtml(describeSourceKind(citation))})</span> — ${escapeHtml(describeCitationRole(citation))}`,
    `<div class="cite-meta">${meta.join(" · ")}</div>`,
    citation.passage ? `<blockquote class="passage">${paragraphsHtml(citation.passage)}</blockquote>` : "",
    citation.note ? `<p class="note">Note: ${escapeHtml(citation.note)}</p>` : "",
    "</li>",
  ].join("");
}

function renderFacts(claim: ReportClaim, report: FingerprintedReport): string {
  const value = (fact: ClaimFact) =>
    fact.key === "status" ? `<span class="status">${escapeHtml(fact.value)}</span>` : fact.isPlaceholder ? `<span class="muted">${escapeHtml(fact.value)}</span>` : escapeHtml(fact.value);
  return `<dl class="facts">${listClaimFacts(claim, report.scale).map((fact) => `<dt>${fact.term}</dt><dd>${value(fact)}</dd>`).join("")}</dl>`;
}

function renderProvenance(claim: ReportClaim): string {
  const { provenance } = claim;
  return [
    `<h4>Provenance</h4><p>${escapeHtml(provenance.summary)}.</p>`,
    provenance.paths.length > 0 ? `<ul class="chains">${provenance.paths.map(renderPath).join("")}</ul>` : "",
    provenance.warnings.length > 0
      ? `<ul class="warnings">${provenance.warnings.map((warning) => `<li><span aria-hidden="true">⚠ </span>${escapeHtml(warning.message)}</li>`).join("")}</ul>`
      : "",
  ].join("");
}

function renderHistory(claim: ReportClaim): string {
  if (!claim.history) return "";
  const rows = claim.history.map((entry) =>
    `<tr><td>${escapeHtml(formatShortDateTime(entry.at))}</td><td>${escapeHtml(entry.actor)}</td><td>${escapeHtml(describeChange(entry))}</td></tr>`);
  return `<h4>History</h4>${rows.length > 0 ? `<table class="history"><thead><tr><th>When</th><th>Who</th><th>What</th></tr></thead><tbody>${rows.join("")}</tbody></table>` : "<p class=\"muted\">No entries.</p>"}`;
}

function renderComments(claim: ReportClaim): string {
  if (!claim.comments) return "";
  const items = claim.comments.map((comment) =>
    `<li><strong>${escapeHtml(comment.author)}</strong> <span class="muted">${escapeHtml(formatDateTime(comment.at))}</span>${paragraphsHtml(comment.body)}</li>`);
  return `<h4>Internal comments</h4>${items.length > 0 ? `<ul class="comments">${items.join("")}</ul>` : "<p class=\"muted\">None.</p>"}`;
}

/** One claim as an article with the id `claim-N` that ClaimReview `url`s point at. */
export function renderClaimHtml(claim: ReportClaim, report: FingerprintedReport): string {
  const moved = claim.anchorState === "anchored" ? "" : ` (${escapeHtml(claim.anchorState)} in the latest version)`;
  const rationale = claim.rationale
    ? `<h4>Rationale</h4>${paragraphsHtml(claim.rationale)}`
    : claim.verdictWithheld ? `<h4>Rationale</h4><p class="muted">Withheld until the verdict is signed off.</p>` : "";
  return [
    `<article class="claim" id="claim-${claim.number}" aria-labelledby="claim-${claim.number}-title">`,
    `<div class="claim-head"><div><p class="claim-number">Claim ${claim.number}</p>`,
    `<p class="statement" id="claim-${claim.number}-title">${escapeHtml(claim.statement)}</p></div>${renderVerdictBadge(claim)}</div>`,
    `<blockquote class="quote">${paragraphsHtml(claim.quote)}<p class="quote-source">— quoted from the article${moved}</p></blockquote>`,
    renderFacts(claim, report),
    rationale,
    renderProvenance(claim),
    `<h4>Citations</h4>`,
    claim.citations.length > 0 ? `<ol class="citations">${claim.citations.map(renderCitation).join("")}</ol>` : `<p class="muted">None yet.</p>`,
    renderHistory(claim),
    renderComments(claim),
    "</article>",
  ].join("");
}
