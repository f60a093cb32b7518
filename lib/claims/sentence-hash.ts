import { createHash } from "node:crypto";

/** Whitespace- and case-folded hash of a sentence: a dismissal or acceptance survives re-imports. */
export function hashSentence(sentence: string): string {
  return createHash("sha256").update(sentence.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase()).digest("hex").slice(0, 32);
}
