import type { Verdict } from "@/lib/verification/verdicts";
import { PATH_ENDINGS } from "../../build-claim";
import type { FingerprintedReport, ReportCitation, ReportClaim } from "../../model";
import { REPORT_COLOURS as C } from "../html-style";
import {
  describeCapture, describeChange, describeCitationRole, describeSourceKind, describeVerdict, formatDate, formatDateTime, formatShortDateTime, listClaimFacts,
} from "../wording";
import { BODY, cleanText, type Run, type Style, type Typesetter } from "./typesetter";

/** The type scale of the printed HTML report (lib/reports/formats/html-style.ts, @media print). */
export const TYPE = {
  small: { ...BODY, size: 6.8, colour: C.muted },
  meta: { ...BODY, size: 7.2 },
  heading: { font: "bold", size: 6.4, colour: C.muted, spacing: 0.45 },
  statement: { font: "bold", size: 9.6, colour: C.ink },
  quote: { font: "serif", size: 8, colour: "#333333" },
  passage: { font: "serifItalic", size: 7.4, colour: "#333333" },
  table: { ...BODY, size: 6.6 },
  tableHead: { font: "bold", size: 6.6, colour: C.ink },
  mono: { font: "mono", size: 6.4, colour: C.ink },
} satisfies Record<string, Style>;

const MUTED = { colour: C.muted };
const BOLD = { font: "bold" } as const;

/** Badge colours per verdict, as in the HTML: glyph and words tell them apart, not colour alone. */
const BADGE_COLOURS: Record<Verdict, [string, string]> = {
  accurate: [C.ok, C["ok-bg"]],
  false: [C.bad, C["bad-bg"]],
  misleading: [C.warn, C["warn-bg"]],
  unsubstantiated: [C.plain, C["plain-bg"]],
  not_checkable: [C.plain, C["plain-bg"]],
};

/** An h4 of the HTML: small capitals, kept with at least two lines of what follows. */
function writeHeading(page: Typesetter, text: string): void {
  page.space(4);
  page.keep(30);
  page.paragraph([{ text: text.toUpperCase() }], TYPE.heading, { tag: "H4" });
  page.space(1.5);
}

/** Text that came from an editor, in paragraphs as typed. */
function writeText(page: Typesetter, text: string, style: Style = BODY, indent = 0): void {
  page.paragraph([{ text: cleanText(text) }], style, { indent });
}

/** A block with a bar on its left (quotes and passages), moved to the next page whole when it fits one. */
function writeBarred(page: Typesetter, runs: Run[][], styles: Style[], colour: string, indent: number): void {
  const inset = 7;
  const height = runs.reduce((sum, each, index) => sum + page.measure(each, styles[index], page.width - indent - inset), 0);
  page.keep(height);
  const pageBefore = page.currentPage;
  const top = page.y;
  page.group("BlockQuote", () => runs.forEach((each, index) => page.paragraph(each, styles[index], { indent: indent + inset })));
  // A block longer than a page is left without its bar rather than given a wrong one.
  if (page.currentPage === pageBefore) page.bar(top + 0.5, page.left + indent + 1.5, colour, 1.6);
}

/** The verdict badge: its words, colours and outline. */
function describeBadge(page: Typesetter, claim: ReportClaim) {
  const { glyph, text } = describeVerdict(claim);
  const style: Style = { font: "bold", size: 7, colour: C.muted };
  let background: string | undefined;
  if (claim.verdict) [style.colour, background] = BADGE_COLOURS[claim.verdict.key];
  const label = `${glyph} ${text}`;
  const dash: [number, number] | undefined = claim.verdictState === "awaiting_sign_off" || claim.verdictWithheld ? [2.2, 1.4] : !claim.verdict ? [0.8, 1.2] : undefined;
  return { label, style, background, dash, width: page.textWidth(label, style) + 12 };
}

/** The badge at the right end of the line at `y`. */
function writeBadge(page: Typesetter, badge: ReturnType<typeof describeBadge>, y: number): void {
  const height = badge.style.size * 1.2 + 4;
  const x = page.left + page.width - badge.width;
  page.box(x, y, badge.width, height, { fill: badge.background, stroke: badge.style.colour, radius: height / 2, thickness: 1, dash: badge.dash });
  page.label(badge.label, x + 6, y + 2.4, badge.style);
}

function writeFacts(page: Typesetter, claim: ReportClaim, report: FingerprintedReport): void {
  const facts = listClaimFacts(claim, report.scale).map((fact): [string, Run] => [fact.term, { text: fact.value, style: fact.isPlaceholder ? MUTED : undefined }]);
  // Set in lines of whole facts, so that no term is parted from its value (a fact longer than a
  // line has one to itself and wraps).
  const gap = "      ";
  const gapWidth = page.textWidth(gap, TYPE.meta);
  const lines: { runs: Run[]; width: number }[] = [];
  for (const [term, value] of facts) {
    const width = page.textWidth(`${term}: ${value.text}`, TYPE.meta);
    const line = lines[lines.length - 1];
    const runs: Run[] = [{ text: `${term}: `, style: MUTED }, value];
    if (line && line.width + gapWidth + width <= page.width) {
      line.runs.push({ text: gap }, ...runs);
      line.width += gapWidth + width;
    } else lines.push({ runs, width });
  }
  page.space(2);
  for (const line of lines) page.paragraph(line.runs, TYPE.meta);
}

function writeProvenance(page: Typesetter, claim: ReportClaim): void {
  const { provenance } = claim;
  writeHeading(page, "Provenance");
  page.paragraph([{ text: `${provenance.summary}.` }]);
  for (const path of provenance.paths) {
    const end = path.end === "origin" ? { colour: C.ok, font: "bold" as const } : MUTED;
    page.paragraph([{ text: `${path.sources.join(" ← ")} ` }, { text: `(${PATH_ENDINGS[path.end]})`, style: { ...end, size: 7 } }], BODY, { indent: 6 });
  }
  for (const warning of provenance.warnings) page.paragraph([{ text: `⚠ ${warning.message}` }], { ...BODY, colour: C.warn }, { indent: 6 });
}

function writeCitation(page: Typesetter, citation: ReportCitation, number: number): void {
  const indent = 12;
  const link = (url: string): Run => ({ text: url, link: url, style: { colour: C.accent } });
  const meta: Run[][] = [
    [citation.url ? link(citation.url) : { text: "no address recorded" }],
    citation.archiveUrl ? [{ text: "archived: " }, link(citation.archiveUrl)] : [{ text: "no archive copy" }],
    citation.accessedAt ? [{ text: `read ${formatDate(citation.accessedAt)}` }] : [],
    citation.capture ? [{ text: describeCapture(citation.capture) }] : [],
    citation.capture?.sha256 ? [{ text: "snapshot SHA-256 " }, { text: citation.capture.sha256, style: TYPE.mono }] : [],
  ].filter((runs) => runs.length > 0);
  page.space(1.5);
  page.keep(page.measure([{ text: citation.source.name }], BODY) + 10);
  page.group("LI", () => {
    page.label(`${number}.`, page.left + indent - 3, page.y, BODY, { align: "right", tag: "Lbl" });
    page.group("LBody", () => {
      page.paragraph([
        { text: citation.source.name, style: BOLD },
        { text: ` (${describeSourceKind(citation)})`, style: MUTED },
        { text: ` — ${describeCitationRole(citation)}` },
      ], BODY, { indent });
      page.paragraph(meta.flatMap((runs, index) => (index > 0 ? [{ text: " · " }, ...runs] : runs)), TYPE.small, { indent });
      if (citation.passage) writeBarred(page, [[{ text: cleanText(citation.passage) }]], [TYPE.passage], C.rule, indent);
      if (citation.note) page.paragraph([{ text: `Note: ${cleanText(citation.note)}` }], TYPE.meta, { indent });
    });
  });
}

function writeHistory(page: Typesetter, claim: ReportClaim): void {
  if (!claim.history) return;
  writeHeading(page, "History");
  if (claim.history.length === 0) {
    page.paragraph([{ text: "No entries." }], TYPE.small);
    return;
  }
  const rows = claim.history.map((entry) => [formatShortDateTime(entry.at), entry.actor, describeChange(entry)]);
  page.logTable([78, 92, page.width - 170], ["When", "Who", "What"], rows, TYPE.table, TYPE.tableHead);
}

function writeComments(page: Typesetter, claim: ReportClaim): void {
  if (!claim.comments) return;
  writeHeading(page, "Internal comments");
  if (claim.comments.length === 0) page.paragraph([{ text: "None." }], TYPE.small);
  for (const comment of claim.comments) {
    page.keep(24);
    page.paragraph([{ text: comment.author, style: BOLD }, { text: `  ${formatDateTime(comment.at)}`, style: { ...MUTED, size: 7 } }]);
    writeText(page, comment.body, BODY, 6);
    page.space(2);
  }
}

/**
 * One claim, in the order of the HTML report: number and verdict, statement, quote, facts,
 * rationale, provenance, citations, history and comments. A bookmark and the destination
 * `claim-N` mark where it starts.
 */
export function writeClaim(page: Typesetter, claim: ReportClaim, report: FingerprintedReport, outline: PDFKit.PDFOutline | undefined): void {
  page.group("Sect", () => writeClaimContent(page, claim, report, outline));
}

function writeClaimContent(page: Typesetter, claim: ReportClaim, report: FingerprintedReport, outline: PDFKit.PDFOutline | undefined): void {
  const { glyph, text } = describeVerdict(claim);
  const isFirst = claim === report.claims[0];
  page.space(isFirst ? 2 : 7);
  // The head is kept with the start of its quote, whatever the quote's length.
  page.keep(page.measure([{ text: claim.statement }], TYPE.statement, page.width - 120) + Math.min(page.measure([{ text: claim.quote }], TYPE.quote), 32) + 36);
  // A rule parts a claim from the one before it, not from the top of a page.
  if (!isFirst && !page.isAtPageTop) {
    page.rule();
    page.space(5);
  }
  page.mark(`claim-${claim.number}`, `Claim ${claim.number} · ${glyph} ${text}`, outline);
  const top = page.y;
  const badge = describeBadge(page, claim);
  page.paragraph([{ text: `Claim ${claim.number}`.toUpperCase() }], { ...TYPE.heading, size: 6.8 });
  page.paragraph([{ text: cleanText(claim.statement) }], TYPE.statement, { width: page.width - badge.width - 10, tag: "H3" });
  // Drawn after the statement, so that a screen reader reads number, statement, verdict.
  writeBadge(page, badge, top);
  page.space(2);
  const moved = claim.anchorState === "anchored" ? "" : ` (${claim.anchorState} in the latest version)`;
  writeBarred(page, [[{ text: cleanText(claim.quote) }], [{ text: `— quoted from the article${moved}` }]], [TYPE.quote, TYPE.small], C.rule, 0);
  writeFacts(page, claim, report);
  if (claim.rationale) {
    writeHeading(page, "Rationale");
    writeText(page, claim.rationale);
  } else if (claim.verdictWithheld) {
    writeHeading(page, "Rationale");
    page.paragraph([{ text: "Withheld until the verdict is signed off." }], { ...BODY, ...MUTED });
  }
  writeProvenance(page, claim);
  writeHeading(page, "Citations");
  if (claim.citations.length === 0) page.paragraph([{ text: "None yet." }], { ...BODY, ...MUTED });
  else page.group("L", () => claim.citations.forEach((citation, index) => writeCitation(page, citation, index + 1)));
  writeHistory(page, claim);
  writeComments(page, claim);
}
