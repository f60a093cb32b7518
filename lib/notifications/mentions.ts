/**
 * Mentions in a comment: "@" followed by a team member's name as the team knows it ("@Sam Okafor"),
 * at the start of the text or after a character that is not a letter, digit or "@" (so an address
 * like sam@example.org mentions nobody), and not followed by a letter or digit ("@Samuel" is not
 * "@Sam"). Case does not matter; where two names fit ("@Sam" and "@Sam Okafor"), the longer wins.
 * The comment keeps its text; the ids of the people meant are stored beside it (CommentMention).
 */
export type Mentionable = { id: string; name: string };

const WORD_CHARACTER = /[\p{L}\p{N}@]/u;
const NAME_CHARACTER = /[\p{L}\p{N}]/u;

const fold = (text: string) => text.normalize("NFC").toLocaleLowerCase("en");

/** The ids of the members `body` mentions, each once, in the order of their first mention. */
export function parseMentions(body: string, members: readonly Mentionable[]): string[] {
  const text = fold(body);
  // Longest names first, so "@Sam Okafor" is not taken for "@Sam".
  const names = members
    .map((member) => ({ id: member.id, name: fold(member.name.trim()) }))
    .filter((member) => member.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  const found: string[] = [];
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    if (at > 0 && WORD_CHARACTER.test(text[at - 1]!)) continue;
    const rest = text.slice(at + 1);
    const match = names.find(({ name }) => rest.startsWith(name) && !NAME_CHARACTER.test(rest.charAt(name.length)));
    if (match && !found.includes(match.id)) found.push(match.id);
  }
  return found;
}

/** The "@name" being typed just before the caret, for autocompletion; null when the caret is not in one. */
export function findMentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at === -1 || (at > 0 && WORD_CHARACTER.test(before[at - 1]!))) return null;
  const query = before.slice(at + 1);
  // A name has at most a few words and no line break; a longer run is ordinary text after an "@".
  if (query.length > 40 || /\n/.test(query) || /\s{2}/.test(query) || query.split(" ").length > 4) return null;
  return { start: at, query };
}

/** Members whose name, or a word of it, starts with `query` (case-insensitive), at most `limit`. */
export function matchMembers<T extends Mentionable>(members: readonly T[], query: string, limit = 8): T[] {
  const wanted = fold(query.trim());
  return members
    .filter((member) => {
      const name = fold(member.name);
      return name.startsWith(wanted) || name.split(/\s+/).some((word) => word.startsWith(wanted));
    })
    .slice(0, limit);
}

/** The text with the "@query" at `start`..`caret` replaced by "@Name ", and where the caret goes. */
export function insertMention(text: string, mention: { start: number; caret: number; name: string }): { text: string; caret: number } {
  const inserted = `@${mention.name} `;
  const after = text.slice(mention.caret).replace(/^ /, "");
  return { text: text.slice(0, mention.start) + inserted + after, caret: mention.start + inserted.length };
}
