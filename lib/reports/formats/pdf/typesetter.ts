import PDFDocument from "pdfkit";
import { abbreviate } from "@/lib/text/truncate";
import { REPORT_COLOURS } from "../html-style";
import { loadFonts, type FontName } from "./fonts";

/** Points per millimetre. */
const MM = 72 / 25.4;
/**
 * A4 with 20 mm above and below (room for the running head and foot) and 14 mm at the sides:
 * both PDFs, typeset and printed by Chromium (lib/reports/pdf.ts), share it.
 */
export const PAGE_MARGIN_MM = { top: 20, bottom: 20, side: 14 } as const;
const PAGE_MARGIN = { top: PAGE_MARGIN_MM.top * MM, bottom: PAGE_MARGIN_MM.bottom * MM, side: PAGE_MARGIN_MM.side * MM };

/** The PDF structure types the report uses (ISO 32000 14.8.4). */
export type StructureType = "Document" | "Sect" | "H1" | "H2" | "H3" | "H4" | "P" | "BlockQuote" | "L" | "LI" | "Lbl" | "LBody" | "Table" | "TR" | "TH" | "TD";

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
 * pages, blocks kept together when they fit on a page, rules, boxes and tables. What it writes
 * is tagged (headings, paragraphs, lists, tables) and what it draws is marked as decoration.
 * Pages are buffered so that `finish` can write "Page N of M" on every page once M is known.
 */
export class Typesetter {
  readonly doc: PDFKit.PDFDocument;
  readonly left = PAGE_MARGIN.side;
  readonly width: number;
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<void>;
  /** The open structure elements, the document's root first. */
  private readonly parents: PDFKit.PDFStructureElement[];
  // The style last set, per page: setting it again for every run cost a 500-claim report a
  // fifth of its time. Forgotten on a new page and after a box, which sets its own fill.
  private current: { style: Style; page: PDFKit.PDFPage } | undefined;

  constructor(info: DocumentInfo) {
    this.doc = new PDFDocument({
      size: "A4",
      margins: { top: PAGE_MARGIN.top, bottom: PAGE_MARGIN.bottom, left: PAGE_MARGIN.side, right: PAGE_MARGIN.side },
      bufferPages: true,
      // Tagged: headings, paragraphs, lists and tables for screen readers and reflow, rules,
      // boxes and the running head and foot marked as artifacts.
      tagged: true,
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
    const root = this.doc.struct("Document");
    this.doc.addStructure(root);
    this.parents = [root];
  }

  private get parent(): PDFKit.PDFStructureElement {
    return this.parents[this.parents.length - 1];
  }

  /** What `write` sets, grouped under a structure element: a section, a list or item, a table or row. */
  group(type: StructureType, write: () => void): void {
    const element = this.doc.struct(type);
    this.parent.add(element);
    this.parents.push(element);
    try {
      write();
    } finally {
      this.parents.pop();
      element.end();
    }
  }

  /** Content drawn by `draw`, tagged as a structure element of `type` (its parent is attached, so it is drawn now). */
  private tag(type: StructureType, draw: () => void): void {
    const element = this.doc.struct(type, {}, draw);
    this.parent.add(element);
    element.end();
  }

  /** Drawing that is not content (rules, boxes, the running head and foot), which a screen reader skips. */
  private artifact(draw: () => void, type: "Layout" | "Pagination" = "Layout"): void {
    this.doc.markContent("Artifact", { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** The cursor: where the next block starts on the page. */
  get y(): number {
    return this.doc.y;
  }

  set y(value: number) {
    this.doc.y = value;
  }

  /** The page being written, to tell whether a block stayed on one page. */
  get currentPage(): PDFKit.PDFPage {
    return this.doc.page;
  }

  private get bottom(): number {
    return this.doc.page.height - PAGE_MARGIN.bottom;
  }

  private get pageHeight(): number {
    return this.doc.page.height - PAGE_MARGIN.top - PAGE_MARGIN.bottom;
  }

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

  /** Writes a paragraph of runs at the cursor, tagged `tag`; it wraps within `width` and flows on to new pages. */
  paragraph(runs: Run[], style: Style = BODY, options: { indent?: number; width?: number; tag?: StructureType } = {}): void {
    const parts = mergeRuns(runs);
    if (parts.length === 0) return;
    const x = this.left + (options.indent ?? 0);
    const width = options.width ?? this.width - (options.indent ?? 0);
    const tag = options.tag ?? "P";
    const only = parts.length === 1 ? { ...style, ...parts[0].style } : undefined;
    if (only && !parts[0].link && !parts[0].goTo && this.fitsOneLine(parts[0].text, only, width)) {
      // One short line: set directly, a third of the line breaker's cost.
      const height = this.lineHeight(only);
      if (this.doc.y + height > this.bottom) this.newPage();
      const y = this.doc.y;
      this.tag(tag, () => {
        this.apply(only);
        this.doc.text(parts[0].text, x, y, { lineBreak: false, characterSpacing: only.spacing ?? 0 });
      });
      this.doc.x = this.left;
      this.doc.y = y + height;
      return;
    }
    this.tag(tag, () => {
      parts.forEach((run, index) => {
        const runStyle = { ...style, ...run.style };
        this.apply(runStyle);
        // pdfkit carries a continued run's options into the next run unless they are set: a link
        // or goTo is cleared with null, which its types do not allow for.
        const textOptions = {
          width,
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
    });
  }

  /** A horizontal rule across the text column (or from `indent`); the cursor moves below it. */
  rule(colour: string = REPORT_COLOURS.rule, thickness = 0.6, indent = 0): void {
    this.line(this.left + indent, this.doc.y + thickness / 2, this.width - indent, colour, thickness);
    this.doc.y += thickness;
  }

  /** A horizontal line at `y`, leaving the cursor where it is. */
  line(x: number, y: number, length: number, colour: string, thickness: number): void {
    this.artifact(() => this.doc.save().moveTo(x, y).lineTo(x + length, y).lineWidth(thickness).strokeColor(colour).stroke().restore());
  }

  /** A vertical bar left of a block written from `top` to the cursor, on the same page. */
  bar(top: number, x: number, colour: string, thickness: number): void {
    this.artifact(() => this.doc.save().moveTo(x, top).lineTo(x, this.doc.y).lineWidth(thickness).strokeColor(colour).stroke().restore());
  }

  /** A rounded box, filled and outlined (`dash`: dashed or dotted outline). */
  box(x: number, y: number, width: number, height: number, options: { fill?: string; stroke?: string; radius?: number; thickness?: number; dash?: [number, number] }): void {
    this.artifact(() => {
      const doc = this.doc.save();
      doc.roundedRect(x, y, width, height, options.radius ?? 0);
      if (options.dash) doc.dash(options.dash[0], { space: options.dash[1] });
      doc.lineWidth(options.thickness ?? 0.75);
      if (options.fill && options.stroke) doc.fillAndStroke(options.fill, options.stroke);
      else if (options.fill) doc.fill(options.fill);
      else if (options.stroke) doc.stroke(options.stroke);
      doc.undash().restore();
    });
    this.current = undefined;
  }

  /**
   * One line of text at a fixed place, never wrapped nor moving the cursor; `align: "right"`
   * ends it at `x`. Text wider than `maxWidth` is shortened with an ellipsis. Tagged `tag`, or an
   * artifact (running head and foot).
   */
  label(text: string, x: number, y: number, style: Style, options: { maxWidth?: number; align?: "left" | "right"; tag?: StructureType | "Pagination" } = {}): void {
    const cursor = { x: this.doc.x, y: this.doc.y };
    let shown = text;
    while (options.maxWidth && shown.length > 1 && this.textWidth(shown, style) > options.maxWidth) shown = abbreviate(shown, Math.floor(shown.length * 0.9));
    const width = this.textWidth(shown, style);
    const draw = () => {
      this.apply(style);
      this.doc.text(shown, options.align === "right" ? x - width : x, y, { lineBreak: false, characterSpacing: style.spacing ?? 0 });
    };
    if (options.tag === "Pagination") this.artifact(draw, "Pagination");
    else this.tag(options.tag ?? "P", draw);
    this.doc.x = cursor.x;
    this.doc.y = cursor.y;
  }

  textWidth(text: string, style: Style): number {
    this.apply(style);
    return this.doc.widthOfString(text, { characterSpacing: style.spacing ?? 0 });
  }

  /**
   * A log as a table: rows of plain-text cells in columns of the given widths, each row kept on
   * one page with a rule under it, the header row repeated atop a new page. Tagged as a list of
   * entries, each read in column order, with the header row as decoration: a 500-claim report
   * has 3,000 history rows, and tagging every cell of them cost 1.3 s and 1 MB.
   */
  logTable(columns: number[], header: string[], rows: string[][], style: Style, headerStyle: Style): void {
    const padding = { x: 6, y: 1.2 };
    const rowHeight = (cells: string[], cellStyle: Style) =>
      Math.max(...cells.map((cell, index) => this.measure([{ text: cell }], cellStyle, columns[index] - padding.x))) + 2 * padding.y;
    const headerHeight = rowHeight(header, headerStyle);
    const writeRow = (cells: string[], cellStyle: Style, height: number, draw: (drawCells: () => void) => void) => {
      const top = this.doc.y;
      draw(() => {
        this.apply(cellStyle);
        let x = this.left;
        cells.forEach((cell, index) => {
          // A trailing space parts the cells for whoever reads the text rather than the page.
          const text = index < cells.length - 1 ? `${cell} ` : cell;
          this.doc.text(text, x, top + padding.y, { width: columns[index] - padding.x, lineGap: cellStyle.size * LINE_GAP });
          x += columns[index];
        });
      });
      this.doc.x = this.left;
      this.doc.y = top + height;
      this.line(this.left, this.doc.y, this.width, REPORT_COLOURS.rule, 0.5);
    };
    const writeHeader = () => writeRow(header, headerStyle, headerHeight, (drawCells) => this.artifact(drawCells));
    this.keep(headerHeight + rowHeight(rows[0] ?? [], style));
    writeHeader();
    this.group("L", () => {
      for (const cells of rows) {
        const height = rowHeight(cells, style);
        if (this.doc.y + height > this.bottom && height <= this.pageHeight - headerHeight) {
          this.newPage();
          writeHeader();
        }
        writeRow(cells, style, height, (drawCells) => this.group("LI", () => this.tag("LBody", drawCells)));
      }
    });
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
      this.label(head[0], this.left, headY, style, { maxWidth: this.width - 100, tag: "Pagination" });
      this.label(head[1], right, headY, style, { align: "right", tag: "Pagination" });
      this.label(footLeft, this.left, footY, style, { maxWidth: half, tag: "Pagination" });
      this.label(footRight, right, footY, style, { align: "right", maxWidth: half, tag: "Pagination" });
      this.doc.page.margins = margins;
    }
    this.parents[0].end();
    this.doc.end();
    await this.ended;
    return new Uint8Array(Buffer.concat(this.chunks));
  }
}
