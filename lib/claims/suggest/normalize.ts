// Debate transcripts (the training data) use ASCII punctuation while news text uses typographic
// punctuation; mapping both to one form keeps the learned n-grams applicable to news.
const REPLACEMENTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/[\u2013\u2014\u2015\u2212]/g, "-"],
  [/\u2026/g, "..."],
  [/[\u00A0\u2000-\u200B\u202F\u205F\u3000]/g, " "],
];

/** Maps typographic quotes, dashes, ellipses and odd spaces to their ASCII forms. */
export function normalizeText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of REPLACEMENTS) out = out.replace(pattern, replacement);
  return out;
}
