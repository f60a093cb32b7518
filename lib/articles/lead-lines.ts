import { classifyLine } from "./debris-rules";

/** What the lines above an article's first paragraph said; `text` is the article without them. */
export type ArticleLead = { author: string | null; outlet: string | null; publishedAt: string | null; text: string };

// Only the opening lines are looked at: a byline or a date line further down is article text.
const MAX_LEAD_LINES = 10;
// A standfirst (the line under a headline) may stand before the byline; it stays in the text.
const MAX_STANDFIRST_CHARS = 300;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})\b`, "i");
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, "i");
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const RELATIVE = /\b(\d+|an?|one)\s+(minute|min|hour|hr|day)s?\s+ago\b|\b(yesterday|today|just now)\b/i;
// What else a date line may hold: its label, a weekday, a time and its zone, separators.
const DATE_LINE_WORDS = new RegExp(
  [
    String.raw`\b(first\s+)?(published|updated|last\s+(updated|modified)|modified|posted)(\s+on)?\b`,
    String.raw`\b(on|at)\b`,
    String.raw`\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?`,
    String.raw`\b\d{1,2}([:.]\d{2})?\s*(a\.?m\.?|p\.?m\.?)?(?=\W|$)`,
    String.raw`\b(gmt|bst|utc|cet|cest|et|est|edt|ct|cdt|pt|pst|pdt)\b`,
  ].join("|"),
  "gi",
);
const UPDATED = /^\s*(last\s+)?(updated|modified)\b/i;
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’.-]*|de|van|von|der|da|del|la|le|bin|al|el)`;
const NAME = String.raw`\p{Lu}[\p{L}'’.-]+(?:\s+${NAME_WORD}){1,3}`;
const NAMES = String.raw`${NAME}(?:(?:,\s*|\s+and\s+|\s*&\s*)${NAME})*`;
// No "i" flag on the name patterns: with it \p{Lu} would match lower case too.
const BY_LINE = new RegExp(String.raw`^(?:By|BY|by)\s+(${NAMES}|[\p{Lu} .'’-]{3,60})(?:\s*(?:,|\||\bfor\b)\s*(.{2,60}))?$`, "u");
const NAME_OUTLET = new RegExp(String.raw`^(${NAMES}),\s+([^,.]{2,60}(?:,\s*[^,.]{2,40})?)$`, "u");
const NAME_IN_PLACE = new RegExp(String.raw`^(${NAMES})\s+in\s+(\p{Lu}[\p{L} .'-]{1,40})$`, "u");
const LONE_NAME = new RegExp(String.raw`^(${NAMES})$`, "u");
/** The line under a byline that names the writer's job or desk ("BBC News, Washington"). */
const BYLINE_DETAIL = /^(reporting from\b.{2,60}|.{0,40}\b(correspondent|editor|reporter|writer|staff|bureau|news|desk)\b.{0,40})$/i;
/** A dateline standing alone: "WASHINGTON (AP) —", "LONDON —". */
const DATELINE = /^\p{Lu}[\p{Lu} .,'-]{1,40}(\s*\([\p{L} ]{1,20}\))?\s*[—–-]+$/u;

type LeadLine = { author: string; outlet: string | null } | { date: string; isUpdate: boolean } | { detail: true } | null;

/**
 * Reads a byline ("By Jane Smith", "Jane Smith, BBC News", "Jane Smith in Washington") and a
 * date line ("2 December 2026", "Updated 9:14 AM GMT, December 2, 2026", "Published 3 hours
 * ago") from the opening lines of a pasted article, and takes them out of its text. Page debris
 * among them ("Share", "Image source, …") is passed over and left for the editor to review.
 * Scanning stops at the first line that is article text (a standfirst right under the headline
 * excepted), so nothing further down is touched.
 */
export function readArticleLead(text: string, now: Date = new Date()): ArticleLead {
  const lines = text.split("\n");
  const lead: ArticleLead = { author: null, outlet: null, publishedAt: null, text };
  const dropped = new Set<number>();
  let updatedAt: string | null = null;
  let hasStandfirst = false;
  let previous: LeadLine = null;
  let seen = 0;
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    if (++seen > MAX_LEAD_LINES) break;
    const kind = classifyLeadLine(line, now, previous);
    if (kind === null) {
      if (classifyLine(line)) continue;
      if (dropped.size === 0 && !hasStandfirst && line.length <= MAX_STANDFIRST_CHARS) {
        hasStandfirst = true;
        continue;
      }
      break;
    }
    dropped.add(index);
    previous = kind;
    if ("author" in kind) {
      lead.author ??= kind.author;
      lead.outlet ??= kind.outlet;
    } else if ("date" in kind) {
      if (kind.isUpdate) updatedAt ??= kind.date;
      else lead.publishedAt ??= kind.date;
    }
  }
  if (dropped.size === 0) return lead;
  lead.publishedAt ??= updatedAt;
  lead.text = lines
    .filter((_, index) => !dropped.has(index))
    .join("\n")
    .replace(/^\s+/, "")
    .replace(/\n{3,}/g, "\n\n");
  return lead;
}

function classifyLeadLine(line: string, now: Date, previous: LeadLine): LeadLine {
  if (line.length > 160) return null;
  const date = readDateLine(line, now);
  if (date) return { date, isUpdate: UPDATED.test(line) };
  if (previous && "date" in previous && isTimeLine(line)) return { detail: true };
  if (DATELINE.test(line)) return { detail: true };
  const byline = readByline(line, previous);
  if (byline) return byline;
  if (previous && "author" in previous && BYLINE_DETAIL.test(line) && !/[.!?]$/.test(line)) return { detail: true };
  return null;
}

function readByline(line: string, previous: LeadLine): LeadLine {
  const by = BY_LINE.exec(line);
  if (by?.[1]) return { author: fixCase(by[1].trim()), outlet: by[2]?.trim() || null };
  const withOutlet = NAME_OUTLET.exec(line);
  if (withOutlet?.[1] && withOutlet[2]) return { author: withOutlet[1], outlet: withOutlet[2].split(",")[0]!.trim() };
  const inPlace = NAME_IN_PLACE.exec(line)?.[1];
  if (inPlace) return { author: inPlace, outlet: null };
  // A name alone on its line is a byline only beside a date line, where bylines stand.
  const lone = LONE_NAME.exec(line)?.[1];
  if (lone && previous && "date" in previous) return { author: lone, outlet: null };
  return null;
}

/** "JANE SMITH" as a person writes it; a name already in mixed case is left alone. */
function fixCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, start: string, letter: string) => start + letter.toUpperCase());
}

/** "Updated 9:14 a.m. ET" under a date line: a time and its labels, no date of its own. */
function isTimeLine(line: string): boolean {
  return /\d/.test(line) && line.replace(DATE_LINE_WORDS, " ").replace(/[\s,.|·•:;()–—-]+/g, "") === "";
}

/** The date (YYYY-MM-DD) a line holds when the line is nothing but a date and its labels. */
export function readDateLine(line: string, now: Date): string | null {
  const found = findDate(line, now);
  if (!found) return null;
  const rest = line.replace(found.match, " ").replace(DATE_LINE_WORDS, " ").replace(/[\s,.|·•:;()–—-]+/g, "");
  return rest === "" ? found.date : null;
}

function findDate(line: string, now: Date): { match: string; date: string } | null {
  const dayFirst = DAY_MONTH_YEAR.exec(line);
  if (dayFirst) return toDate(dayFirst[0], dayFirst[3], dayFirst[2], dayFirst[1]);
  const monthFirst = MONTH_DAY_YEAR.exec(line);
  if (monthFirst) return toDate(monthFirst[0], monthFirst[3], monthFirst[1], monthFirst[2]);
  const iso = ISO_DATE.exec(line);
  if (iso) return toDate(iso[0], iso[1], MONTHS[Number(iso[2]) - 1], iso[3]);
  const relative = RELATIVE.exec(line);
  if (relative) return { match: relative[0], date: subtract(now, relative).toISOString().slice(0, 10) };
  return null;
}

function toDate(match: string, year?: string, month?: string, day?: string): { match: string; date: string } | null {
  const monthIndex = MONTHS.indexOf((month ?? "").slice(0, 3).toLowerCase());
  const date = new Date(Date.UTC(Number(year), monthIndex, Number(day)));
  if (monthIndex < 0 || date.getUTCDate() !== Number(day)) return null;
  return { match, date: date.toISOString().slice(0, 10) };
}

function subtract(now: Date, relative: RegExpExecArray): Date {
  const [, count, unit, word] = relative;
  if (word) return new Date(now.getTime() - (word.toLowerCase() === "yesterday" ? 86_400_000 : 0));
  const amount = /^\d+$/.test(count ?? "") ? Number(count) : 1;
  const unitMs = /^(minute|min)$/i.test(unit ?? "") ? 60_000 : /^(hour|hr)$/i.test(unit ?? "") ? 3_600_000 : 86_400_000;
  return new Date(now.getTime() - amount * unitMs);
}
