import { createHash } from "node:crypto";

// Invisible characters that copy/paste adds or drops without changing the text.
const INVISIBLE_RE = /[\u00AD\u200B\u2060\uFEFF]/g;

/**
 * The form that is hashed: NFC, invisible characters dropped, every
 * whitespace run folded to one space, ends trimmed. Case and punctuation
 * are kept, since they can change what a sentence claims.
 */
export function normaliseForHash(text: string): string {
  return text.normalize("NFC").replace(INVISIBLE_RE, "").replace(/\s+/g, " ").trim();
}

/** SHA-256 (hex) of the normalised text, to recognise the same article imported twice. */
export function hashContent(text: string): string {
  return createHash("sha256").update(normaliseForHash(text), "utf8").digest("hex");
}
