import { IRREGULAR_DEMONYMS, PLACE_LAST_WORDS, PLACE_NAMES } from "./places";

export type EntityKind = "person" | "organisation" | "place" | "group" | "name";

/** A capitalised name in a sentence and what it names; `name` when the words alone cannot tell. */
export type Entity = { text: string; kind: EntityKind };

// Titles and roles written before a person's name ("Mr Obama", "Prime Minister Habib Essid").
const TITLES = new Set(
  (
    "Mr Mrs Ms Mx Dr Sen Rep Gov Gen Prof Rev Sir Dame Lord Lady President President-elect Vice Prime Minister Senator " +
    "Governor Chancellor Secretary Mayor General Judge Justice Pope King Queen Prince Princess Sheikh Ayatollah " +
    "Chairman Chairwoman Commissioner Ambassador Colonel Captain Lieutenant Sergeant Officer Detective Inspector"
  ).split(" "),
);
// Words that make a name an organisation's ("African Union", "Department of Conservation").
const ORGANISATION_WORDS = new Set(
  (
    "Union Party Congress Parliament Senate Assembly Ministry Department University College School Institute Center " +
    "Centre Council Committee Commission Agency Bank Group Company Corporation Corp Inc Ltd Association Foundation " +
    "Court Army Navy Police Museum Embassy Embassies Administration Government Office Service Services News Times " +
    "Post Journal Press Reuters Brotherhood Nations Federation League Organisation Organization Authority Board " +
    "Trust Fund Club Network Media Society Church Cabinet Kremlin Pentagon International Images Daily Beast Observer Insider Tribune Herald Guardian " +
    "Telegraph Gazette Chronicle Magazine"
  ).split(" "),
);
const KNOWN_ORGANISATIONS = new Set(["White House", "Islamic State", "al-Qaeda", "Taliban", "Hamas", "Hezbollah", "Ennahda"]);
// Places whose all-capital short form must not be read as an organisation's acronym.
const CAPITAL_PLACES = new Set(["US", "UK", "USA", "UAE", "U.S.", "U.K.", "U.S.A."]);
// Capitalised words that are not names: sentence openers, pronouns, days and months.
const NOT_NAMES = new Set(
  (
    "I The A An And But So Or If When While Now Well Yes No This That These Those It He She We They You My Our Your His " +
    "Her Their In On At For Of To From By With As Because Although Though Then There Here What Why How Who Where Which " +
    "Let Thank Thanks Okay OK Oh Look However Meanwhile After Before Despite During Since Until Still Yet Also Even " +
    "Many Some Most All Several Few Both Each Every Other Another According Thousands Hundreds Millions Dozens " +
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August " +
    "September October November December"
  ).split(" "),
);
const COMPASS = new Set(["North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western"]);
// Lower-case words that may stand inside a name ("Department of Conservation", "Osama bin Laden").
const CONNECTORS = new Set(["of", "de", "del", "da", "la", "le", "du", "bin", "al", "von", "van", "der"]);

const WORD = /(?:[A-Z]\.){2,}|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*\.?/gu;

type Word = { text: string; at: number; isCapitalised: boolean; endsRun: boolean };

/**
 * Finds the names in a sentence and tags each as a person, organisation, place, nationality or
 * group, or plain name when unsure: places and nationalities from a list, organisations by their
 * last words or acronym, people by a title before them or a first-and-last-name shape.
 */
export function tagEntities(sentence: string): Entity[] {
  const entities: Entity[] = [];
  for (const run of findCapitalisedRuns(sentence)) entities.push(...tagRun(run));
  return entities;
}

function findCapitalisedRuns(sentence: string): Word[][] {
  const words = readWords(sentence);
  const runs: Word[][] = [];
  let run: Word[] = [];
  const close = () => {
    while (run.length > 0 && !run[run.length - 1].isCapitalised) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  words.forEach((word, i) => {
    const isConnector = !word.isCapitalised && CONNECTORS.has(word.text) && run.length > 0 && words[i + 1]?.isCapitalised;
    if (word.isCapitalised || isConnector) run.push(word);
    else close();
    if (word.endsRun) close();
  });
  close();
  // "Thousands of Tunisians": the opening word is not part of the name the connector leads to.
  if (runs[0]?.[0].at === words[0]?.at && !runs[0][1]?.isCapitalised && runs[0].length > 2) runs[0] = runs[0].slice(2);
  // A lone capitalised word opening the sentence is usually just the first word ("Hours after").
  return runs.filter((r) => !(r.length === 1 && r[0].at === words[0]?.at && !isKnownAlone(r[0].text)));
}

function readWords(sentence: string): Word[] {
  const words: Word[] = [];
  for (const match of sentence.matchAll(WORD)) {
    const at = match.index ?? 0;
    let text = match[0];
    const isAcronym = /^(?:[A-Z]\.){2,}$/.test(text);
    const possessive = /['’]s$/.test(text);
    if (possessive) text = text.slice(0, -2);
    if (!isAcronym && text.endsWith(".") && !TITLES.has(text.slice(0, -1))) text = text.slice(0, -1);
    if (text.endsWith(".") && TITLES.has(text.slice(0, -1))) text = text.slice(0, -1);
    const next = sentence.slice(at + match[0].length, at + match[0].length + 2);
    // Punctuation between two words ends a name: "Kenya, Tanzania" are two.
    const endsRun = possessive || /^\s?[,;:()"“”—–]/.test(next) || (!isAcronym && match[0].endsWith(".") && !/^[A-Z]$/.test(text));
    words.push({ text, at, isCapitalised: /^\p{Lu}/u.test(text), endsRun });
  }
  return words;
}

function tagRun(run: Word[]): Entity[] {
  const words = run.map((w) => w.text).filter((w, i) => !(i === 0 && NOT_NAMES.has(w)));
  const titleAt = findLastIndex(words, (w) => TITLES.has(w));
  if (titleAt >= 0) {
    const before = words.slice(0, titleAt).filter((w) => !TITLES.has(w));
    const name = words.slice(titleAt + 1);
    const entities = before.length > 0 ? [classify(before)] : [];
    if (name.length > 0) entities.push({ text: name.join(" "), kind: "person" });
    return entities;
  }
  const names = words.filter((w) => !NOT_NAMES.has(w));
  return names.length > 0 ? [classify(names)] : [];
}

function classify(words: string[]): Entity {
  const text = words.join(" ");
  const last = words[words.length - 1];
  if (PLACE_NAMES.has(text) || PLACE_NAMES.has(toTitleCase(text))) return { text, kind: "place" };
  if (KNOWN_ORGANISATIONS.has(text) || words.some((w) => ORGANISATION_WORDS.has(w))) return { text, kind: "organisation" };
  if (isNationality(text) || (words.every((w) => isNationality(w) || COMPASS.has(w)) && isNationality(last))) {
    return { text, kind: "group" };
  }
  if (/^(?:[A-Z]\.?){2,}$/.test(text) && !CAPITAL_PLACES.has(text)) return { text, kind: "organisation" };
  if (words.length > 1 && (PLACE_LAST_WORDS.has(last) || (words.length === 2 && COMPASS.has(words[0])))) return { text, kind: "place" };
  if (words.length >= 2 && words.length <= 4 && words.every((w) => isPersonNamePart(w))) return { text, kind: "person" };
  return { text, kind: "name" };
}

// "CAIRO" in a dateline is Cairo.
function toTitleCase(text: string): string {
  return text.replace(/\p{L}+/gu, (w) => w[0] + w.slice(1).toLowerCase());
}

function isKnownAlone(word: string): boolean {
  return PLACE_NAMES.has(word) || PLACE_NAMES.has(toTitleCase(word)) || isNationality(word) || KNOWN_ORGANISATIONS.has(word) || /^[A-Z]{2,}$/.test(word);
}

function isPersonNamePart(word: string): boolean {
  return /^[A-Z]\.?$/.test(word) || CONNECTORS.has(word) || (/^\p{Lu}\p{Ll}/u.test(word) && !PLACE_NAMES.has(word) && !isNationality(word));
}

/** "Kenyan", "Sudanese", "Americans", "African-American": a nationality or group by its place. */
function isNationality(word: string): boolean {
  if (IRREGULAR_DEMONYMS.has(word)) return true;
  if (word.includes(" ")) return PLACE_NAMES.has(word.replace(/(?:ers|er|ians|ian|ans|an)$/, "")); // "New Zealanders"
  if (word.includes("-")) return word.split("-").every((part) => isNationality(part));
  const singular = word.endsWith("s") ? word.slice(0, -1) : word;
  for (const ending of ["ese", "ian", "an", "n", "i"]) {
    if (!singular.endsWith(ending) || singular.length <= ending.length + 2) continue;
    const stem = singular.slice(0, -ending.length);
    if (["", "a", "e", "y", "ia"].some((tail) => PLACE_NAMES.has(stem + tail))) return true;
  }
  return false;
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}
