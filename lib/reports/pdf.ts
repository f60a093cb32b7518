import { AppError, isAppError } from "@/lib/errors";
import { abbreviate } from "@/lib/text/truncate";
import { renderReportHtml } from "./formats/html";
import { findUntypesettableText, typesetReportPdf } from "./formats/pdf/report";
import { PAGE_MARGIN_MM } from "./formats/pdf/typesetter";
import type { FingerprintedReport } from "./model";
import { findChromium, withPdfPage } from "./pdf-browser";

export { closePdfBrowser, MISSING_CHROMIUM_MESSAGE } from "./pdf-browser";

export type PdfOptions = { title: string; fingerprint?: string };

const RENDER_TIMEOUT_MS = 30_000;
// The page geometry the typeset PDF has, in millimetres.
const PAGE_MARGIN = PAGE_MARGIN_MM;
// The printed width in CSS pixels (96 per inch).
const PRINT_WIDTH_PX = Math.round(((210 - 2 * PAGE_MARGIN.side) / 25.4) * 96);
const TITLE_MAX = 90;
const BAND = "font-family:'DejaVu Sans','Liberation Sans',Arial,sans-serif;font-size:7.5pt;color:#475569";

/**
 * A string for CSS `content`: everything but plain letters, digits and punctuation as a hex
 * escape, so no title can end the string, the rule or the <style> element it sits in.
 */
export function cssString(text: string): string {
  const escaped = Array.from(text.replace(/\s+/g, " "), (character) =>
    /[\p{L}\p{N} .,:;!?'()&–—-]/u.test(character) ? character : `\\${character.codePointAt(0)!.toString(16).padStart(6, "0")}`);
  return `"${escaped.join("")}"`;
}

/**
 * The page box: A4 with the article's title atop every page, "Page N of M" and the start of the
 * report's fingerprint below it (so a printed page can be matched to the export it came from).
 * CSS page-margin boxes, laid out with the report itself: Chromium's header and footer
 * templates are separate documents laid out per page, which cost a 500-claim report 1–2 s.
 */
export function buildPageStyle(title: string, fingerprint?: string): string {
  const foot = fingerprint ? `@bottom-right{content:${cssString(`Fingerprint ${fingerprint.slice(0, 12)}`)};${BAND}}` : "";
  return [
    `<style>@page{size:A4;margin:${PAGE_MARGIN.top}mm ${PAGE_MARGIN.side}mm ${PAGE_MARGIN.bottom}mm;`,
    `@top-left{content:${cssString(abbreviate(title, TITLE_MAX))};${BAND};vertical-align:bottom;padding-bottom:3mm}`,
    `@top-right{content:"FactDesk report";${BAND};vertical-align:bottom;padding-bottom:3mm}`,
    `@bottom-left{content:"Page " counter(page) " of " counter(pages);${BAND};vertical-align:top;padding-top:3mm}`,
    `${foot}}</style>`,
  ].join("");
}

/** `html` with the page style last in its head, so it wins over the report's own @page rule. */
function withPageStyle(html: string, style: string): string {
  const end = html.search(/<\/head>/i);
  return end >= 0 ? `${html.slice(0, end)}${style}${html.slice(end)}` : `${style}${html}`;
}

/**
 * Prints a self-contained report page to an A4 PDF with the title atop and "Page N of M" below
 * every page. The page has JavaScript off and no network (lib/reports/pdf-browser.ts), so the
 * report must carry everything it shows; the browser stays warm between calls.
 */
export async function printReportHtml(html: string, options: PdfOptions): Promise<Uint8Array<ArrayBuffer>> {
  return withPdfPage(async (page) => {
    // Laid out for print at the printed width from the start: otherwise Chromium lays the whole
    // report out for the screen, then again for print, and twice more around the printing (about
    // half of a long report's time).
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: PRINT_WIDTH_PX, height: 1_000 });
    await page.setContent(withPageStyle(html, buildPageStyle(options.title, options.fingerprint)), { waitUntil: "load", timeout: RENDER_TIMEOUT_MS });
    const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true });
    // A copy with its own ArrayBuffer, so a Response or Blob takes it without a cast.
    return new Uint8Array(pdf);
  });
}

export type PdfMaker = "typeset" | "chromium";

/**
 * How the report's PDF is made. Typeset from the report model with the embedded DejaVu fonts
 * (lib/reports/formats/pdf/), about five times faster than Chromium (a 500-claim report in about
 * 2 s rather than 6–10 s), whenever those fonts can show every character. Otherwise, for
 * right-to-left text or scripts DejaVu lacks (Chinese, Devanagari, emoji…), Chromium prints the
 * HTML report with the system's fonts, font fallback and bidirectional layout.
 */
export function choosePdfMaker(report: FingerprintedReport): PdfMaker {
  return findUntypesettableText(report) === null ? "typeset" : "chromium";
}

/**
 * The report as an A4 PDF, made as choosePdfMaker says: the title atop every page, "Page N of M"
 * and the fingerprint below. How many are made at once is the caller's cap (lib/reports/pdf-cap.ts).
 */
export async function renderReportPdf(report: FingerprintedReport): Promise<Uint8Array<ArrayBuffer>> {
  const reason = findUntypesettableText(report);
  if (reason === null) return typesetReportPdf(report);
  try {
    findChromium();
  } catch (error) {
    // Say why this report, unlike most, needs Chromium.
    if (isAppError(error)) throw new AppError(error.code, `This report contains ${reason}, which the PDF's built-in fonts cannot show, so it is printed by Chromium. ${error.message}. The other formats work as usual.`);
    throw error;
  }
  return printReportHtml(renderReportHtml(report), { title: report.article.title, fingerprint: report.fingerprint.value });
}
