/** A hand-written signal that both feeds the model and explains a suggestion to the editor. */
export type Cue = {
  name: string;
  /** Shown to the editor with the matched text in brackets. */
  label: string;
  /** Whether the cue usually marks a check-worthy (1) or a non-check-worthy (-1) sentence. */
  polarity: 1 | -1;
  find: (sentence: string) => string | null;
};

const MONTHS =
  "January|February|March|April|May|June|July|August|September|October|November|December";
const MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec";
// Cardinals written as words ("nine churchgoers", "twenty-five", "a dozen"); "one" is left out,
// as it is mostly a pronoun ("one of the poorest").
const CARDINALS =
  "zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|" +
  "eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?";
const NUMBER_WORDS =
  "hundreds?|thousands?|millions?|billions?|trillions?|dozens?|a dozen|percent|per cent|half|twice|" +
  `double|triple|tripled|doubled|one-third|two-thirds|a third|a quarter|majority|${CARDINALS}`;

const FIGURE = new RegExp(
  String.raw`[$£€]\s?\d[\d,.]*(?:\s(?:million|billion|trillion))?|\d[\d,]*(?:\.\d+)?\s?(?:%|percent|per cent)` +
    String.raw`|\b\d[\d,]*(?:\.\d+)?(?:\s(?:million|billion|trillion|thousand|hundred))?\b` +
    String.raw`|\b(?:${NUMBER_WORDS})\b`,
  "i",
);
const DATE = new RegExp(
  String.raw`\b(?:${MONTHS})(?:\s\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s(?:1[89]|20)\d\d)?\b` +
    String.raw`|\b(?:${MONTH_ABBR})\.\s\d{1,2}\b|\b(?:in|since|by|until|from|of)\s(?:1[89]|20)\d\d\b` +
    String.raw`|\b(?:yesterday|last (?:year|month|week|decade)|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b`,
);
// Global copies for matchAll; exec on a shared global pattern would carry lastIndex between calls.
const FIGURE_ALL = new RegExp(FIGURE.source, "gi");
const DATE_ALL = new RegExp(DATE.source, "g");
const ATTRIBUTION =
  /\b(?:according to|said|says|told|reported|announced|stated|confirmed|estimated|testified|wrote)\b/i;
const CHANGE =
  /\b(?:more than|less than|fewer than|at least|as many as|increased|decreased|doubled|tripled|rose|fell|grew|dropped|declined|highest|lowest|largest|biggest|smallest|record|first time|only (?:country|state|one))\b/i;
const OPINION =
  /\b(?:I (?:think|believe|feel|hope|guess|suppose|want)|in my (?:opinion|view)|we (?:need|have|ought) to|we must|we should|let me|let's)\b/i;
const PROMISE = /\b(?:I will|I'll|we will|we'll|I'm going to|we're going to|I would|I'd)\b/i;

/** The cues, in the fixed order their dense feature slots use. */
export const CUES: readonly Cue[] = [
  { name: "figure", label: "contains a figure", polarity: 1, find: findFigure },
  { name: "date", label: "names a date", polarity: 1, find: (s) => findFirstMatch(DATE, s) },
  { name: "names", label: "names people or organisations", polarity: 1, find: findNames },
  { name: "attribution", label: "attributed", polarity: 1, find: (s) => findFirstMatch(ATTRIBUTION, s) },
  { name: "change", label: "compares or measures", polarity: 1, find: (s) => findFirstMatch(CHANGE, s) },
  { name: "opinion", label: "opinion marker", polarity: -1, find: (s) => findFirstMatch(OPINION, s) },
  { name: "promise", label: "promise or plan", polarity: -1, find: (s) => findFirstMatch(PROMISE, s) },
  { name: "question", label: "question", polarity: -1, find: findQuestion },
];

function findFirstMatch(pattern: RegExp, sentence: string): string | null {
  const match = pattern.exec(sentence);
  return match ? match[0].trim() : null;
}

/** The first number, amount or share that is not part of a date ("June 23", "in 2019"). */
function findFigure(sentence: string): string | null {
  const dates = Array.from(sentence.matchAll(DATE_ALL), (m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
  for (const match of sentence.matchAll(FIGURE_ALL)) {
    const at = match.index ?? 0;
    if (!dates.some(([from, to]) => at >= from && at < to)) return match[0].trim();
  }
  return null;
}

function findQuestion(sentence: string): string | null {
  return /\?["')\]]*\s*$/.test(sentence) ? "?" : null;
}

const CAPITALISED_RUN = /\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*(?:\s(?:[A-Z]\.\s)?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*)*/g;
const NOT_NAMES = new Set(
  (
    "I The A An And But So Or If When While Now Well Yes No This That These Those It He She We They You " +
    "My Our Your His Her Their In On At For Of To From By With As Because Although Though Then There Here " +
    "What Why How Who Where Which Let Mr Mrs Ms Dr Sen Gov Rep Thank Thanks Okay OK Oh Look Sir " +
    MONTHS.replace(/\|/g, " ") +
    " Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
  ).split(" "),
);

/** Finds the longest run of capitalised words that is not just the sentence opener or a month. */
function findNames(sentence: string): string | null {
  let best: string[] = [];
  for (const match of sentence.matchAll(CAPITALISED_RUN)) {
    const words = match[0].split(/\s+/).filter((w) => !NOT_NAMES.has(w.replace(/\.$/, "")));
    const atStart = (match.index ?? 0) === findFirstLetter(sentence);
    if (atStart && match[0].split(/\s+/).length === 1) continue;
    if (words.length > best.length) best = words;
  }
  return best.length > 0 ? best.join(" ") : null;
}

function findFirstLetter(sentence: string): number {
  const match = /[A-Za-z]/.exec(sentence);
  return match ? match.index : -1;
}
