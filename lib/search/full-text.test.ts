import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/config/prisma-client";
import { createTeam } from "@/lib/teams/mutations";
import { createTestUser, setUpTestDatabase, testDatabaseKind } from "@/tests/test-db";
import { searchTeam, type SearchKind } from "./full-text";

const db = setUpTestDatabase();

/** A team with one article whose claims say `statements` (quote "q", unless given). */
async function makeTeam(database: Db = db) {
  const user = await createTestUser(database);
  const team = await createTeam(database, { name: `FTS ${user.id.slice(0, 6)}`, userId: user.id });
  const article = await database.article.create({ data: { teamId: team.id, title: "An article about nothing much", createdById: user.id } });
  const version = await database.articleVersion.create({
    data: { articleId: article.id, teamId: team.id, number: 1, text: "Plain text of the article.", contentHash: `h-${article.id}`, createdById: user.id },
  });
  let position = 0;
  const addClaim = (statement: string, extra: { quote?: string; rationale?: string } = {}) =>
    database.claim.create({
      data: {
        teamId: team.id, articleId: article.id, versionId: version.id, position: position++, quote: extra.quote ?? "q", prefix: "", suffix: "",
        start: 0, end: 1, statement, rationale: extra.rationale, createdById: user.id,
      },
    });
  return { user, team, article, version, addClaim };
}

async function ids(teamId: string, query: string, kind: SearchKind = "claim", limit = 20) {
  const result = await searchTeam(db, teamId, query, { kinds: [kind], limit });
  if (result.status !== "ok") throw new Error(`no search: ${result.status}`);
  return result.groups[0].hits.map((hit) => hit.id);
}

describe(`searchTeam on ${testDatabaseKind}`, () => {
  it("ranks a claim about the words above one that mentions them in passing", async () => {
    const { team, addClaim } = await makeTeam();
    const inPassing = "The ministry published figures on many topics, one of them grain exports, last spring and again in the autumn";
    const passing = await addClaim(inPassing);
    const about = await addClaim("Grain exports fell; grain exports to Egypt halved");
    // The same words in the quote weigh less than in the statement the editor wrote.
    const quoteOnly = await addClaim("Trade fell", { quote: inPassing });
    await addClaim("Nothing relevant here");
    expect(await ids(team.id, "grain exports")).toEqual([about.id, passing.id, quoteOnly.id]);
  });

  it("ignores case and accents, in both directions", async () => {
    const { team, addClaim } = await makeTeam();
    const ecole = await addClaim("L'ÉCOLE des femmes a fermé");
    const pravda = await addClaim("ПРАВДА wrote it first");
    expect(await ids(team.id, "école")).toEqual([ecole.id]);
    expect(await ids(team.id, "ecole")).toEqual([ecole.id]);
    expect(await ids(team.id, "FERME")).toEqual([ecole.id]);
    expect(await ids(team.id, "правда")).toEqual([pravda.id]);
  });

  it("reads % and _ as text, never as wildcards", async () => {
    const { team, addClaim } = await makeTeam();
    const percent = await addClaim("Prices rose 50% in a year");
    await addClaim("Prices rose 5 points");
    const snake = await addClaim("The variable snake_case was renamed");
    await addClaim("A snake in the grass");
    expect(await ids(team.id, "50%")).toEqual([percent.id]);
    expect(await ids(team.id, "snake_case")).toEqual([snake.id]);
    expect(await searchTeam(db, team.id, "%")).toEqual({ status: "no-words" });
    expect(await searchTeam(db, team.id, "_%_ ' \" -- ;")).toEqual({ status: "no-words" });
    expect(await searchTeam(db, team.id, "   ")).toEqual({ status: "empty" });
    expect(await ids(team.id, `'; DROP TABLE "Claim"; -- NEAR(a b) OR *`)).toEqual([]);
  });

  it("matches the last word as a prefix while typing, and phrases in quotes in order", async () => {
    const { team, addClaim } = await makeTeam();
    const mercenaries = await addClaim("Mercenaries fought in Syria");
    const reversed = await addClaim("Syria fought mercenaries");
    expect(await ids(team.id, "merc")).toEqual(expect.arrayContaining([mercenaries.id, reversed.id]));
    expect(await ids(team.id, "merc ")).toEqual([]);
    expect(await ids(team.id, "syr merc")).toHaveLength(0);
    expect((await ids(team.id, "mercenaries syr")).sort()).toEqual([mercenaries.id, reversed.id].sort());
    expect(await ids(team.id, '"mercenaries fought"')).toEqual([mercenaries.id]);
    expect(await ids(team.id, '"fought mercenaries"')).toEqual([reversed.id]);
  });

  it("never shows another team's rows", async () => {
    const mine = await makeTeam();
    const theirs = await makeTeam();
    const myClaim = await mine.addClaim("Shared words about Wagner");
    await theirs.addClaim("Shared words about Wagner", { rationale: "Wagner rationale" });
    await db.source.create({ data: { teamId: theirs.team.id, name: "Wagner Watch", nameKey: "wagner watch", kind: "outlet", createdById: theirs.user.id } });
    const result = await searchTeam(db, mine.team.id, "wagner");
    if (result.status !== "ok") throw new Error(result.status);
    expect(result.groups.flatMap((group) => group.hits.map((hit) => hit.id))).toEqual([myClaim.id]);
  });

  it("keeps the index in step with updates and deletions", async () => {
    const { team, user, addClaim, article } = await makeTeam();
    const claim = await addClaim("Troops crossed the border");
    await db.claim.update({ where: { id: claim.id }, data: { statement: "Tanks crossed the river", rationale: "Satellite images show tanks" } });
    expect(await ids(team.id, "troops")).toEqual([]);
    expect(await ids(team.id, "river")).toEqual([claim.id]);
    expect(await ids(team.id, "satellite", "rationale")).toEqual([claim.id]);
    // A status change touches no indexed column.
    await db.claim.update({ where: { id: claim.id }, data: { status: "done" } });
    expect(await ids(team.id, "river")).toEqual([claim.id]);
    await db.claim.update({ where: { id: claim.id }, data: { deletedAt: new Date() } });
    expect(await ids(team.id, "river")).toEqual([]);

    const source = await db.source.create({ data: { teamId: team.id, name: "Daily Beast", nameKey: "daily beast", kind: "outlet", notes: "tabloid", createdById: user.id } });
    expect(await ids(team.id, "tabloid", "source")).toEqual([source.id]);
    await db.source.update({ where: { id: source.id }, data: { notes: "reliable" } });
    expect(await ids(team.id, "tabloid", "source")).toEqual([]);
    await db.source.delete({ where: { id: source.id } });
    expect(await ids(team.id, "beast", "source")).toEqual([]);

    const other = await addClaim("Ceasefire agreed");
    const comment = await db.claimComment.create({ data: { teamId: team.id, claimId: other.id, authorId: user.id, body: "Checked with the ministry" } });
    expect(await ids(team.id, "ministry", "comment")).toEqual([comment.id]);
    await db.claimComment.delete({ where: { id: comment.id } });
    expect(await ids(team.id, "ministry", "comment")).toEqual([]);

    await db.articleVersion.create({ data: { articleId: article.id, teamId: team.id, number: 2, text: "New text about drones.", contentHash: `h2-${article.id}`, createdById: user.id } });
    expect(await ids(team.id, "drones", "article")).toEqual([article.id]);
    // Only the latest version's text counts: the page shows that one.
    expect(await ids(team.id, "plain", "article")).toEqual([]);
    await db.article.update({ where: { id: article.id }, data: { title: "Drone war" } });
    expect(await ids(team.id, "nothing", "article")).toEqual([]);
  });

  it("finds articles by title before articles that only mention the words", async () => {
    const { team, user, article } = await makeTeam();
    const titled = await db.article.create({ data: { teamId: team.id, title: "Wagner in Africa", createdById: user.id } });
    await db.articleVersion.create({ data: { articleId: article.id, teamId: team.id, number: 2, text: "Wagner Wagner Wagner in Africa and Wagner again.", contentHash: `x-${article.id}`, createdById: user.id } });
    expect(await ids(team.id, "wagner africa", "article")).toEqual([titled.id, article.id]);
  });

  it("marks the matched words in the snippet, and pages through a kind", async () => {
    const { team, addClaim } = await makeTeam();
    await addClaim("Élections: the électeurs voted <script>alert(1)</script>");
    for (let i = 0; i < 4; i++) await addClaim(`Turnout report ${i}`);
    const result = await searchTeam(db, team.id, "electeur", { kinds: ["claim"] });
    if (result.status !== "ok") throw new Error(result.status);
    expect(result.groups[0].hits[0].snippet).toEqual([
      { text: "Élections: the ", isMatch: false },
      { text: "électeurs", isMatch: true },
      { text: " voted <script>alert(1)</script>", isMatch: false },
    ]);
    const first = await searchTeam(db, team.id, "turnout", { kinds: ["claim"], limit: 3 });
    if (first.status !== "ok") throw new Error(first.status);
    expect(first.groups[0].hits).toHaveLength(3);
    const next = await searchTeam(db, team.id, "turnout", { kinds: ["claim"], limit: 3, cursor: first.groups[0].nextCursor });
    if (next.status !== "ok") throw new Error(next.status);
    expect(next.groups[0].hits).toHaveLength(1);
    expect(next.groups[0].nextCursor).toBeNull();
    const all = [...first.groups[0].hits, ...next.groups[0].hits].map((hit) => hit.id);
    expect(new Set(all).size).toBe(4);
  });
});
