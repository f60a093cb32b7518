import { describeActivity, type PresenceActivity } from "./activities";
import type { PresenceEntry } from "./presence";

/** One colleague as a page shows them: where they are on it and what they do there. */
export type PresentPerson = { userId: string; name: string; claimId: string | null; activity: PresenceActivity; since: string };

/**
 * The colleagues a page shows, from the team's presence: those on `articleId` (and on `claimId`,
 * when given), one each however many tabs they have open, the person looking left out (their
 * own other tabs are not someone else). Of a person's several places the most telling is shown:
 * doing something over only viewing, on a claim over the article, then the latest. Ordered by
 * arrival, so that the row does not reshuffle when someone starts typing.
 */
export function listPresentPeople(entries: readonly PresenceEntry[], view: { selfId: string; articleId: string; claimId?: string }): PresentPerson[] {
  const byPerson = new Map<string, { person: PresentPerson; arrived: string }>();
  for (const entry of entries) {
    if (entry.userId === view.selfId || entry.articleId !== view.articleId) continue;
    if (view.claimId !== undefined && entry.claimId !== view.claimId) continue;
    const person = { userId: entry.userId, name: entry.name, claimId: entry.claimId, activity: entry.activity, since: entry.since };
    const known = byPerson.get(entry.userId);
    if (!known) byPerson.set(entry.userId, { person, arrived: entry.since });
    else byPerson.set(entry.userId, { person: rank(person) > rank(known.person) ? person : known.person, arrived: known.arrived < entry.since ? known.arrived : entry.since });
  }
  return [...byPerson.values()]
    .sort((a, b) => (a.arrived === b.arrived ? a.person.name.localeCompare(b.person.name) : a.arrived < b.arrived ? -1 : 1))
    .map(({ person }) => person);
}

/** Higher is more telling; ties go to the later change (ISO strings compare as dates). */
function rank(person: PresentPerson): string {
  return `${person.activity === "viewing" ? 0 : 1}${person.claimId ? 1 : 0}${person.since}`;
}

/** "SK" for "Sam Kowalski", "M" for "Mira": the avatar's letters. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words.slice(0, 1);
  return letters.map((word) => [...word][0]!.toLocaleUpperCase()).join("") || "?";
}

/**
 * What a screen reader hears when colleagues come or go (politely, once per change): arrivals
 * and departures only, since a colleague's every move from field to field would drown the page.
 * Empty when nobody came or went.
 */
export function describeComings(before: readonly PresentPerson[], after: readonly PresentPerson[], place: string): string {
  const had = new Set(before.map((person) => person.userId));
  const has = new Set(after.map((person) => person.userId));
  const came = after.filter((person) => !had.has(person.userId)).map((person) => person.name);
  const went = before.filter((person) => !has.has(person.userId)).map((person) => person.name);
  const parts: string[] = [];
  if (came.length > 0) parts.push(`${joinNames(came)} ${came.length === 1 ? "is" : "are"} also ${place}.`);
  if (went.length > 0) parts.push(`${joinNames(went)} left.`);
  return parts.join(" ");
}

function joinNames(names: string[]): string {
  if (names.length > 3) return `${names.length} colleagues`;
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * Where a colleague is on the article, after their name: "· claim 3, editing the statement",
 * "· on claim 3", "· reading the article". `claimNumber` is the claim's number on the page
 * (undefined for a claim the page does not list, such as a deleted one).
 */
export function describeArticlePlace(person: Pick<PresentPerson, "claimId" | "activity">, claimNumber: number | undefined): string {
  const claim = claimNumber === undefined ? "a claim" : `claim ${claimNumber}`;
  if (!person.claimId) return person.activity === "viewing" ? "· reading the article" : `· ${describeActivity(person.activity)}`;
  return person.activity === "viewing" ? `· on ${claim}` : `· ${claim}, ${describeActivity(person.activity)}`;
}

/** What a colleague on the same claim does, after their name: "is also here, writing a verdict". */
export function describeClaimPlace(person: Pick<PresentPerson, "activity">): string {
  return person.activity === "viewing" ? "is also here" : `is also here, ${describeActivity(person.activity)}`;
}
