// Lower-cased, without the final period. Titles and name parts never end a sentence in news
// copy ("Sen. Warren"), so a period after them is never a boundary.
const TITLES = new Set(
  (
    "mr mrs ms mx dr sen rep gov gen col lt sgt capt cmdr adm maj brig cpl pvt prof rev hon pres " +
    "supt det insp fr st mt ft messrs mme mlle sens reps govs gens"
  ).split(" "),
);

// Abbreviations that precede a number ("No. 10", "Jan. 6"): a boundary only when no digit follows.
const BEFORE_NUMBER = new Set(
  "no nos art vol pp p fig ch sec jan feb mar apr jun jul aug sep sept oct nov dec".split(" "),
);

// Abbreviations that can also close a sentence ("... in the U.S. The next day"): a boundary only
// when a typical sentence opener follows.
const INLINE = new Set(
  (
    "u.s u.k u.n e.u d.c u.s.a a.m p.m e.g i.e etc vs al approx est inc corp co ltd llc plc jr sr " +
    "bros dept univ assn ave blvd rd calif fla ill mass mich minn penn tenn tex va wash wis ariz colo conn"
  ).split(" "),
);

const SENTENCE_OPENERS = new Set(
  (
    "the a an he she it they we i you this that these those there his her their its our my but and " +
    "in on at for after before when while however meanwhile still yet so if as what who why how " +
    "according some many most one two three officials police"
  ).split(" "),
);

export type AbbreviationKind = "title" | "before-number" | "inline" | "initial" | null;

/** Classifies the word that ends with a period at the end of `before` (null if not an abbreviation). */
export function classifyAbbreviation(before: string): AbbreviationKind {
  const match = /([A-Za-z][A-Za-z.]*)\.$/.exec(before);
  if (!match) return null;
  const word = match[1];
  const lower = word.toLowerCase();
  if (TITLES.has(lower)) return "title";
  if (BEFORE_NUMBER.has(lower)) return "before-number";
  if (INLINE.has(lower)) return "inline";
  if (/^[A-Z]$/.test(word)) return "initial";
  // Dotted acronyms not in the list, such as "N.Y." or "F.B.I."
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return "inline";
  return null;
}

/** Whether a word typically starts a sentence (used after ambiguous abbreviations). */
export function isSentenceOpener(word: string): boolean {
  return SENTENCE_OPENERS.has(word.toLowerCase());
}
