import { DEBRIS_REASON_LABELS, classifyLine } from "./debris-rules";
import type { DebrisReason } from "./debris-rules";
import { normaliseText } from "./normalise";

export { DEBRIS_REASON_LABELS } from "./debris-rules";
export type { DebrisReason } from "./debris-rules";

/** A non-blank line of the normalised text; start/end cover its trimmed content. */
export type TextLine = {
  index: number;
  text: string;
  start: number;
  end: number;
  blockIndex: number;
  isBullet: boolean;
  isIndented: boolean;
};

/** A line flagged as page debris, with why. Offsets refer to `normaliseText(text)`. */
export type DebrisLine = {
  index: number;
  text: string;
  reason: DebrisReason;
  label: string;
  start: number;
  end: number;
};

// Bullet glyphs that introduce a key point. The em dash is left out: in many
// languages it opens a line of dialogue, which is article text.
const BULLET_RE = /^([•·●▪◦‣∙○■□➢➤►▶*–-])\s+/;
// Repeats of short lines ("Q:", "Yes.") are normal; repeated sentences are not.
const MIN_REPEATED_LENGTH = 20;

/** Split normalised text into its non-blank lines, numbered as the editor sees them. */
export function listLines(text: string): TextLine[] {
  const normalised = normaliseText(text);
  const lines: TextLine[] = [];
  let offset = 0;
  let blockIndex = 0;
  for (const raw of normalised.split("\n")) {
    const lineStart = offset;
    offset += raw.length + 1;
    const trimmed = raw.trim();
    if (!trimmed) {
      blockIndex += 1;
      continue;
    }
    const start = lineStart + (raw.length - raw.trimStart().length);
    lines.push({
      index: lines.length,
      text: trimmed,
      start,
      end: start + trimmed.length,
      blockIndex,
      isBullet: BULLET_RE.test(trimmed),
      isIndented: start > lineStart,
    });
  }
  return lines;
}

/** Flag the lines that look like page debris. Nothing is removed here. */
export function findDebris(text: string): DebrisLine[] {
  const flagged: DebrisLine[] = [];
  const seen = new Set<string>();
  for (const line of listLines(text)) {
    const content = stripBullet(line.text);
    let reason = classifyLine(content);
    if (!reason && content.length >= MIN_REPEATED_LENGTH && seen.has(content)) reason = "repeated-line";
    seen.add(content);
    if (reason) {
      const { index, text: lineText, start, end } = line;
      flagged.push({ index, text: lineText, reason, label: DEBRIS_REASON_LABELS[reason], start, end });
    }
  }
  return flagged;
}

/**
 * Rebuild the text without the lines the editor confirmed (by index from
 * `listLines`/`findDebris`). Bullet glyphs and indentation are dropped and
 * every bullet item becomes its own paragraph; words are never changed.
 */
export function applyCleaning(text: string, removedIndexes: Iterable<number>): string {
  const removed = new Set(removedIndexes);
  const paragraphs: string[][] = [];
  let previousBlock = -1;
  let isInBulletItem = false;
  for (const line of listLines(text)) {
    if (removed.has(line.index)) continue;
    // Within a block a line continues the paragraph, unless it opens a new
    // bullet item or follows one without the item's indentation.
    const isContinuation =
      line.blockIndex === previousBlock && !line.isBullet && (!isInBulletItem || line.isIndented);
    const content = stripBullet(line.text);
    if (isContinuation) paragraphs[paragraphs.length - 1]?.push(content);
    else paragraphs.push([content]);
    if (!isContinuation) isInBulletItem = line.isBullet;
    previousBlock = line.blockIndex;
  }
  return paragraphs.map((lines) => lines.join("\n")).join("\n\n");
}

/** Remove every flagged line: for automatic imports with no editor review. */
export function removeAllDebris(text: string): string {
  return applyCleaning(text, findDebris(text).map((line) => line.index));
}

function stripBullet(line: string): string {
  return line.replace(BULLET_RE, "");
}
