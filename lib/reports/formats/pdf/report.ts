import type { FingerprintedReport } from "../../model";
import { REPORT_COLOURS as C } from "../html-style";
import {
  ALL_CLEAR, describeFingerprintMeaning, describeMaker, describeSingleOrigin, listCountTables, listOpenQuestions, listReportMeta, listSummaryFigures, type MetaLine,
} from "../wording";
import { TYPE, writeClaim } from "./claim";
import { findUntypesettable } from "./fonts";
import { BODY, type Run, type Style, Typesetter } from "./typesetter";
import { pluralize } from "@/lib/text/plural";

const MUTED = { colour: C.muted };
const TITLE: Style = { font: "bold", size: 16, colour: C.ink };
const SECTION: Style = { font: "bold", size: 10.6, colour: C.ink };
const BAND: Style = { font: "sans", size: 7, colour: "#475569" };
// Claims written between two turns of the event loop, so that a long report never holds up
// the server's other requests for more than a few milliseconds at a time.
const CLAIMS_PER_TURN = 10;

/** Every string in the report, for the font check. */
function* strings(value: unknown): Generator<string> {
  if (typeof value === "string") yield value;
  else if (Array.isArray(value)) for (const item of value) yield* strings(item);
  else if (value && typeof value === "object") for (const item of Object.values(value)) yield* strings(item);
}

/**
 * Why the report cannot be typeset with the embedded fonts (see fonts.ts), or null when it can.
 * Such a report is printed by Chromium from the HTML instead, with the system's fonts.
 */
export function findUntypesettableText(report: FingerprintedReport): string | null {
  for (const text of strings(report)) {
    const reason = findUntypesettable(text);
    if (reason) return reason;
  }
  return null;
}

function writeSection(page: Typesetter, title: string): void {
  page.space(10);
  page.keep(60);
  page.paragraph([{ text: title }], SECTION, { tag: "H2" });
  page.space(2);
  page.rule(C.ink, 1.4);
  page.space(5);
}

/** Term and value side by side, like the HTML's definition lists. */
function writeDefinitions(page: Typesetter, rows: [string, Run[]][], style: Style, termWidth: number): void {
  page.group("Table", () => {
    for (const [term, value] of rows) {
      page.group("TR", () => {
        page.label(term, page.left, page.y, { ...style, ...MUTED }, { tag: "TH" });
        page.paragraph(value, style, { indent: termWidth, tag: "TD" });
      });
      page.space(1);
    }
  });
}

const META_RUNS: Record<MetaLine["kind"], (value: string) => Run[]> = {
  text: (value) => [{ text: value }],
  url: (value) => [{ text: value, link: value, style: { colour: C.accent } }],
  code: (value) => [{ text: value, style: TYPE.mono }],
  missing: (value) => [{ text: value, style: MUTED }],
};

function writeHeader(page: Typesetter, report: FingerprintedReport): void {
  page.paragraph([{ text: `${report.team.name} · Verification report`.toUpperCase() }], { ...TYPE.heading, size: 6.6 });
  page.space(3);
  page.paragraph([{ text: report.article.title }], TITLE, { tag: "H1" });
  page.space(6);
  writeDefinitions(page, listReportMeta(report).map((line) => [line.term, META_RUNS[line.kind](line.value)]), TYPE.meta, 72);
}

function writeFigures(page: Typesetter, report: FingerprintedReport): void {
  const figures = listSummaryFigures(report);
  const gap = 8;
  const width = (page.width - (figures.length - 1) * gap) / figures.length;
  const value: Style = { font: "bold", size: 14, colour: C.ink };
  const label: Style = { ...TYPE.small };
  const height = 8 + 17 + Math.max(...figures.map(([, words]) => page.measure([{ text: words }], label, width - 14)));
  page.keep(height);
  const top = page.y;
  figures.forEach(([figure, words], index) => {
    const x = page.left + index * (width + gap);
    page.box(x, top, width, height, { stroke: C.rule, radius: 4 });
    page.label(figure, x + 7, top + 5, value);
    page.y = top + 22;
    page.paragraph([{ text: words }], label, { indent: x - page.left + 7, width: width - 14 });
  });
  page.y = top + height + 8;
}

function writeCallout(page: Typesetter, text: string): void {
  const runs: Run[] = [{ text: "⚠ Single origin. ", style: { font: "bold", colour: C.warn } }, { text }];
  // Measured in the body face: measure() would take the bold of the first words for all of it.
  const height = page.measure([{ text: runs.map((run) => run.text).join("") }], BODY, page.width - 22) + 10;
  page.keep(height);
  const top = page.y;
  page.box(page.left, top, page.width, height, { fill: C["warn-bg"] });
  page.box(page.left, top, 3, height, { fill: C.warn });
  page.y = top + 5;
  page.paragraph(runs, BODY, { indent: 11, width: page.width - 18 });
  page.y = top + height + 8;
}

/** The two count tables (claims by state, by final verdict) side by side. */
function writeCounts(page: Typesetter, report: FingerprintedReport): void {
  const tables = listCountTables(report);
  const rowHeight = 11;
  const tableWidth = 170;
  page.keep((Math.max(...tables.map(({ rows }) => rows.length)) + 1) * rowHeight);
  const top = page.y;
  let bottom = top;
  tables.forEach(({ heading, rows }, index) => {
    const x = page.left + index * (tableWidth + 30);
    page.group("Table", () => [[heading, "Claims"] as const, ...rows].forEach(([name, count], row) => {
      const y = top + row * rowHeight;
      const [style, tag] = row === 0 ? [TYPE.tableHead, "TH" as const] : [{ ...BODY, size: 7.4 }, "TD" as const];
      page.group("TR", () => {
        page.label(name, x, y + 2, style, { tag });
        page.label(String(count), x + tableWidth, y + 2, style, { align: "right", tag });
      });
      page.line(x, y + rowHeight, tableWidth, C.rule, 0.5);
      bottom = Math.max(bottom, y + rowHeight);
    }));
  });
  page.y = bottom + 6;
}

function writeSummary(page: Typesetter, report: FingerprintedReport): void {
  writeSection(page, "Summary");
  page.mark("summary", "Summary");
  writeFigures(page, report);
  const singleOrigin = describeSingleOrigin(report.summary);
  if (singleOrigin) writeCallout(page, singleOrigin);
  writeCounts(page, report);
  page.space(4);
  page.keep(30);
  page.paragraph([{ text: "Open questions" }], { font: "bold", size: 8.5, colour: C.ink }, { tag: "H3" });
  page.space(2);
  const questions = listOpenQuestions(report.summary);
  if (questions.length === 0) {
    page.paragraph([{ text: `✓ ${ALL_CLEAR}`, style: { font: "bold", colour: C.ok } }]);
  }
  page.group("L", () => questions.forEach((question) => {
    // Every claim number is a link to the claim, its separator with it so no line starts with a comma.
    const numbers = question.numbers.map((number, index): Run => ({
      text: `${index === 0 ? "" : index === question.numbers.length - 1 ? " and " : ", "}${number}`,
      goTo: `claim-${number}`,
      style: { colour: C.accent },
    }));
    page.group("LI", () => page.paragraph([{ text: "•  " }, { text: `${question.label}:`, style: { font: "bold" } }, { text: ` ${pluralize(question.numbers.length, "claim")} ` }, ...numbers], BODY, { indent: 4, tag: "LBody" }));
  }));
}

function writeFooter(page: Typesetter, report: FingerprintedReport): void {
  page.space(16);
  page.keep(110);
  page.rule(C.ink, 1.4);
  page.space(22);
  const half = (page.width - 24) / 2;
  const top = page.y;
  for (const [index, words] of ["Approved by (name, role)", "Date and signature"].entries()) {
    const x = page.left + index * (half + 24);
    page.line(x, top, half, C.ink, 0.6);
    page.label(words, x, top + 3, TYPE.small);
  }
  page.y = top + 18;
  page.paragraph([
    { text: "Report fingerprint " },
    { text: `sha256:${report.fingerprint.value}`, style: TYPE.mono },
    { text: `: ${describeFingerprintMeaning(report)}` },
  ], TYPE.small);
  page.space(3);
  page.paragraph([{ text: describeMaker(report) }], TYPE.small);
}

/**
 * The report typeset straight to an A4 PDF from the report model, with the same content and
 * order as the HTML: the article title atop every page, "Page N of M" and the start of the
 * fingerprint below it, a bookmark per claim and links from the open questions to the claims.
 * Call only when `findUntypesettableText(report)` is null.
 */
export async function typesetReportPdf(report: FingerprintedReport): Promise<Uint8Array<ArrayBuffer>> {
  const { article } = report;
  const page = new Typesetter({
    title: `Verification report: ${article.title}`,
    author: report.team.name,
    subject: `Verification report on "${article.title}"`,
    keywords: `sha256:${report.fingerprint.value}`,
    createdAt: new Date(report.generatedAt),
  });
  writeHeader(page, report);
  writeSummary(page, report);
  writeSection(page, "Claims");
  const claims = page.mark("claims", "Claims");
  if (report.claims.length === 0) page.paragraph([{ text: "No claims have been marked in this article.", style: MUTED }]);
  for (const [index, claim] of report.claims.entries()) {
    if (index > 0 && index % CLAIMS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    writeClaim(page, claim, report, claims);
  }
  writeFooter(page, report);
  return page.finish(
    [article.title, "FactDesk report"],
    (number, count) => [`Page ${number} of ${count}`, `Fingerprint ${report.fingerprint.value.slice(0, 12)}`],
    BAND,
  );
}
