import { sortByArticle } from "../../lib/claims/order";
import { BODY, createArticle } from "./articles";
import { db, type createPersonWithTeam } from "./db";

type Person = Awaited<ReturnType<typeof createPersonWithTeam>>;
const STATUSES = ["unchecked", "in_progress", "needs_review", "done"] as const;

/**
 * A 10,000-word article (the fixture's paragraphs repeated) with `count` claims, one per sentence
 * in turn, written with createMany (a thousand createClaim calls would take the test's minute).
 * Answers the claims' ids in the workspace's default order (article order), so `ids[n - 1]` is
 * claim n.
 */
export async function seedLongArticle(person: Person, count = 1000) {
  const paragraphs = BODY.split(/\n\s*\n/);
  const parts: string[] = [];
  for (let words = 0; words < 10_000; ) {
    const paragraph = paragraphs[parts.length % paragraphs.length]!;
    parts.push(paragraph);
    words += paragraph.split(/\s+/).length;
  }
  const text = parts.join("\n\n");
  const article = await createArticle(person, text);
  const version = await db.articleVersion.findFirstOrThrow({ where: { articleId: article.id } });
  const sentences = [...text.matchAll(/[^.\n]+\./g)].map((match) => ({ start: match.index + (match[0].length - match[0].trimStart().length), end: match.index + match[0].length }));
  await db.claim.createMany({
    data: Array.from({ length: count }, (_, index) => {
      const { start, end } = sentences[index % sentences.length]!;
      const quote = text.slice(start, end);
      return {
        teamId: person.team.id, articleId: article.id, versionId: version.id, position: index + 1,
        quote, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32),
        start, end, statement: quote, status: STATUSES[index % 4]!, createdById: person.user.id,
      };
    }),
  });
  const claims = await db.claim.findMany({ where: { articleId: article.id }, orderBy: { position: "asc" }, select: { id: true, start: true, end: true, anchorState: true } });
  return { article, text, ids: sortByArticle(claims).map((claim) => claim.id) };
}
