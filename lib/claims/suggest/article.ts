import { CUES } from "./cues";
import { segmentSentences, type Segment } from "./segment";

/** Why a passage is never suggested, whatever the model thinks of its words. */
/** `label`: a line without closing punctuation, such as a heading, a caption or a link. */
export type SkipReason = "caption" | "byline" | "dateline" | "label" | "lead-in" | "question" | "opinion" | "fragment";

/**
 * What the editor can be offered: a sentence, or several when a quote runs over them (the
 * quote is one claim). `sentences` are the parts the model scores, each as it was trained on.
 */
export type Passage = Segment & { sentences: Segment[]; skip: SkipReason | null };

// Whole lines that caption a picture or video, or credit it.
const CAPTION_START =
  /^(?:(?:image|media|video|photo) caption|(?:image )?copyright|(?:photo(?:graph)?|picture|image|illustration|video|credit)s?\s*(?::|by\b)|clockwise from|(?:from )?left to right|pictured|above,|below,|top,|bottom,)/i;
const CAPTION_END =
  /(?:\bCredit\s+\p{Lu}[^.!?]*|\bPhotograph:\s*[^.!?]*|\((?:Reuters|AP|AFP|EPA|Getty Images|Associated Press|(?:photo|video|image|picture)s?(?:\s+by|:)[^)]*)\))$/iu;
// Lines that stand before a caption on some sites (a screen reader's "Photo" label).
const MEDIA_LABEL = /^(?:photo|image|video|media|watch|listen)$/i;
const BYLINE =
  /^(?:by\s+\p{Lu}[^.!?]{0,80}|(?:additional )?(?:reporting|writing|editing) by\b.*|\((?:Reuters|AP|AFP)\))$|\bcontributed (?:reporting )?to this (?:report|article|story)\.?$/iu;
const DATELINE_LINE = /^(?:(?:first |last )?(?:published|updated|posted)\b)|\b(?:first published|updated|posted)\b.*\b\d{1,2}:\d\d\b/i;
// "CAIRO — ", "NAIROBI, Kenya — ", "WASHINGTON (Reuters) - " before the first sentence.
const DATELINE_PREFIX = /^\p{Lu}[\p{Lu}.'’-]+(?:\s\p{Lu}[\p{Lu}.'’-]+)*(?:,\s\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)*)?\s*(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}\s+/u;
// A lead-in that opens a list of links, not of statements ("Read more:", "Related:").
const LINK_LEAD_IN = /^(?:read more|more|related|see also|more on this story|watch|listen|recommended)\b/i;
const LEADING_NOISE = /^[\s•◦▪‣●·*–—-]+/;
const TERMINATED = /[.!?…]["'”’)\]]*$/;
const QUESTION = /\?["'”’)\]]*$/;
// A recommendation, a belief or a promise reported of someone: not a report of what is.
const DEONTIC = /\b(?:should|must|ought to|needs? to)\b/i;
const BELIEF = /\b(?:is|are|was|were) (?:confident|hopeful|optimistic|convinced|sure)\b/i;
const REPORTED_PROMISE = /^(?:he|she|they|it) (?:would|will)\b/i;
const [FIGURE, DATE, CHANGE, OPINION, PROMISE] = ["figure", "date", "change", "opinion", "promise"].map((name) => {
  const cue = CUES.find((c) => c.name === name);
  if (!cue) throw new Error(`No cue named ${name}`);
  return cue;
});
const MIN_WORDS = 3;
const MIN_LIST_ITEM_WORDS = 5;

/**
 * Reads an article into passages and marks those that are not claims: captions, credits,
 * bylines and datelines, labels (headings, captions and links: lines without closing
 * punctuation), lead-ins ending in ":", questions, pure opinion and fragments. A line introduced by a
 * lead-in ("He also said:") is a list item and stays a candidate. Offsets are into `text`.
 */
export function readPassages(text: string): Passage[] {
  const lines = readLines(text);
  const passages: Passage[] = [];
  let isInList = false;
  lines.forEach((line, i) => {
    const lineSkip = classifyLine(line.content, lines[i - 1]?.content ?? "", lines[i + 1]?.content ?? "", isInList);
    const segments = segmentSentences(line.text).map((s) => ({ ...s, start: s.start + line.start, end: s.end + line.start }));
    trimDateline(segments, text);
    for (const group of groupQuotes(segments)) {
      const first = group[0];
      const last = group[group.length - 1];
      const passage = { start: first.start, end: last.end, text: text.slice(first.start, last.end), sentences: group };
      passages.push({ ...passage, skip: lineSkip ?? classifyPassage(passage.text) });
    }
    const isLeadIn = /:$/.test(line.content) && !LINK_LEAD_IN.test(line.content);
    isInList = isLeadIn || (isInList && !TERMINATED.test(line.content));
  });
  return passages;
}

// Lines as they stand (offsets must stay exact); `content` without spaces and bullet marks.
function readLines(text: string): Array<Segment & { content: string }> {
  return Array.from(text.matchAll(/[^\n\r]+/g), (m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] }))
    .map((line) => ({ ...line, content: line.text.replace(LEADING_NOISE, "").trim() }))
    .filter((line) => line.content !== "");
}

function classifyLine(line: string, previous: string, next: string, isInList: boolean): SkipReason | null {
  if (CAPTION_START.test(line) || CAPTION_END.test(line) || MEDIA_LABEL.test(previous)) return "caption";
  // A caption whose credit is on the line after it ("... on Monday." then "Credit Reuters").
  if (/^Credit\s+\p{Lu}/u.test(next) || /^Photograph:/.test(next)) return "caption";
  if (BYLINE.test(line)) return "byline";
  if (DATELINE_LINE.test(line)) return "dateline";
  if (/:\s*$/.test(line)) return null; // a lead-in: judged as a passage
  if (!TERMINATED.test(line)) {
    return isInList && countWords(line) >= MIN_LIST_ITEM_WORDS ? null : "label";
  }
  return null;
}

function classifyPassage(passage: string): SkipReason | null {
  if (/:\s*$/.test(passage)) return "lead-in";
  if (QUESTION.test(passage)) return "question";
  if (countWords(passage) < MIN_WORDS) return "fragment";
  if (isPureOpinion(passage)) return "opinion";
  return null;
}

/**
 * An opinion, recommendation, belief or promise ("I think", "must", "is confident", "He would
 * speak bluntly") with nothing in it to check: no figure, date or measure.
 */
function isPureOpinion(passage: string): boolean {
  const isOpinion = [OPINION, PROMISE].some((cue) => cue.find(passage) !== null) || [DEONTIC, BELIEF, REPORTED_PROMISE].some((p) => p.test(passage));
  return isOpinion && [FIGURE, DATE, CHANGE].every((cue) => cue.find(passage) === null);
}

// The dateline names where the story was filed, not what happened: it is left out of the passage.
function trimDateline(segments: Segment[], text: string): void {
  const first = segments[0];
  const match = first ? DATELINE_PREFIX.exec(first.text) : null;
  if (!first || !match || match[0].length >= first.text.length) return;
  segments[0] = { start: first.start + match[0].length, end: first.end, text: text.slice(first.start + match[0].length, first.end) };
}

/** Consecutive sentences of a line that one open quotation mark spans are one group. */
function groupQuotes(segments: Segment[]): Segment[][] {
  const groups: Segment[][] = [];
  let isOpen = false;
  for (const segment of segments) {
    if (isOpen) groups[groups.length - 1].push(segment);
    else groups.push([segment]);
    isOpen = toggleQuotes(segment.text, isOpen);
  }
  return groups;
}

function toggleQuotes(sentence: string, isOpen: boolean): boolean {
  let open = isOpen;
  for (const char of sentence) {
    if (char === "“") open = true;
    else if (char === "”") open = false;
    else if (char === '"') open = !open;
  }
  return open;
}

function countWords(text: string): number {
  return text.match(/\p{L}[\p{L}'’-]*/gu)?.length ?? 0;
}
