// FNV-1a (32 bit) keeps feature indices identical between the training script and the app
// without shipping a vocabulary.
export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Hashes a string with FNV-1a, starting from `seed` so feature families do not collide. */
export function hashString(text: string, seed = FNV_OFFSET): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** Folds one more 32-bit value into a running hash (used for n-grams of already hashed words). */
export function combineHash(h: number, value: number): number {
  let out = (h ^ value) >>> 0;
  out = Math.imul(out ^ (out >>> 16), 0x85ebca6b);
  out = Math.imul(out ^ (out >>> 13), 0xc2b2ae35);
  return (out ^ (out >>> 16)) >>> 0;
}

/** Extends an FNV-1a hash by one character code (rolling char n-grams without substrings). */
export function extendHash(h: number, charCode: number): number {
  return Math.imul((h ^ charCode) >>> 0, FNV_PRIME) >>> 0;
}


