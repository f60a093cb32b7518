import { withPdfPage } from "./pdf-browser";

export { closePdfBrowser, MISSING_CHROMIUM_MESSAGE } from "./pdf-browser";

export type PdfOptions = { title: string; fingerprint?: string };

const RENDER_TIMEOUT_MS = 30_000;
const PAGE_MARGIN = { top: "20mm", bottom: "20mm", left: "14mm", right: "14mm" };
// A4's 210 mm less the side margins, in CSS pixels (96 per inch).
const PRINT_WIDTH_PX = Math.round(((210 - 14 - 14) / 25.4) * 96);

// Header and footer templates are separate documents that inherit no styles, so every rule is inline.
const BAND_STYLE = [
  "box-sizing:border-box", "width:100%", "padding:0 14mm", "font-family:'DejaVu Sans','Liberation Sans',Arial,sans-serif", "font-size:8px",
  "color:#475569", "display:flex", "justify-content:space-between", "gap:12px", "white-space:nowrap",
].join(";");
const CLIP_STYLE = "overflow:hidden;text-overflow:ellipsis";

export function escapeTemplateText(text: string): string {
  const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  return text.replace(/[&<>"']/g, (character) => entities[character]);
}

/** The running head: the article's title on every page, cut with an ellipsis when too long. */
export function buildHeaderTemplate(title: string): string {
  return `<div style="${BAND_STYLE}"><span style="${CLIP_STYLE}">${escapeTemplateText(title)}</span><span>FactDesk report</span></div>`;
}

/**
 * "Page N of M" (Chromium fills the pageNumber/totalPages spans) and the start of the report's
 * fingerprint, so a printed page can be matched to the export it came from.
 */
export function buildFooterTemplate(fingerprint?: string): string {
  const short = fingerprint ? `<span>Fingerprint ${escapeTemplateText(fingerprint.slice(0, 12))}</span>` : "<span></span>";
  return `<div style="${BAND_STYLE}"><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>${short}</div>`;
}

/**
 * Prints a self-contained report page to an A4 PDF with the title atop and "Page N of M" below
 * every page. The page has JavaScript off and no network (lib/reports/pdf-browser.ts), so the
 * report must carry everything it shows; the browser stays warm between calls.
 */
export async function renderReportPdf(html: string, options: PdfOptions): Promise<Uint8Array<ArrayBuffer>> {
  return withPdfPage(async (page) => {
    // Laid out for print at the printed width from the start: otherwise Chromium lays the whole
    // report out for the screen, then again for print, and twice more around the printing (about
    // half of a long report's time).
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: PRINT_WIDTH_PX, height: 1_000 });
    await page.setContent(html, { waitUntil: "load", timeout: RENDER_TIMEOUT_MS });
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: buildHeaderTemplate(options.title),
      footerTemplate: buildFooterTemplate(options.fingerprint),
      margin: PAGE_MARGIN,
    });
    // A copy with its own ArrayBuffer, so a Response or Blob takes it without a cast.
    return new Uint8Array(pdf);
  });
}
