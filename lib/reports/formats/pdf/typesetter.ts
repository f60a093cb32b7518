import PDFDocument from "pdfkit";
import { abbreviate } from "@/lib/text/truncate";
import { REPORT_COLOURS } from "../html-style";
import { loadFonts, type FontName } from "./fonts";

/** Points per millimetre. */
const MM = 72 / 25.4;
// A4 with 20 mm above and below (room for the running head and foot) and 14 mm at the sides.
export const PAGE_MARGIN = { top: 20 * MM, bottom: 20 * MM, side: 14 * MM };

export type Style = { font: FontName; size: number; colour: string; spacing?: number };
/** A stretch of text in one style; `link` (http or https only) or `goTo` (a named destination). */
export type Run = { text: string; style?: Partial<Style>; link?: string | null; goTo?: string };

export const BODY: Style = { font: "sans", size: 8, colour: REPORT_COLOURS.ink };
// About the HTML's line height of 1.35; DejaVu's own line is 1.16 of the size.
const LINE_GAP = 0.19;

export type DocumentInfo = { title: string; author: string; subject: string; keywords: string; createdAt: Date };

/**
 * Text for the page as the HTML report shows it: runs of spaces and tabs as one space (no font
 * has a tab glyph), line breaks kept, at most one blank line between paragraphs.
 */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/[ \t]+/g, " ").replace(/ ?\n ?/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}

/** Runs with nothing to show dropped, and neighbours in the same style and link joined: each run costs a call into pdfkit. */
function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    if (run.text.length === 0) continue;
    const last = merged[merged.length - 1];
    if (last && !last.link && !run.link && !last.goTo && !run.goTo && sameStyle(last.style, run.style)) merged[merged.length - 1] = { ...last, text: last.text + run.text };
    else merged.push(run);
  }
  return merged;
}

function sameStyle(a: Partial<Style> | undefined, b: Partial<Style> | undefined): boolean {
  return a?.font === b?.font && a?.size === b?.size && a?.colour === b?.colour && a?.spacing === b?.spacing;
}

/**
 * A cursor over a pdfkit document: paragraphs of styled runs that wrap and flow on to new
 * pages, blocks kept together when they fit on a page, rules, boxes and tables. Pages are
 * buffered so that `finish` can write "Page N of M" on every page once M is known.
 */
export class Typesetter {
  readonly doc: PDFKit.PDFDocument;
  readonly left = PAGE_MARGIN.side;
  readonly width: number;
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<void>;

  constructor(info: DocumentInfo) {
    this.doc = new PDFDocument({
      size: "A4",
      margins: { top: PAGE_MARGIN.top, bottom: PAGE_MARGIN.bottom, left: PAGE_MARGIN.side, right: PAGE_MARGIN.side },
      bufferPages: true,
      lang: "en",
      displayTitle: true,
      info: { Title: info.title, Author: info.author, Subject: info.subject, Keywords: info.keywords, Creator: "FactDesk", CreationDate: info.createdAt, ModDate: info.createdAt },
    });
    for (const [name, data] of Object.entries(loadFonts())) this.doc.registerFont(name, data);
    this.width = this.doc.page.width - 2 * PAGE_MARGIN.side;
    this.doc.on("data", (chunk: Buffer) => this.chunks.push(chunk));
    this.ended = new Promise((resolve, reject) => {
      this.doc.on("end", resolve);
      this.doc.on("error", reject);
    });
    this.doc.y = PAGE_MARGIN.top;
  }

  get y(): number {
    return this.doc.y;
  }

  private get bottom(): number {
    return this.doc.page.height - PAGE_MARGIN.bottom;
  }

  private get pageHeight(): number {
    return this.doc.page.height - PAGE_MARGIN.top - PAGE_MARGIN.bottom;
  }

  // The style last set, per page: setting it again for every run cost a 500-claim report a
  // fifth of its time. Forgotten on a new page and after a box, which sets its own fill.
  private current: { style: Style; page: PDFKit.PDFPage } | undefined;

  private apply(style: Style): void {
    const current = this.current;
    if (current && current.page === this.doc.page && current.style.font === style.font && current.style.size === style.size && current.style.colour === style.colour) return;
    this.doc.font(style.font).fontSize(style.size).fillColor(style.colour);
    this.current = { style, page: this.doc.page };
  }

  private lineHeight(style: Style): number {
    this.apply(style);
    return this.doc.currentLineHeight(true) + style.size * LINE_GAP;
  }

  /** True when `text` is one line that fits `width`: it can be set without the line breaker. */
  private fitsOneLine(text: string, style: Style, width: number): boolean {
    return !text.includes("\n") && this.textWidth(text, style) <= width;
  }

  get isAtPageTop(): boolean {
    return this.doc.y <= PAGE_MARGIN.top;
  }

  /** Vertical space; at the top of a page none is needed. */
  space(points: number): void {
    if (this.isAtPageTop) return;
    this.doc.y = Math.min(this.doc.y + points, this.bottom);
  }

  /** A new page unless `height` points still fit on this one (a block taller than a page starts where it is). */
  keep(height: number): void {
    if (this.doc.y + height > this.bottom && height <= this.pageHeight && !this.isAtPageTop) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.y = PAGE_MARGIN.top;
  }

  /** The height `runs` take at `width`, measured in their first run's style (a close estimate). */
  measure(runs: Run[], style: Style, width = this.width): number {
    const first = { ...style, ...runs[0]?.style };
    const text = runs.map((run) => run.text).join("");
    if (this.fitsOneLine(text, first, width)) return this.lineHeight(first);
    this.apply(first);
    return this.doc.heightOfString(text, { width, lineGap: style.size * LINE_GAP, characterSpacing: style.spacing ?? 0 });
  }

  /** Writes a paragraph of runs at the cursor; it wraps within `width` and flows on to new pages. */
  paragraph(runs: Run[], style: Style = BODY, options: { indent?: number; width?: number; align?: "left" | "right" } = {}): void {
    const parts = mergeRuns(runs);
    if (parts.length === 0) return;
    const x = this.left + (options.indent ?? 0);
    const width = options.width ?? this.width - (options.indent ?? 0);
    const only = parts.length === 1 ? { ...style, ...parts[0].style } : undefined;
    if (only && !parts[0].link && !parts[0].goTo && options.align !== "right" && this.fitsOneLine(parts[0].text, only, width)) {
      // One short line: set directly, a third of the line breaker's cost.
      const height = this.lineHeight(only);
      if (this.doc.y + height > this.bottom) this.newPage();
      const y = this.doc.y;
      this.doc.text(parts[0].text, x, y, { lineBreak: false, characterSpacing: only.spacing ?? 0 });
      this.doc.x = this.left;
      this.doc.y = y + height;
      return;
    }
    parts.forEach((run, index) => {
      const runStyle = { ...style, ...run.style };
      this.apply(runStyle);
      // pdfkit carries a continued run's options into the next run unless they are set: a link
      // or goTo is cleared with null, which its types do not allow for.
      const textOptions = {
        width,
        align: options.align ?? "left",
        lineGap: style.size * LINE_GAP,
        characterSpacing: runStyle.spacing ?? 0,
        continued: index < parts.length - 1,
        link: run.link && /^https?:\/\//i.test(run.link) ? run.link : null,
        goTo: run.goTo ?? null,
        underline: false,
      } as unknown as PDFKit.Mixins.TextOptions;
      if (index === 0) this.doc.text(run.text, x, this.doc.y, textOptions);
      else this.doc.text(run.text, textOptions);
    });
  }

  /** A horizontal rule across the text column (or from `indent`); the cursor moves below it. */
  rule(colour: string = REPORT_COLOURS.rule, thickness = 0.6, indent = 0): void {
    this.line(this.left + indent, this.doc.y + thickness / 2, this.width - indent, colour, thickness);
    this.doc.y += thickness;
  }

  /** A horizontal line at `y`, leaving the cursor where it is. */
  line(x: number, y: number, length: number, colour: string, thickness: number): void {
    this.doc.save().moveTo(x, y).lineTo(x + length, y).lineWidth(thickness).strokeColor(colour).stroke().restore();
  }

  /** A vertical bar left of a block written from `top` to the cursor, on the same page. */
  bar(top: number, x: number, colour: string, thickness: number): void {
    this.doc.save().moveTo(x, top).lineTo(x, this.doc.y).lineWidth(thickness).strokeColor(colour).stroke().restore();
  }

  /** A rounded box, filled and outlined (`dash`: dashed or dotted outline). */
  box(x: number, y: number, width: number, height: number, options: { fill?: string; stroke?: string; radius?: number; thickness?: number; dash?: [number, number] }): void {
    const doc = this.doc.save();
    doc.roundedRect(x, y, width, height, options.radius ?? 0);
    if (options.dash) doc.dash(options.dash[0], { space: options.dash[1] });
    doc.lineWidth(options.thickness ?? 0.75);
    if (options.fill && options.stroke) doc.fillAndStroke(options.fill, options.stroke);
    else if (options.fill) doc.fill(options.fill);
    else if (options.stroke) doc.stroke(options.stroke);
    doc.undash().restore();
    this.current = undefined;
  }

  /**
   * One line of text at a fixed place, never wrapped nor moving the cursor; `align: "right"`
   * ends it at `x`. Text wider than `maxWidth` is shortened with an ellipsis.
   */
  label(text: string, x: number, y: number, style: Style, options: { maxWidth?: number; align?: "left" | "right" } = {}): void {
    const cursor = { x: this.doc.x, y: this.doc.y };
    let shown = text;
    while (options.maxWidth && shown.length > 1 && this.textWidth(shown, style) > options.maxWidth) shown = abbreviate(shown, Math.floor(shown.length * 0.9));
    const width = this.textWidth(shown, style);
    this.doc.text(shown, options.align === "right" ? x - width : x, y, { lineBreak: false, characterSpacing: style.spacing ?? 0 });
    this.doc.x = cursor.x;
    this.doc.y = cursor.y;
  }

  textWidth(text: string, style: Style): number {
    this.apply(style);
    return this.doc.widthOfString(text, { characterSpacing: style.spacing ?? 0 });
  }

  /**
   * Rows of cells in columns of the given widths, each row kept on one page (the header row
   * repeated atop a new page), with a rule under every row.
   */
  table(columns: number[], header: string[], rows: Run[][][], style: Style, headerStyle: Style): void {
    const padding = { x: 6, y: 1.2 };
    const rowHeight = (cells: Run[][], cellStyle: Style) =>
      Math.max(...cells.map((cell, index) => this.measure(cell, cellStyle, columns[index] - padding.x))) + 2 * padding.y;
    const headerCells = header.map((text) => [{ text }]);
    const headerHeight = rowHeight(headerCells, headerStyle);
    const writeRow = (cells: Run[][], cellStyle: Style, height: number) => {
      const top = this.doc.y;
      let x = 0;
      cells.forEach((cell, index) => {
        this.doc.y = top + padding.y;
        this.paragraph(cell, cellStyle, { indent: x, width: columns[index] - padding.x });
        x += columns[index];
      });
      this.doc.y = top + height;
      this.line(this.left, this.doc.y, this.width, REPORT_COLOURS.rule, 0.5);
    };
    this.keep(headerHeight + rowHeight(rows[0] ?? [], style));
    writeRow(headerCells, headerStyle, headerHeight);
    for (const cells of rows) {
      const height = rowHeight(cells, style);
      if (this.doc.y + height > this.bottom && height <= this.pageHeight - headerHeight) {
        this.newPage();
        writeRow(headerCells, headerStyle, headerHeight);
      }
      writeRow(cells, style, height);
    }
  }

  /** A bookmark in the reader's outline and a named destination at the cursor. */
  mark(destination: string, outlineTitle?: string, parent?: PDFKit.PDFOutline): PDFKit.PDFOutline | undefined {
    this.doc.addNamedDestination(destination, "XYZ", this.left, this.doc.page.height - this.doc.y, null);
    return outlineTitle ? (parent ?? this.doc.outline).addItem(outlineTitle) : undefined;
  }

  /**
   * Writes `head` and `foot(page, count)` in the margins of every page, then the document's
   * bytes. `head` and `foot` are [left, right] texts.
   */
  async finish(head: [string, string], foot: (page: number, count: number) => [string, string], style: Style): Promise<Uint8Array<ArrayBuffer>> {
    const range = this.doc.bufferedPageRange();
    const headY = PAGE_MARGIN.top - 3 * MM - style.size * 1.2;
    const footY = this.doc.page.height - PAGE_MARGIN.bottom + 3 * MM;
    const half = this.width / 2 - 6;
    for (let index = 0; index < range.count; index += 1) {
      this.doc.switchToPage(range.start + index);
      this.current = undefined;
      // Writing in the margins must not start a new page.
      const margins = this.doc.page.margins;
      this.doc.page.margins = { ...margins, top: 0, bottom: 0 };
      const [footLeft, footRight] = foot(index + 1, range.count);
      const right = this.left + this.width;
      this.label(head[0], this.left, headY, style, { maxWidth: this.width - 100 });
      this.label(head[1], right, headY, style, { align: "right" });
      this.label(footLeft, this.left, footY, style, { maxWidth: half });
      this.label(footRight, right, footY, style, { align: "right", maxWidth: half });
      this.doc.page.margins = margins;
    }
    this.doc.end();
    await this.ended;
    return new Uint8Array(Buffer.concat(this.chunks));
  }
}
