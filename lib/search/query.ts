/**
 * What a user typed into a search box, as the full-text indexes read it
 * (docs/decisions/0021-full-text-search.md). Text is folded and cut into words the same way
 * SQLite's `unicode61 remove_diacritics 2` tokenizer and PostgreSQL's `factdesk_search_vector()`
 * do: lower case, accents dropped ("École" -> "ecole"), every character that is not a letter or a
 * digit a separator. So `%`, `_`, quotes and operators are never syntax: they separate words, and
 * a query of punctuation only has no words at all.
 */

/** One thing every hit must contain: a word, or several words in a row (a phrase). */
export type SearchTerm = { words: string[]; prefix: boolean };

export type ParsedQuery =
  | { kind: "empty" }
  /** Something was typed, but no letter or digit: nothing to look for. */
  | { kind: "no-words" }
  | { kind: "terms"; terms: SearchTerm[] };

/** More terms than this are ignored: each one is another index lookup. */
export const MAX_TERMS = 12;
/** Longer queries are cut (the search boxes say so with their maxLength). */
export const MAX_QUERY_CHARS = 200;

const QUOTES = /["“”„«»]/;
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case without accents, as both databases' indexes store words. */
export function foldText(text: string): string {
  return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/** The words of `text`, folded, as the indexes cut them. */
export function wordsOf(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}

/**
 * Parses a query: text in double quotes is a phrase (its words in that order, next to each
 * other); elsewhere each space-separated chunk is one term, a chunk with inner punctuation
 * ("snake_case", "3.5", "l'école") being the phrase of its words. The last term matches as a
 * prefix (type-ahead) unless it is quoted or followed by a space.
 */
export function parseQuery(input: string): ParsedQuery {
  const text = input.slice(0, MAX_QUERY_CHARS);
  if (text.trim() === "") return { kind: "empty" };
  const terms: SearchTerm[] = [];
  const parts = text.split(QUOTES);
  parts.forEach((part, index) => {
    const isQuoted = index % 2 === 1;
    const chunks = isQuoted ? [part] : part.split(/\s+/);
    for (const chunk of chunks) {
      const words = wordsOf(chunk);
      if (words.length > 0) terms.push({ words, prefix: false });
    }
  });
  if (terms.length === 0) return { kind: "no-words" };
  const lastPart = parts.length % 2 === 1 ? parts[parts.length - 1] : "";
  const endsInOpenWord = parts.length % 2 === 1 && wordsOf(lastPart).length > 0 && /[\p{L}\p{N}\p{M}]$/u.test(lastPart);
  const kept = terms.slice(0, MAX_TERMS);
  if (endsInOpenWord && kept.length === terms.length) kept[kept.length - 1] = { ...kept[kept.length - 1], prefix: true };
  return { kind: "terms", terms: kept };
}

/** The query in FTS5's syntax: each term a quoted phrase (words only, so nothing to escape), ANDed. */
export function toFts5Query(terms: SearchTerm[]): string {
  return terms.map((term) => `"${term.words.join(" ")}"${term.prefix ? " *" : ""}`).join(" ");
}

/** The query in PostgreSQL's tsquery syntax: phrases with `<->`, the prefix with `:*`, ANDed. */
export function toTsQuery(terms: SearchTerm[]): string {
  return terms
    .map((term) => {
      const words = term.words.map((word, index) => (term.prefix && index === term.words.length - 1 ? `${word}:*` : word));
      return words.length > 1 ? `(${words.join(" <-> ")})` : words[0];
    })
    .join(" & ");
}
