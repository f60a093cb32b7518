import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { createClaim } from "@/lib/claims/mutations";
import type { Db } from "@/lib/config/prisma-client";
import { createTeam } from "@/lib/teams/mutations";
import { createTestUser } from "./test-db";

export type Actor = { teamId: string; userId: string };

/** A short article with four checkable sentences, one to a paragraph. */
export const MUSEUM_TEXT = [
  "The museum welcomed 1.2 million visitors in 2024.",
  "Its director, appointed in 2019, doubled the number of exhibitions.",
  "Ticket prices rose by 15 percent in March.",
  "The building dates from 1888.",
].join("\n\n");

type Names = { editor: string; team: string; title: string; outlet: string | null };

/**
 * A test file's article: `setUpArticle` makes a team of one editor with `text` imported,
 * `claimOn` a claim on a quote of that text. Both write through the file's database unless
 * given another client (a logged one, say, to count statements).
 */
export function articleFixture(db: Db, text: string, names: Names) {
  async function setUpArticle(database: Db = db, team = names.team) {
    const user = await createTestUser(database, { name: names.editor });
    const created = await createTeam(database, { name: team, userId: user.id });
    const actor: Actor = { teamId: created.id, userId: user.id };
    const saved = await saveImport(database, actor, saveImportSchema.parse({ title: names.title, outlet: names.outlet ?? undefined, text, removedLines: [] }));
    return { actor, articleId: saved.articleId };
  }

  /** A claim on the first occurrence of `quote`, which must be in the text. */
  async function claimOn(actor: Actor, articleId: string, quote: string, database: Db = db) {
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`quote not in text: ${quote}`);
    return createClaim(database, actor, { articleId, start, end: start + quote.length });
  }

  return { setUpArticle, claimOn };
}
