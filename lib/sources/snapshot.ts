import { createHash } from "node:crypto";

/**
 * SHA-256 (hex) of a captured page's text exactly as stored. Unlike
 * `hashContent` for articles, nothing is normalised: the hash proves what was
 * captured, so any change, even of whitespace, must change it.
 */
export function hashSnapshot(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
