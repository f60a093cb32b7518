import fs from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";

/**
 * The fonts the typeset PDF embeds (subset to the glyphs used): DejaVu, from the npm package
 * dejavu-fonts-ttf, so the PDF looks the same on every server. DejaVu covers Latin, Greek and
 * Cyrillic with their accents, and the symbols the report uses (✓ ✗ ● ○ ⚠ ←).
 */
const FONT_FILES = {
  sans: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  serif: "DejaVuSerif.ttf",
  serifItalic: "DejaVuSerif-Italic.ttf",
  mono: "DejaVuSansMono.ttf",
} as const;

export type FontName = keyof typeof FONT_FILES;

// Resolved from the project root (where npm start and the tests run), not from this file, which
// the Next build moves into .next/.
const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");

let loaded: Record<FontName, Buffer> | undefined;

/** The font files, read once per process. */
export function loadFonts(): Record<FontName, Buffer> {
  loaded ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([name, file]) => [name, fs.readFileSync(path.join(FONT_DIR, file))]),
  ) as Record<FontName, Buffer>;
  return loaded;
}

// Any text an editor typed may be set in these (the monospaced font only shows hashes).
const TEXT_FONTS: FontName[] = ["sans", "bold", "serif", "serifItalic"];
let textFonts: fontkit.Font[] | undefined;
const covered = new Map<number, boolean>();

function hasGlyphEverywhere(codePoint: number): boolean {
  let known = covered.get(codePoint);
  if (known === undefined) {
    textFonts ??= TEXT_FONTS.map((name) => fontkit.create(loadFonts()[name]) as fontkit.Font);
    known = textFonts.every((font) => font.hasGlyphForCodePoint(codePoint));
    covered.set(codePoint, known);
  }
  return known;
}

// Scripts written right to left, and the controls that reorder text: the typesetter lays out
// left to right only.
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200e\u200f\u202a-\u202e\u2066-\u2069\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const LINE_BREAKS = new Set([0x09, 0x0a, 0x0d]);

/**
 * Why `text` cannot be typeset with the embedded fonts, in words for the editor, or null when it
 * can: right-to-left text, or the first character no DejaVu face has (Chinese, Devanagari, emoji…).
 */
export function findUntypesettable(text: string): string | null {
  if (RIGHT_TO_LEFT.test(text)) return "right-to-left text";
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (codePoint < 0x80 && codePoint >= 0x20) continue;
    if (LINE_BREAKS.has(codePoint)) continue;
    if (!hasGlyphEverywhere(codePoint)) {
      const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
      return codePoint < 0x20 ? `a control character (${code})` : `the character “${character}” (${code})`;
    }
  }
  return null;
}
