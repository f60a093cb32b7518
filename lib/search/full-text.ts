import { dialectOf, type Db } from "@/lib/config/prisma-client";
import { parseQuery, type SearchTerm } from "./query";
import { buildFirstSnippet, type SnippetPart } from "./snippet";
import { searchPostgres } from "./full-text-postgresql";
import { searchSqlite } from "./full-text-sqlite";

/**
 * One team's search over what editors write: claims, rationales, comments, sources and articles,
 * ranked by relevance (SQLite: FTS5's bm25(); PostgreSQL: ts_rank()), each hit with a snippet in
 * which the matched words are marked. docs/decisions/0021-full-text-search.md.
 */
export const SEARCH_KINDS = ["claim", "rationale", "comment", "source", "article"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export type SearchHit = {
  kind: SearchKind;
  id: string;
  /** Higher is better; comparable only within one kind of one search. */
  score: number;
  /** What the hit is: the claim's statement, the source's name, the article's title. */
  label: string;
  /** The article it belongs to (none for a source). */
  article: { id: string; title: string } | null;
  /** The claim whose page shows it (claims, rationales, comments). */
  claimId: string | null;
  snippet: SnippetPart[];
};

export type SearchGroup = { kind: SearchKind; hits: SearchHit[]; nextCursor: string | null };

export type SearchResult =
  | { status: "empty" }
  /** Only punctuation was typed. */
  | { status: "no-words" }
  | { status: "ok"; groups: SearchGroup[] };

export type SearchOptions = {
  kinds?: readonly SearchKind[];
  /** Hits per kind (1 to 50; 5 by default). */
  limit?: number;
  /** From `nextCursor`: where the previous page of that kind ended. */
  cursor?: string | null;
};

/** A row as the dialects return it: the hit and the texts its snippet is cut from, in order. */
export type SearchRow = {
  id: string;
  score: number;
  label: string;
  articleId: string | null;
  articleTitle: string | null;
  claimId: string | null;
  text1: string | null;
  text2: string | null;
  text3: string | null;
};

export type KindQuery = { kind: SearchKind; teamId: string; terms: SearchTerm[]; limit: number; offset: number };

const MAX_LIMIT = 50;
/** Paging stops here: ranked results this deep are better found with more words. */
const MAX_OFFSET = 1_000;

export async function searchTeam(db: Db, teamId: string, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  const parsed = parseQuery(query);
  if (parsed.kind === "empty") return { status: "empty" };
  if (parsed.kind === "no-words") return { status: "no-words" };
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.trunc(options.limit ?? 5)));
  const offset = readCursor(options.cursor);
  const search = dialectOf(db) === "postgresql" ? searchPostgres : searchSqlite;
  const kinds = SEARCH_KINDS.filter((kind) => (options.kinds ?? SEARCH_KINDS).includes(kind));
  // At once on PostgreSQL's pool; SQLite's one connection takes them in turn.
  const groups = await Promise.all(
    kinds.map(async (kind): Promise<SearchGroup> => {
      const rows = await search(db, { kind, teamId, terms: parsed.terms, limit: limit + 1, offset });
      const hits = rows.slice(0, limit).map((row) => toHit(kind, row, parsed.terms));
      const hasMore = rows.length > limit && offset + limit < MAX_OFFSET;
      return { kind, hits, nextCursor: hasMore ? String(offset + limit) : null };
    }),
  );
  return { status: "ok", groups };
}

function toHit(kind: SearchKind, row: SearchRow, terms: SearchTerm[]): SearchHit {
  return {
    kind,
    id: row.id,
    score: Number(row.score),
    label: row.label,
    article: row.articleId ? { id: row.articleId, title: row.articleTitle ?? "" } : null,
    claimId: row.claimId,
    snippet: buildFirstSnippet([row.text1, row.text2, row.text3], terms),
  };
}

/** The offset a cursor stands for; anything else than a count this code wrote starts at 0. */
function readCursor(cursor: string | null | undefined): number {
  if (!cursor || !/^\d{1,4}$/.test(cursor)) return 0;
  return Math.min(Number(cursor), MAX_OFFSET);
}
