import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/config/prisma-client";
import type { ClaimStatus } from "@/lib/claims/status";
import { createTeam } from "@/lib/teams/mutations";
import { countQueries as countStatements, createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { listArticlesWithProgress } from "./list";
import { saveImport } from "./mutations";
import { saveImportSchema } from "./schema";

const db = setUpTestDatabase();

async function setUpTeam(database: Db = db) {
  const user = await createTestUser(database);
  const team = await createTeam(database, { name: "Science Desk", userId: user.id });
  return { teamId: team.id, userId: user.id };
}

type Actor = Awaited<ReturnType<typeof setUpTeam>>;

/** An article with one claim per status given; claims are written directly, as only their counts matter here. */
async function addArticle(actor: Actor, fields: { title: string; text: string; outlet?: string; statuses?: ClaimStatus[] }, database: Db = db) {
  const saved = await saveImport(database, actor, saveImportSchema.parse({ removedLines: [], ...fields }));
  const version = await database.articleVersion.findFirstOrThrow({ where: { articleId: saved.articleId } });
  for (const [index, status] of (fields.statuses ?? []).entries()) {
    await database.claim.create({
      data: {
        teamId: actor.teamId, articleId: saved.articleId, versionId: version.id, createdById: actor.userId, position: index + 1,
        quote: version.text.slice(0, 5), prefix: "", suffix: "", start: 0, end: 5, statement: `Claim ${index}`, status,
      },
    });
  }
  return saved.articleId;
}

function titles(rows: Array<{ title: string }>) {
  return rows.map((row) => row.title).sort();
}

describe("listArticlesWithProgress", () => {
  it("counts each article's claims by status", async () => {
    const actor = await setUpTeam();
    const id = await addArticle(actor, {
      title: "Glaciers", text: "Glaciers in the Alps lost 4 percent of their volume.",
      statuses: ["unchecked", "unchecked", "in_progress", "needs_review", "done", "done", "done"],
    });
    await addArticle(actor, { title: "Empty", text: "An article nobody has looked at yet." });

    const rows = await listArticlesWithProgress(db, actor.teamId);

    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.id === id)).toMatchObject({
      counts: { unchecked: 2, in_progress: 1, needs_review: 1, done: 3 }, total: 7, done: 3,
    });
    expect(rows.find((row) => row.title === "Empty")).toMatchObject({
      counts: { unchecked: 0, in_progress: 0, needs_review: 0, done: 0 }, total: 0, done: 0,
    });
  });

  it("leaves out deleted claims and other teams' articles", async () => {
    const actor = await setUpTeam();
    const other = await setUpTeam();
    const id = await addArticle(actor, { title: "Rivers", text: "The Rhine was at its lowest level since 1881.", statuses: ["done", "unchecked", "unchecked"] });
    await addArticle(other, { title: "Their story", text: "Something another team is checking.", statuses: ["done"] });
    const unchecked = await db.claim.findFirstOrThrow({ where: { articleId: id, status: "unchecked" } });
    await db.claim.update({ where: { id: unchecked.id }, data: { deletedAt: new Date() } });

    const rows = await listArticlesWithProgress(db, actor.teamId);

    expect(titles(rows)).toEqual(["Rivers"]);
    expect(rows[0]).toMatchObject({ counts: { done: 1, unchecked: 1 }, total: 2, done: 1 });
  });

  it("finds articles by a word of the title or of the text, ignoring case", async () => {
    const actor = await setUpTeam();
    await addArticle(actor, { title: "Heatwave in Spain", text: "Temperatures reached 44 degrees in Seville." });
    await addArticle(actor, { title: "Floods", text: "The river Oder burst its banks near Frankfurt." });
    await addArticle(actor, { title: "Drought", text: "Farmers report the driest spring on record." });

    expect(titles(await listArticlesWithProgress(db, actor.teamId, { query: "heatwave" }))).toEqual(["Heatwave in Spain"]);
    expect(titles(await listArticlesWithProgress(db, actor.teamId, { query: "  Oder burst " }))).toEqual(["Floods"]);
    expect(titles(await listArticlesWithProgress(db, actor.teamId, { query: "volcano" }))).toEqual([]);
    expect(titles(await listArticlesWithProgress(db, actor.teamId, { query: "   " }))).toEqual(["Drought", "Floods", "Heatwave in Spain"]);
  });

  it("does not find other teams' articles by search", async () => {
    const actor = await setUpTeam();
    const other = await setUpTeam();
    await addArticle(other, { title: "Secret scoop", text: "Only the other team has this story." });
    expect(await listArticlesWithProgress(db, actor.teamId, { query: "scoop" })).toEqual([]);
  });

  it("filters by progress", async () => {
    const actor = await setUpTeam();
    await addArticle(actor, { title: "No claims", text: "Text without claims." });
    await addArticle(actor, { title: "Nothing done", text: "Text with unchecked claims.", statuses: ["unchecked", "unchecked"] });
    await addArticle(actor, { title: "Half done", text: "Text half checked.", statuses: ["done", "needs_review"] });
    await addArticle(actor, { title: "All done", text: "Text fully checked.", statuses: ["done", "done"] });

    const list = async (progress: "all" | "unstarted" | "in-progress" | "complete") =>
      titles(await listArticlesWithProgress(db, actor.teamId, { progress }));

    expect(await list("all")).toEqual(["All done", "Half done", "No claims", "Nothing done"]);
    expect(await list("unstarted")).toEqual(["No claims", "Nothing done"]);
    // Whether an article with only unchecked claims is also "in progress" is left open here.
    expect(await list("in-progress")).toContain("Half done");
    expect(await list("in-progress")).not.toContain("No claims");
    expect(await list("in-progress")).not.toContain("All done");
    expect(await list("complete")).toEqual(["All done"]);
  });

  it("filters by outlet", async () => {
    const actor = await setUpTeam();
    await addArticle(actor, { title: "From the Guardian", text: "Guardian text.", outlet: "The Guardian" });
    await addArticle(actor, { title: "From Le Monde", text: "Le Monde text.", outlet: "Le Monde" });
    await addArticle(actor, { title: "No outlet", text: "Text of unknown origin." });

    expect(titles(await listArticlesWithProgress(db, actor.teamId, { outlet: "Le Monde" }))).toEqual(["From Le Monde"]);
    expect(titles(await listArticlesWithProgress(db, actor.teamId, { outlet: "Le Monde", query: "Guardian" }))).toEqual([]);
  });
});

describe("listArticlesWithProgress: queries", () => {
  // A separate database whose client logs every SQL statement it runs.
  const logged = setUpTestDatabase({ logQueries: true });
  const queries = countStatements(logged);

  async function countQueries(teamId: string) {
    queries.reset();
    const rows = await listArticlesWithProgress(logged, teamId);
    return { rows, queries: queries.count };
  }

  it("runs as many queries for 30 articles with many claims as for 3 with few", async () => {
    const small = await setUpTeam(logged);
    for (let i = 0; i < 3; i++) await addArticle(small, { title: `Small ${i}`, text: `Short article number ${i}.`, statuses: ["done"] }, logged);
    const large = await setUpTeam(logged);
    const statuses: ClaimStatus[] = ["unchecked", "in_progress", "needs_review", "done", "done", "unchecked"];
    for (let i = 0; i < 30; i++) await addArticle(large, { title: `Large ${i}`, text: `Long article number ${i}.`, statuses }, logged);

    const few = await countQueries(small.teamId);
    const many = await countQueries(large.teamId);

    expect(few.rows).toHaveLength(3);
    expect(many.rows).toHaveLength(30);
    expect(many.rows.every((row) => row.total === 6 && row.done === 2)).toBe(true);
    expect(few.queries).toBeGreaterThan(0);
    expect(many.queries).toBe(few.queries);
  });
});
