import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { createTeam } from "@/lib/teams/mutations";
import { holdRow, race, refusalsOf, ROUNDS, settleWithin } from "@/tests/race";
import { createTestUser, openTestDatabase } from "@/tests/test-db";
import type { ClaimEventType } from "./events";
import { createClaim, deleteClaim, mergeClaims, moveClaim, restoreClaim, splitClaim, updateClaimStatement } from "./mutations";
import { dismissSuggestion } from "./suggestions";

// Two editors changing one article's list of claims at the same moment
// (docs/decisions/0013-concurrent-writes.md): the article's row lock puts them one after the other.
const { db, url } = openTestDatabase();

const SENTENCES = [
  "The council approved a budget of 4.2 million euros.",
  "The vote was 31 to 12.",
  "Unemployment fell to 5.1 percent.",
  "The bridge will open in 2027.",
  "The mayor denied any delay.",
  "Tickets will cost two euros.",
];
const TEXT = SENTENCES.join(" ");
type Actor = { teamId: string; userId: string };

/** An article with claims on the first `count` sentences, in reading order. */
async function setUpArticle(count: number) {
  const user = await createTestUser(db);
  const team = await createTeam(db, { name: "City Desk", userId: user.id });
  const actor: Actor = { teamId: team.id, userId: user.id };
  const saved = await saveImport(db, actor, saveImportSchema.parse({ title: "Council budget", text: TEXT, removedLines: [] }));
  const claims = [];
  for (const sentence of SENTENCES.slice(0, count)) claims.push(await claimOn(actor, saved.articleId, sentence));
  return { actor, articleId: saved.articleId, claimIds: claims.map((claim) => claim.id) };
}

function claimOn(actor: Actor, articleId: string, sentence: string) {
  const start = TEXT.indexOf(sentence);
  return createClaim(db, actor, { articleId, start, end: start + sentence.length });
}

const positionsOf = async (articleId: string) =>
  (await db.claim.findMany({ where: { articleId, deletedAt: null }, select: { position: true } })).map((claim) => claim.position);
const revisionOf = async (claimId: string) => (await db.claim.findUniqueOrThrow({ where: { id: claimId } })).revision;
const eventCount = (claimId: string, type: ClaimEventType) => db.claimEvent.count({ where: { claimId, type } });

/** Every listed claim has a place of its own: no two share a position, so the order is the editors'. */
async function expectDistinctPositions(articleId: string, listed: number) {
  const positions = await positionsOf(articleId);
  expect(positions).toHaveLength(listed);
  expect(new Set(positions).size).toBe(listed);
}

describe("positions, when claims are added and moved at the same moment", () => {
  it("claims added at once each get a place of their own at the end", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, articleId } = await setUpArticle(1);
      await race(...SENTENCES.slice(1, 4).map((sentence) => () => claimOn(actor, articleId, sentence)));
      await expectDistinctPositions(articleId, 4);
    }
  });

  it("two claims moved into the same gap do not end up in one place", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      // A B C D: D moves up and A moves down, both into the gap between B and C.
      const { actor, articleId, claimIds } = await setUpArticle(4);
      await race(() => moveClaim(db, actor, { claimId: claimIds[3], direction: "up" }), () => moveClaim(db, actor, { claimId: claimIds[0], direction: "down" }));
      await expectDistinctPositions(articleId, 4);
    }
  });

  it("a split and a move into the same gap do not end up in one place", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      // A B C: A is split (its second part goes between A and B) while C moves up between A and B.
      const { actor, articleId, claimIds } = await setUpArticle(3);
      const first = await db.claim.findUniqueOrThrow({ where: { id: claimIds[0] } });
      const at = TEXT.indexOf("a budget");
      await race(
        () => splitClaim(db, actor, { claimId: first.id, revision: first.revision, at }),
        () => moveClaim(db, actor, { claimId: claimIds[2], direction: "up" }),
      );
      await expectDistinctPositions(articleId, 4);
    }
  });
});

describe("one claim, two requests", () => {
  it("in two merges at once: each claim's words end up in exactly one listed claim", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, articleId, claimIds } = await setUpArticle(3);
      const [a, b, c] = claimIds;
      const results = await race(() => mergeClaims(db, actor, { claimIds: [a, b] }), () => mergeClaims(db, actor, { claimIds: [b, c] }));
      // One after the other: A+B first leaves B deleted, so B+C is refused; B+C first leaves B
      // listed (holding C), so A+B merges all three.
      const listed = await db.claim.findMany({ where: { articleId, deletedAt: null }, select: { statement: true } });
      expect(refusalsOf(results)).toEqual(listed.length === 2 ? ["That claim no longer exists in this team."] : []);
      for (const sentence of SENTENCES.slice(0, 3)) {
        expect(listed.filter((claim) => claim.statement.includes(sentence))).toHaveLength(1);
      }
    }
  });

  it("edited twice at once from one revision: one edit stands, the other is refused, nothing is lost silently", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, claimIds } = await setUpArticle(1);
      const edit = (statement: string) => () => updateClaimStatement(db, actor, { claimId: claimIds[0], revision: 1, statement });
      const results = await race(edit("The council approved 4.2 million euros."), edit("A budget of 4.2 million euros passed."));
      expect(refusalsOf(results)).toEqual([expect.stringMatching(/Your change was not saved/)]);
      expect(await eventCount(claimIds[0], "edited")).toBe(1);
    }
  });

  it("deleted twice at once: deleted once, recorded once", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, claimIds } = await setUpArticle(2);
      await race(() => deleteClaim(db, actor, { claimId: claimIds[1] }), () => deleteClaim(db, actor, { claimId: claimIds[1] }));
      expect(await eventCount(claimIds[1], "deleted")).toBe(1);
      expect(await revisionOf(claimIds[1])).toBe(2);
    }
  });

  it("restored twice at once: restored once, recorded once", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, articleId, claimIds } = await setUpArticle(3);
      await deleteClaim(db, actor, { claimId: claimIds[1] });
      await race(() => restoreClaim(db, actor, { claimId: claimIds[1] }), () => restoreClaim(db, actor, { claimId: claimIds[1] }));
      expect(await eventCount(claimIds[1], "restored")).toBe(1);
      await expectDistinctPositions(articleId, 3);
    }
  });
});

describe("a suggestion dismissed twice at once", () => {
  it("is dismissed once, and neither editor sees an error", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, articleId } = await setUpArticle(0);
      const dismiss = () => dismissSuggestion(db, actor, { articleId, sentence: SENTENCES[1] });
      expect(refusalsOf(await race(dismiss, dismiss, dismiss))).toEqual([]);
      expect(await db.suggestionDismissal.count({ where: { articleId } })).toBe(1);
    }
  });
});

describe("a claim added while a new version of the article is saved", () => {
  it("ends up on the latest version, re-anchored with the others", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, articleId } = await setUpArticle(1);
      const revised = `${TEXT} The council meets again in May.`;
      const first = await db.articleVersion.findFirstOrThrow({ where: { articleId } });
      // The new claim is written only once the new version is saved, if nothing makes it wait.
      const held = await holdRow(url, "ArticleVersion", first.id);
      const adding = claimOn(actor, articleId, SENTENCES[2]);
      const saving = saveImport(db, actor, saveImportSchema.parse({ articleId, title: "Council budget", text: revised, removedLines: [] }));
      await settleWithin(saving, 1_000);
      await held.release();
      await Promise.all([adding, saving]);
      const latest = await db.articleVersion.findFirstOrThrow({ where: { articleId }, orderBy: { number: "desc" } });
      expect(latest.number).toBe(2);
      const claims = await db.claim.findMany({ where: { articleId }, select: { versionId: true, quote: true, start: true, end: true } });
      expect(claims).toHaveLength(2);
      for (const claim of claims) {
        expect(claim.versionId).toBe(latest.id);
        expect(revised.slice(claim.start, claim.end)).toBe(claim.quote);
      }
    }
  });
});
