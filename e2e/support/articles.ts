import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { expect } from "@playwright/test";
import { createClaim } from "../../lib/claims/mutations";
import { db, type createPersonWithTeam } from "./db";

// Kept here for the specs that import it with the article helpers; it needs no database.
export { selectText } from "./select-text";

type Person = Awaited<ReturnType<typeof createPersonWithTeam>>;

const fixture = fs.readFileSync("prisma/fixtures/putin-private-armies.txt", "utf8");
/** The fixture's body: from its first real paragraph, without the page debris around it. */
export const BODY = fixture
  .slice(fixture.indexOf("Russian President Vladimir Putin is forming a network"))
  .replace(/Read the original article on Business Insider\s*$/, "")
  .trimEnd();

/** The fixture as the team's article, written straight to the database (import is tested apart). */
export async function createArticle(person: Person, text = BODY) {
  const article = await db.article.create({
    data: {
      teamId: person.team.id,
      createdById: person.user.id,
      title: "Putin is forming mysterious private armies across Russia to protect himself from Wagner soldiers, report says",
      outlet: "Business Insider",
      author: "Jane Reporter",
      url: "https://www.businessinsider.com/putin-private-armies-2023-7",
      publishedAt: new Date("2023-07-24T00:00:00Z"),
      versions: { create: { number: 1, text, contentHash: randomUUID(), teamId: person.team.id, createdById: person.user.id } },
    },
    select: { id: true },
  });
  return { id: article.id, url: `/t/${person.team.slug}/articles/${article.id}` };
}

/** A claim made the way the app makes them, on `quote`'s first occurrence in the body. */
export async function seedClaim(person: Person, articleId: string, quote: string, statement?: string) {
  const start = BODY.indexOf(quote);
  expect(start, `"${quote}" is in the fixture`).toBeGreaterThanOrEqual(0);
  return createClaim(db, { teamId: person.team.id, userId: person.user.id }, { articleId, start, end: start + quote.length, statement });
}
