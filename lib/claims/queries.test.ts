import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { articleFixture, MUSEUM_TEXT as TEXT } from "@/tests/article-fixture";
import { countQueries as countStatements, setUpTestDatabase } from "@/tests/test-db";
import { deleteClaim, moveClaim } from "./mutations";
import { getWorkspace } from "./queries";

const db = setUpTestDatabase();

const { setUpArticle, claimOn } = articleFixture(db, TEXT, { editor: "Lin Editor", team: "Culture Desk", title: "Museum record", outlet: "Local Post" });

describe("getWorkspace", () => {
  it("returns the article, its latest version and its claims in list order", async () => {
    const { actor, articleId } = await setUpArticle();
    const visitors = await claimOn(actor, articleId, "The museum welcomed 1.2 million visitors in 2024.");
    const prices = await claimOn(actor, articleId, "Ticket prices rose by 15 percent in March.");
    const director = await claimOn(actor, articleId, "Its director, appointed in 2019");
    await moveClaim(db, actor, { claimId: director.id, direction: "up" });

    const workspace = await getWorkspace(db, actor.teamId, articleId);

    expect(workspace).not.toBeNull();
    expect(workspace!.article).toMatchObject({ id: articleId, title: "Museum record", outlet: "Local Post", versionCount: 1 });
    expect(workspace!.version).toMatchObject({ number: 1, text: TEXT });
    expect(workspace!.claims.map((claim) => claim.id)).toEqual([visitors.id, director.id, prices.id]);
    expect(workspace!.claims[0]).toMatchObject({ quote: "The museum welcomed 1.2 million visitors in 2024.", createdBy: { name: "Lin Editor" } });
  });

  it("shows the latest version once the article has a new one", async () => {
    const { actor, articleId } = await setUpArticle();
    const newText = TEXT.replace("1888", "1889");
    await saveImport(db, actor, saveImportSchema.parse({ articleId, title: "Museum record", text: newText, removedLines: [] }));

    const workspace = await getWorkspace(db, actor.teamId, articleId);

    expect(workspace!.version).toMatchObject({ number: 2, text: newText });
    expect(workspace!.article.versionCount).toBe(2);
  });

  it("lists deleted claims apart from the others, for undo", async () => {
    const { actor, articleId } = await setUpArticle();
    const kept = await claimOn(actor, articleId, "The museum welcomed 1.2 million visitors in 2024.");
    const removed = await claimOn(actor, articleId, "The building dates from 1888.");
    await deleteClaim(db, actor, { claimId: removed.id });

    const workspace = await getWorkspace(db, actor.teamId, articleId);

    expect(workspace!.claims.map((claim) => claim.id)).toEqual([kept.id]);
    expect(workspace!.deleted).toMatchObject([{ id: removed.id, statement: "The building dates from 1888." }]);
    expect(workspace!.deleted[0].deletedAt).toBeInstanceOf(Date);
  });

  it("returns null for another team's article", async () => {
    const { actor, articleId } = await setUpArticle();
    await claimOn(actor, articleId, "The building dates from 1888.");
    const stranger = await setUpArticle();

    expect(await getWorkspace(db, stranger.actor.teamId, articleId)).toBeNull();
    expect(await getWorkspace(db, actor.teamId, "no-such-article")).toBeNull();
  });
});

describe("getWorkspace: queries", () => {
  // A separate database whose client logs every SQL statement it runs.
  const logged = setUpTestDatabase({ logQueries: true });
  const queries = countStatements(logged);

  async function countQueries(teamId: string, articleId: string) {
    queries.reset();
    const workspace = await getWorkspace(logged, teamId, articleId);
    return { workspace, queries: queries.count };
  }

  it("runs as many queries for an article with 40 claims as for one with 2", async () => {
    const small = await setUpArticle(logged);
    await claimOn(small.actor, small.articleId, "The building dates from 1888.", logged);
    await claimOn(small.actor, small.articleId, "Ticket prices rose by 15 percent in March.", logged);
    const large = await setUpArticle(logged);
    const quotes = ["The museum welcomed", "Its director", "Ticket prices rose", "The building dates"];
    for (let i = 0; i < 45; i++) await claimOn(large.actor, large.articleId, quotes[i % quotes.length], logged);
    const claims = await logged.claim.findMany({ where: { articleId: large.articleId }, take: 5 });
    for (const claim of claims) await deleteClaim(logged, large.actor, { claimId: claim.id });

    const few = await countQueries(small.actor.teamId, small.articleId);
    const many = await countQueries(large.actor.teamId, large.articleId);

    expect(few.workspace!.claims).toHaveLength(2);
    expect(many.workspace!.claims).toHaveLength(40);
    expect(many.workspace!.deleted).toHaveLength(5);
    expect(few.queries).toBeGreaterThan(0);
    expect(many.queries).toBe(few.queries);
  });
});
