import { combineHash, extendHash, hashString } from "./hash";

const WORD_SEED = hashString("word");
const CHAR_SEED = hashString("char");
const BOUNDARY_START = hashString("<s>", WORD_SEED);
const BOUNDARY_END = hashString("</s>", WORD_SEED);

/** Sorted, de-duplicated hashed word n-grams (1..maxN, with sentence boundary marks). */
export function hashWordNgrams(words: readonly string[], maxN: number, mask: number): Int32Array {
  const hashes = [BOUNDARY_START, ...words.map((w) => hashString(w, WORD_SEED)), BOUNDARY_END];
  const out: number[] = [];
  for (let i = 0; i < hashes.length; i++) {
    let h = WORD_SEED;
    for (let n = 1; n <= maxN && i + n <= hashes.length; n++) {
      h = combineHash(h, hashes[i + n - 1]);
      // The boundary marks only count inside n-grams ("<s> i think"), not alone.
      if (n === 1 && (i === 0 || i === hashes.length - 1)) continue;
      out.push(h & mask);
    }
  }
  return sortUnique(out);
}

/** Sorted, de-duplicated hashed character n-grams of the lower-cased text (digits as "0"). */
export function hashCharNgrams(text: string, minN: number, maxN: number, mask: number): Int32Array {
  const padded = ` ${text.toLowerCase().replace(/\s+/g, " ").replace(/\d/g, "0")} `;
  const out: number[] = [];
  for (let i = 0; i < padded.length; i++) {
    let h = CHAR_SEED;
    for (let n = 1; n <= maxN && i + n <= padded.length; n++) {
      h = extendHash(h, padded.charCodeAt(i + n - 1));
      if (n >= minN) out.push(combineHash(h, n) & mask);
    }
  }
  return sortUnique(out);
}

function sortUnique(values: number[]): Int32Array {
  const sorted = Int32Array.from(values).sort();
  let size = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[size - 1]) sorted[size++] = sorted[i];
  }
  return sorted.slice(0, size);
}
