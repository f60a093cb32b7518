import { normalizeText } from "@/lib/claims/suggest/normalize";
import { SCALE_ABBREVIATIONS, foldNumberWords } from "./numbers";
import { stemWord } from "./stem";

/**
 * Turns a claim into the words the matcher compares. Two claims that say the same thing in a
 * different hand should come out alike: case, accents and typographic punctuation are folded,
 * figures are written one way ("1,000" = "1000" = "one thousand"; "5%" = "5 per cent" = "5
 * percent"; "$3m" = "3 million dollars" = "3000000 dollar"), web addresses and handles' "@"/"#"
 * are dropped, then words are stemmed and stop-words left out.
 */
export type NormalizedClaim = {
  /** Folded words in order, not stemmed: what the word vectors know. */
  words: string[];
  /** Stemmed content words in order: what the lexical score counts. */
  terms: string[];
};

const STOP_WORDS = new Set(
  ("a an the and or but if of to in on at by for from with as into about over after before than then " +
    "is are was were be been being am has have had do does did will would shall should can could may might must " +
    "it its this that these those there here he she they them his her their our we you your i me my us " +
    "who whom which what when where why how not no so such very just also too only all any some more most " +
    "says said say claim claims shows show video photo image post posts viral pic twitter com www http https")
    .split(" "),
);

export function normalizeClaim(text: string): NormalizedClaim {
  const words = joinPerCent(foldNumberWords(splitWords(foldText(text))));
  const terms: string[] = [];
  for (const word of words) {
    if (STOP_WORDS.has(word)) continue;
    terms.push(stemWord(word));
  }
  return { words, terms };
}

/** Case, accents, typographic punctuation, web addresses and the spellings of figures. */
export function foldText(text: string): string {
  return normalizeText(text)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\b(?:https?:\/\/|www\.|pic\.twitter\.com\/)\S*/g, " ")
    .replace(/['\u2019]s\b/g, "")
    .replace(/(\d),(?=\d{3}(?!\d))/g, "$1")
    .replace(/%/g, " percent ")
    .replace(/(?:\bus\s?\$|\busd\s?|\$|\busd\b)\s*(\d+(?:\.\d+)?)(?:\s*(k|mn|mln|m|bn|b|tn|thousand|million|billion|trillion)\b)?/g, (_, figure: string, scale?: string) =>
      ` ${figure} ${scale ? (SCALE_ABBREVIATIONS[scale] ?? scale) + " " : ""}dollars `,
    )
    .replace(/\b(\d+(?:\.\d+)?)(mn|mln|bn|tn)\b/g, (_, figure: string, scale: string) => `${figure} ${SCALE_ABBREVIATIONS[scale]}`)
    .replace(/(\d)\s*(?:dollars?|usd)\b/g, "$1 dollars");
}

/** "per cent" and "pct" are "percent" (after number words, so "five per cent" = "5 percent"). */
function joinPerCent(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === "per" && words[i + 1] === "cent") {
      out.push("percent");
      i += 1;
    } else out.push(words[i] === "pct" ? "percent" : words[i]);
  }
  return out;
}

const WORD = /\d+(?:\.\d+)?|[\p{L}\p{N}]+/gu;

function splitWords(folded: string): string[] {
  const words: string[] = [];
  for (const match of folded.matchAll(WORD)) words.push(match[0]);
  return words;
}
