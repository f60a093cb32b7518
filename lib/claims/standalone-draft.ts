/**
 * A first draft of a claim's statement from a sentence of the article, so that it reads on its
 * own: the discourse opener that tied it to the sentence before is dropped ("But", "However,"),
 * a "he said" reporting clause becomes an attribution at the front ("Putin said that ..."), and a
 * he/she standing for a person named earlier is replaced by that person's name. The quote keeps
 * the article's exact words; this is only the editable statement, and a heuristic: it names the
 * nearest person mentioned before the sentence, which the editor checks.
 */

/** Words that join a sentence to the one before and carry no claim; with or without a comma. */
const OPENERS = ["but", "and", "yet", "also"];
/** Openers dropped only when a comma follows ("Still, ..." but not "Still water ..."). */
const COMMA_OPENERS = [
  "however", "meanwhile", "moreover", "furthermore", "nevertheless", "nonetheless", "still", "indeed", "instead", "besides",
  "separately", "similarly", "likewise", "in addition", "at the same time", "now", "then", "so", "but", "and", "yet", "also",
];

const REPORTING_VERBS = "said|says|added|adds|argued|argues|warned|warns|noted|notes|wrote|writes|claimed|claims|explained|explains|insisted|insists|told [A-Z][\\w’'.]*(?: [A-Z][\\w’'.]*)*|told \\w+";
const NAME_WORD = "[A-Z][a-zà-öø-ÿ’'-]+";
const FULL_NAME = `${NAME_WORD}(?: ${NAME_WORD}){1,2}`;
/** Titles that may stand before a name in capitals ("Russian President Vladimir Putin"). */
const TITLES = new Set(["President", "Prime", "Minister", "Senator", "Governor", "Chancellor", "Secretary", "Mayor", "General", "Judge", "Mr", "Mrs", "Ms", "Dr", "Vice", "Foreign", "Defence", "Defense", "Chief", "Executive"]);
/** Words before a name that make it a person's: titles and roles. */
const PERSON_CUES = /(?:President|Minister|Senator|Governor|Chancellor|Secretary|Mayor|General|Judge|chairman|chairwoman|chair|spokesman|spokeswoman|spokesperson|official|leader|director|analyst|professor|economist|mayor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Rep\.|Sen\.),? $/i;
/** A capitalised word that names an organisation or a place rather than a person. */
const NOT_A_PERSON = new Set([
  "The", "A", "An", "This", "That", "These", "Those", "It", "They", "He", "She", "We", "I", "In", "On", "At", "But", "And", "However", "Group",
  "Ministry", "Department", "Observer", "Beast", "Times", "Post", "News", "Reuters", "Agency", "Insider", "Kremlin", "Duma", "Council",
  "Committee", "Party", "Government", "University", "Institute", "Bank", "Police", "Office", "Court", "Journal", "Guardian", "Press",
  "Associated", "BBC", "CNN", "Daily", "Russia", "Russian", "Ukraine", "Ukrainian", "American", "British", "White", "House", "Business",
  "Read", "Most", "Another", "According", "Though", "Although", "While", "When", "After", "Before", "If", "Fighters",
]);

export type StatementDraft = {
  statement: string;
  /** The person a pronoun or reporting clause was taken to be, for the editor to check. */
  speaker: string | null;
};

type Mention = { at: number; name: string; surname: string };

/** Drafts a stand-alone statement for the sentence at `range` of `text`. */
export function draftStatement(text: string, range: { start: number; end: number }): StatementDraft {
  const sentence = text.slice(range.start, range.end).replace(/\s+/g, " ").trim();
  let draft = dropOpener(sentence);
  const hasOwnPerson = findPersons(draft).length > 0;
  const speaker = findSpeakerBefore(text, range.start);
  const attributed = toAttribution(draft, hasOwnPerson ? null : speaker, text);
  draft = attributed.statement;
  let usedSpeaker = attributed.usedSpeaker;
  if (!usedSpeaker && !hasOwnPerson && speaker) {
    const replaced = replaceLeadingPronoun(draft, speaker);
    if (replaced !== draft) {
      draft = replaced;
      usedSpeaker = true;
    }
  }
  return { statement: draft, speaker: usedSpeaker ? speaker : null };
}

/** "But with just 18 months left..." -> "With just 18 months left...". */
export function dropOpener(sentence: string): string {
  const lower = sentence.toLowerCase();
  for (const opener of COMMA_OPENERS) {
    if (lower.startsWith(`${opener}, `)) return capitalise(sentence.slice(opener.length + 2));
  }
  for (const opener of OPENERS) {
    if (lower.startsWith(`${opener} `) && sentence.length > opener.length + 12) return capitalise(sentence.slice(opener.length + 1));
  }
  return sentence;
}

/**
 * Turns a reporting clause into an attribution at the front:
 * "X, he said." / "X, Sokov said." -> "Putin said that X."; "With A, he said, B." -> "Putin said that with A, B.";
 * "\"Q,\" said Sokov." -> "Sokov said: \"Q.\"". A pronoun is replaced only by a known `speaker`.
 */
function toAttribution(sentence: string, speaker: string | null, text: string): { statement: string; usedSpeaker: boolean } {
  const subject = `(?:(he|she|He|She)|(${FULL_NAME}|${NAME_WORD}))`;
  const end = /([.!?]?)([”"’']?)$/;
  const who = (pronoun: string | undefined, name: string | undefined) => (pronoun ? speaker : name && isPersonName(name) ? name : null);

  // "“Q,” said Sokov." / "“Q,” he said."
  const quoted = sentence.match(new RegExp(`^([“"])(.+?)[,.]?([”"]),? (?:said ${subject}|${subject} said)\\.?$`));
  if (quoted) {
    const name = who(quoted[4] ?? quoted[6], quoted[5] ?? quoted[7]);
    if (name) return { statement: `${name} said: ${quoted[1]}${quoted[2]}.${quoted[3]}`, usedSpeaker: Boolean(quoted[4] ?? quoted[6]) };
  }
  // "X, he said." at the end.
  const trailing = sentence.match(new RegExp(`^(.+?),? ${subject} (${REPORTING_VERBS})${end.source}`));
  if (trailing && !/^[“"]/.test(trailing[1])) {
    const name = who(trailing[2], trailing[3]);
    if (name) return { statement: `${name} ${trailing[4]} that ${lowerFirst(trailing[1], text)}${trailing[5] || "."}${trailing[6]}`, usedSpeaker: Boolean(trailing[2]) };
  }
  // "A, he said, B." in the middle.
  const middle = sentence.match(new RegExp(`^(.+?), ${subject} (${REPORTING_VERBS}), (.+)$`));
  if (middle) {
    const name = who(middle[2], middle[3]);
    if (name) return { statement: `${name} ${middle[4]} that ${lowerFirst(middle[1], text)}, ${middle[5]}`, usedSpeaker: Boolean(middle[2]) };
  }
  return { statement: sentence, usedSpeaker: false };
}

/** "He has launched..." -> "Putin has launched..."; "His militias..." -> "Putin's militias...". */
function replaceLeadingPronoun(sentence: string, speaker: string): string {
  const match = sentence.match(/^(He|She|His|Her)\b/);
  if (!match) return sentence;
  if (match[1] === "His" || match[1] === "Her") {
    // "Her" may be an object ("Her critics" vs. "Her, ..."): only before a lower-case word.
    if (!/^\w+ [a-z]/.test(sentence)) return sentence;
    return `${speaker}’s${sentence.slice(match[1].length)}`;
  }
  return `${speaker}${sentence.slice(match[1].length)}`;
}

/**
 * The person mentioned nearest before `offset`, by surname: a full name with a person's cue, or a
 * name with a reporting verb ("Putin said"). A name without a cue ("in Putin being removed") is not
 * counted: it is rarely who a following "he said" stands for.
 */
export function findSpeakerBefore(text: string, offset: number): string | null {
  const before = text.slice(0, offset);
  const mentions = findPersons(before);
  if (mentions.length === 0) return null;
  return mentions[mentions.length - 1].surname;
}

/** People named in `text`, in order: a full name with a title or role before it, a reporting verb beside it, or an apposition. */
function findPersons(text: string): Mention[] {
  const mentions: Mention[] = [];
  const pattern = new RegExp(`\\b${NAME_WORD}(?: ${NAME_WORD})*`, "g");
  for (const match of text.matchAll(pattern)) {
    const words = match[0].split(" ");
    let hasTitle = false;
    while (words.length > 0 && (NOT_A_PERSON.has(words[0]) || TITLES.has(words[0]))) hasTitle = TITLES.has(words.shift()!) || hasTitle;
    if (words.length === 0 || words.length > 3) continue;
    const name = words.join(" ");
    const at = match.index + match[0].length - name.length;
    const before = text.slice(Math.max(0, at - 40), at);
    const after = text.slice(at + name.length, at + name.length + 40);
    const isFull = words.length > 1;
    const hasCue =
      (hasTitle && isFull) ||
      PERSON_CUES.test(before) ||
      new RegExp(`^,? (?:${REPORTING_VERBS})\\b`).test(after) ||
      /(?:said|says|according to|told by) $/.test(before) ||
      (isFull && /^, (?:a|an|the) /.test(after));
    if (!hasCue || !isPersonName(name)) continue;
    mentions.push({ at, name, surname: words.at(-1)! });
  }
  return mentions;
}

function isPersonName(name: string): boolean {
  return name.split(" ").every((word) => !NOT_A_PERSON.has(word));
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

const COMMON_WORDS = new Set([
  "a", "an", "the", "this", "that", "these", "those", "it", "its", "there", "some", "many", "most", "all", "no", "more", "with", "in", "on",
  "at", "for", "after", "before", "during", "since", "about", "under", "over", "by", "from", "as", "if", "when", "while", "our", "their",
  "we", "they", "one", "two", "three", "only", "just", "nearly", "almost", "every", "each",
]);

/** Lower-cases the first word after an attribution, unless the article always capitalises it (a name). */
function lowerFirst(value: string, text: string): string {
  const word = value.match(/^[A-Z][a-z]*/)?.[0];
  if (!word || word === "I") return value;
  const isCommonWord = COMMON_WORDS.has(word.toLowerCase()) || new RegExp(`(?:^|[^\\w])${word.toLowerCase()}\\b`).test(text);
  return isCommonWord ? word.toLowerCase() + value.slice(word.length) : value;
}
