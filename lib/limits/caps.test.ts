import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { createClaim, deleteClaim, mergeClaims, restoreClaim, splitClaim } from "@/lib/claims/mutations";
import { captureCitation } from "@/lib/sources/capture";
import { createTeam } from "@/lib/teams/mutations";
import { MIGRATIONS_FOLDER } from "@/scripts/lib/migrate";
import { countFulfilled, race, refusalsOf } from "@/tests/race";
import { createTestUser, setUpTestDatabase, testDatabaseKind } from "@/tests/test-db";

// Small caps for this file's process (getEnv reads them on first use, after these lines).
process.env.MAX_CLAIM_QUOTE_CHARS = "300";
process.env.MAX_CLAIMS_PER_ARTICLE = "3";
process.env.MAX_ARTICLES_PER_TEAM = "3";
process.env.MAX_TEAM_STORAGE_MB = "1";
const MB = 1024 * 1024;

const db = setUpTestDatabase();

async function setUpTeam() {
  const user = await createTestUser(db);
  const team = await createTeam(db, { name: `Caps Desk ${user.id.slice(-6)}`, userId: user.id });
  return { user, team, actor: { teamId: team.id, userId: user.id } };
}

function importInput(text: string, fields: Record<string, unknown> = {}) {
  return saveImportSchema.parse({ title: "An article", removedLines: "[]", text, ...fields });
}

/** Sentences numbered so that every import is new text. */
function sentences(count: number, seed = Math.random().toString(36).slice(2)) {
  return Array.from({ length: count }, (_, index) => `Sentence ${index + 1} of ${seed} says something checkable.`).join(" ");
}

async function countRows() {
  const [claims, events, versions, articles] = await Promise.all([db.claim.count(), db.claimEvent.count(), db.articleVersion.count(), db.article.count()]);
  return { claims, events, versions, articles };
}

async function storageOf(teamId: string) {
  return Number((await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { storageBytes: true } })).storageBytes);
}

describe("a claim's passage", () => {
  it("over a whole long article is refused, and nothing is written", async () => {
    const { actor } = await setUpTeam();
    const text = sentences(40);
    const created = await saveImport(db, actor, importInput(text));
    if (created.kind !== "created") throw new Error(created.kind);
    const before = await countRows();
    await expect(createClaim(db, actor, { articleId: created.articleId, start: 0, end: text.length })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: `This passage is ${text.length.toLocaleString("en")} characters long; a claim's passage can be at most 300 characters. Select the sentence or few sentences that make the claim.`,
    });
    expect(await countRows()).toEqual(before);
    // The longest passage allowed is taken.
    await expect(createClaim(db, actor, { articleId: created.articleId, start: 0, end: 300 })).resolves.toMatchObject({ quote: text.slice(0, 300).trim() });
  });

  it("that merging would make too long is refused", async () => {
    const { actor } = await setUpTeam();
    const text = sentences(20);
    const created = await saveImport(db, actor, importInput(text));
    if (created.kind !== "created") throw new Error(created.kind);
    const first = await createClaim(db, actor, { articleId: created.articleId, start: 0, end: 40 });
    const last = await createClaim(db, actor, { articleId: created.articleId, start: text.length - 40, end: text.length });
    await expect(mergeClaims(db, actor, { claimIds: [first.id, last.id] })).rejects.toMatchObject({
      message: expect.stringMatching(/^Merged, these claims would quote [\d,]+ characters of the article, everything between them included; a claim's passage can be at most 300 characters\./),
    });
  });
});

describe("claims per article", () => {
  it("stop at the cap for new, split and restored claims; deleting one makes room", async () => {
    const { actor } = await setUpTeam();
    const text = sentences(10);
    const created = await saveImport(db, actor, importInput(text));
    if (created.kind !== "created") throw new Error(created.kind);
    const articleId = created.articleId;
    const claims = [];
    for (let index = 0; index < 3; index++) claims.push(await createClaim(db, actor, { articleId, start: index * 60, end: index * 60 + 50 }));
    const full = { code: "INVALID_INPUT", message: "This article has 3 claims, the most one article can hold here is 3. Merge or delete claims first; nothing was added." };
    await expect(createClaim(db, actor, { articleId, start: 300, end: 350 })).rejects.toMatchObject(full);
    const split = await db.claim.findUniqueOrThrow({ where: { id: claims[0].id }, select: { revision: true, start: true } });
    await expect(splitClaim(db, actor, { claimId: claims[0].id, revision: split.revision, at: split.start + 20 })).rejects.toMatchObject(full);
    await deleteClaim(db, actor, { claimId: claims[1].id });
    const replacement = await createClaim(db, actor, { articleId, start: 300, end: 350 });
    expect(replacement.id).toBeTruthy();
    await expect(restoreClaim(db, actor, { claimId: claims[1].id })).rejects.toMatchObject(full);
    expect(await db.claim.count({ where: { articleId, deletedAt: null } })).toBe(3);
  });

  it("cannot be overshot by claims added at once: of three for the last place, one is added", async () => {
    const { actor } = await setUpTeam();
    const created = await saveImport(db, actor, importInput(sentences(10)));
    const articleId = created.articleId;
    for (let index = 0; index < 2; index++) await createClaim(db, actor, { articleId, start: index * 60, end: index * 60 + 50 });
    const results = await race(...[2, 3, 4].map((index) => () => createClaim(db, actor, { articleId, start: index * 60, end: index * 60 + 50 })));
    expect(countFulfilled(results)).toBe(1);
    expect(refusalsOf(results)).toEqual([expect.stringMatching(/^This article has 3 claims/), expect.stringMatching(/^This article has 3 claims/)]);
    expect(await db.claim.count({ where: { articleId, deletedAt: null } })).toBe(3);
  });
});

describe("articles per team and the team's storage", () => {
  it("stop a fourth article, and count what each import stores", async () => {
    const { actor, team } = await setUpTeam();
    let expected = 0;
    for (let index = 0; index < 3; index++) {
      const text = sentences(3);
      expected += Buffer.byteLength(text);
      expect(await saveImport(db, actor, importInput(text))).toMatchObject({ kind: "created" });
    }
    expect(await storageOf(team.id)).toBe(expected);
    await expect(saveImport(db, actor, importInput(sentences(3)))).rejects.toMatchObject({
      message: "Your team has 3 articles, the most one team can hold here. Nothing was imported.",
    });
    // Refused, it stored nothing and counted nothing.
    expect(await db.article.count({ where: { teamId: team.id } })).toBe(3);
    expect(await storageOf(team.id)).toBe(expected);
    // A new version of an article is no new article; it counts towards storage.
    const article = await db.article.findFirstOrThrow({ where: { teamId: team.id }, select: { id: true } });
    const newer = sentences(4);
    expect(await saveImport(db, actor, importInput(newer, { articleId: article.id }))).toMatchObject({ kind: "new-version" });
    expect(await storageOf(team.id)).toBe(expected + Buffer.byteLength(newer));
  });

  it("cannot be overshot by imports sent at once: of three for the last place, one is stored", async () => {
    const { actor, team } = await setUpTeam();
    for (let index = 0; index < 2; index++) await saveImport(db, actor, importInput(sentences(2)));
    const results = await race(...[0, 1, 2].map(() => () => saveImport(db, actor, importInput(sentences(2)))));
    expect(countFulfilled(results)).toBe(1);
    expect(await db.article.count({ where: { teamId: team.id } })).toBe(3);
  });

  it("cannot be overshot by imports sent at once: of four 400 KB articles, two fit in 1 MB", async () => {
    const { actor, team } = await setUpTeam();
    const texts = Array.from({ length: 4 }, (_, index) => `${index} ${"x".repeat(400 * 1024 - 2)}`);
    const results = await Promise.allSettled(texts.map((text) => saveImport(db, actor, importInput(text))));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(2);
    const refusals = results.flatMap((result) => (result.status === "rejected" ? [(result.reason as Error).message] : []));
    expect(refusals).toEqual([
      "There is no room for this in your team's storage: 0.8 MB of its 1 MB for article texts and captured pages are used. Nothing was stored.",
      "There is no room for this in your team's storage: 0.8 MB of its 1 MB for article texts and captured pages are used. Nothing was stored.",
    ]);
    expect(await storageOf(team.id)).toBe(2 * 400 * 1024);
    expect(await db.articleVersion.count({ where: { teamId: team.id } })).toBe(2);
  });

  it("count captured pages, and a full team's capture is refused before the page is fetched", async () => {
    const { actor, team, user } = await setUpTeam();
    const text = "Regional governors may raise armed units, a new bill says.";
    const created = await saveImport(db, actor, importInput(text));
    if (created.kind !== "created") throw new Error(created.kind);
    const claim = await createClaim(db, actor, { articleId: created.articleId, start: 0, end: text.length });
    const source = await db.source.create({ data: { teamId: team.id, name: "the Duma bill", nameKey: "duma bill", kind: "document", createdById: user.id } });
    const citation = await db.citation.create({
      data: { teamId: team.id, claimId: claim.id, sourceId: source.id, relation: "states", createdById: user.id, url: "https://example.org/bill" },
    });
    let fetches = 0;
    const page = (body: string) => ({
      fetchPage: async (url: string) => {
        fetches += 1;
        return { finalUrl: url, httpStatus: 200, contentType: "text/plain", text: body };
      },
    });
    const body = `The bill. ${"y".repeat(600 * 1024)}`;
    await captureCitation(db, actor, { citationId: citation.id }, page(body));
    expect(await storageOf(team.id)).toBe(Buffer.byteLength(text) + Buffer.byteLength(body));
    // A second capture of the same size does not fit: fetched, refused, nothing stored.
    await expect(captureCitation(db, actor, { citationId: citation.id }, page(body))).rejects.toMatchObject({ message: expect.stringContaining("There is no room for this in your team's storage") });
    expect(await db.sourceCapture.count({ where: { citationId: citation.id } })).toBe(1);
    // Once full, a capture is refused before anything is fetched.
    await db.team.update({ where: { id: team.id }, data: { storageBytes: BigInt(MB) } });
    const fetchesBefore = fetches;
    await expect(captureCitation(db, actor, { citationId: citation.id }, page("small"))).rejects.toMatchObject({ message: expect.stringContaining("1 MB") });
    expect(fetches).toBe(fetchesBefore);
  });

  it("is counted for what teams stored before the quota existed, by the migration", async () => {
    const { actor, team, user } = await setUpTeam();
    const text = `Ünïcode counts in bytes: ${sentences(2)}`;
    const created = await saveImport(db, actor, importInput(text));
    if (created.kind !== "created") throw new Error(created.kind);
    const claim = await createClaim(db, actor, { articleId: created.articleId, start: 0, end: 20 });
    const source = await db.source.create({ data: { teamId: team.id, name: "Outlet", nameKey: "outlet", kind: "outlet", createdById: user.id } });
    const citation = await db.citation.create({ data: { teamId: team.id, claimId: claim.id, sourceId: source.id, relation: "states", createdById: user.id } });
    await db.sourceCapture.create({ data: { teamId: team.id, citationId: citation.id, url: "https://example.org", text: "Captured — text", passageState: "found", fetchedById: user.id } });
    await db.sourceCapture.create({ data: { teamId: team.id, citationId: citation.id, url: "https://example.org", text: null, passageState: "failed", fetchedById: user.id } });
    await db.team.update({ where: { id: team.id }, data: { storageBytes: 0n } });
    const migration = fs.readFileSync(path.join(MIGRATIONS_FOLDER[testDatabaseKind], "20261202100000_accounts_limits_sign_off", "migration.sql"), "utf8");
    const backfill = /UPDATE "Team" SET "storageBytes" =[\s\S]*?;/.exec(migration)![0];
    await db.$executeRawUnsafe(backfill);
    expect(await storageOf(team.id)).toBe(Buffer.byteLength(text) + Buffer.byteLength("Captured — text"));
  });
});
