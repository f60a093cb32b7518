import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { createTeam } from "@/lib/teams/mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { CONTEXT_LENGTH } from "./anchor";
import { STATEMENT_MAX } from "./schema";
import { createClaim, deleteClaim, mergeClaims, moveClaim, restoreClaim, splitClaim, updateClaimStatement } from "./mutations";

const db = setUpTestDatabase();

const TEXT = [
  "The city council approved a budget of 4.2 million euros on Monday. The vote was 31 to 12.",
  "Unemployment in the region fell to 5.1 percent last year, the statistics office said.",
  "The new bridge over the Elbe will open in 2027, two years later than planned.",
].join("\n\n");

type Actor = { teamId: string; userId: string };

async function setUpArticle(text = TEXT) {
  const user = await createTestUser(db, { name: "Ada Reporter" });
  const team = await createTeam(db, { name: "City Desk", userId: user.id });
  const actor: Actor = { teamId: team.id, userId: user.id };
  const saved = await saveImport(db, actor, saveImportSchema.parse({ title: "Council budget", text, removedLines: [] }));
  const version = await db.articleVersion.findFirstOrThrow({ where: { articleId: saved.articleId } });
  expect(version.text).toBe(text);
  return { user, team, actor, articleId: saved.articleId };
}

function rangeOf(quote: string, text = TEXT) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  return { start, end: start + quote.length };
}

async function claimOn(actor: Actor, articleId: string, quote: string) {
  return createClaim(db, actor, { articleId, ...rangeOf(quote) });
}

async function eventTypes(claimId: string) {
  const events = await db.claimEvent.findMany({ where: { claimId }, orderBy: { createdAt: "asc" } });
  return events.map((event) => event.type);
}

async function listedQuotes(articleId: string) {
  const claims = await db.claim.findMany({ where: { articleId, deletedAt: null }, orderBy: { position: "asc" } });
  return claims.map((claim) => claim.quote);
}

describe("createClaim", () => {
  it("without a statement takes the quote as far as a statement may run", async () => {
    const long = Array.from({ length: 60 }, (_, index) => `The council's clause ${index + 1} sets a figure.`).join(" ");
    const { actor, articleId } = await setUpArticle(long);
    expect(long.length).toBeGreaterThan(STATEMENT_MAX);
    const claim = await createClaim(db, actor, { articleId, start: 0, end: long.length });
    expect(claim.quote).toBe(long);
    expect(claim.statement).toBe(long.slice(0, STATEMENT_MAX));
  });

  it("anchors the selection without the whitespace at its ends", async () => {
    const { actor, articleId } = await setUpArticle();
    const quote = "Unemployment in the region fell to 5.1 percent";
    const { start, end } = rangeOf(quote);

    // From the blank line before the paragraph to the space after "percent".
    const claim = await createClaim(db, actor, { articleId, start: start - 2, end: end + 1 });

    const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row).toMatchObject({ quote, start, end, statement: quote, anchorState: "anchored", status: "unchecked", revision: 1 });
    expect(TEXT.slice(row.start, row.end)).toBe(row.quote);
    expect(row.prefix).toBe(TEXT.slice(start - CONTEXT_LENGTH, start));
    expect(row.suffix).toBe(TEXT.slice(end, end + CONTEXT_LENGTH));
  });

  it("keeps the statement the editor wrote", async () => {
    const { actor, articleId } = await setUpArticle();
    const claim = await createClaim(db, actor, {
      articleId, ...rangeOf("The vote was 31 to 12."), statement: "The council approved the budget by 31 votes to 12.",
    });
    expect(claim.statement).toBe("The council approved the budget by 31 votes to 12.");
  });

  it("records who created the claim", async () => {
    const { actor, articleId } = await setUpArticle();
    const claim = await claimOn(actor, articleId, "The vote was 31 to 12.");
    const events = await db.claimEvent.findMany({ where: { claimId: claim.id } });
    expect(events).toMatchObject([{ type: "created", actorId: actor.userId, teamId: actor.teamId, toValue: "The vote was 31 to 12." }]);
  });

  it("refuses a range outside the text or of whitespace only", async () => {
    const { actor, articleId } = await setUpArticle();
    const blankLine = TEXT.indexOf("\n\n");
    for (const range of [
      { start: TEXT.length, end: TEXT.length + 10 },
      { start: TEXT.length - 5, end: TEXT.length + 1 },
      { start: blankLine, end: blankLine + 2 },
    ]) {
      await expect(createClaim(db, actor, { articleId, ...range })).rejects.toMatchObject({ name: "AppError", code: "INVALID_INPUT" });
    }
    expect(await db.claim.count({ where: { articleId } })).toBe(0);
  });

  it("refuses another team's article", async () => {
    const { articleId } = await setUpArticle();
    const stranger = await setUpArticle();
    await expect(createClaim(db, stranger.actor, { articleId, ...rangeOf("The vote was 31 to 12.") }))
      .rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.claim.count({ where: { articleId } })).toBe(0);
  });
});

describe("updateClaimStatement", () => {
  it("saves the statement and records the edit from and to", async () => {
    const { actor, articleId } = await setUpArticle();
    const claim = await claimOn(actor, articleId, "The vote was 31 to 12.");

    await updateClaimStatement(db, actor, { claimId: claim.id, revision: 1, statement: "The council voted 31 to 12.", note: "clearer" });

    const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row).toMatchObject({ statement: "The council voted 31 to 12.", revision: 2 });
    const edit = await db.claimEvent.findFirstOrThrow({ where: { claimId: claim.id, type: "edited" } });
    expect(edit).toMatchObject({ actorId: actor.userId, fromValue: "The vote was 31 to 12.", toValue: "The council voted 31 to 12.", note: "clearer" });
  });

  it("refuses a save based on a stale revision, naming the other editor's change", async () => {
    const { actor, team, articleId } = await setUpArticle();
    const colleague = await createTestUser(db, { name: "Grace Checker" });
    await db.membership.create({ data: { userId: colleague.id, teamId: team.id, role: "editor" } });
    const colleagueActor = { teamId: team.id, userId: colleague.id };
    const claim = await claimOn(actor, articleId, "The vote was 31 to 12.");
    await updateClaimStatement(db, colleagueActor, { claimId: claim.id, revision: 1, statement: "Thirty-one councillors voted for the budget." });

    const stale = updateClaimStatement(db, actor, { claimId: claim.id, revision: 1, statement: "Twelve councillors voted against." });

    await expect(stale).rejects.toMatchObject({ name: "AppError", code: "CONFLICT" });
    await expect(stale).rejects.toThrow(/Thirty-one councillors voted for the budget\./);
    await expect(stale).rejects.toThrow(/Grace Checker/);
    const row = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row).toMatchObject({ statement: "Thirty-one councillors voted for the budget.", revision: 2 });
    expect(await db.claimEvent.count({ where: { claimId: claim.id, type: "edited" } })).toBe(1);
  });

  it("refuses to edit a deleted claim", async () => {
    const { actor, articleId } = await setUpArticle();
    const claim = await claimOn(actor, articleId, "The vote was 31 to 12.");
    await deleteClaim(db, actor, { claimId: claim.id });
    const { revision } = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });

    await expect(updateClaimStatement(db, actor, { claimId: claim.id, revision, statement: "Edited after deletion." }))
      .rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).statement).toBe("The vote was 31 to 12.");
  });
});

describe("deleteClaim and restoreClaim", () => {
  it("soft-deletes a claim and restores it, recording both", async () => {
    const { actor, articleId } = await setUpArticle();
    const claim = await claimOn(actor, articleId, "The vote was 31 to 12.");

    await deleteClaim(db, actor, { claimId: claim.id });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).deletedAt).toBeInstanceOf(Date);
    expect(await listedQuotes(articleId)).toEqual([]);

    await restoreClaim(db, actor, { claimId: claim.id });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).deletedAt).toBeNull();
    expect(await listedQuotes(articleId)).toEqual(["The vote was 31 to 12."]);
    expect((await eventTypes(claim.id)).sort()).toEqual(["created", "deleted", "restored"]);
  });

  it("gives a restored claim a place of its own in the list, even if the list changed meanwhile", async () => {
    const { actor, articleId } = await setUpArticle();
    const quotes = ["The city council approved a budget", "The vote was 31 to 12.", "Unemployment in the region fell", "The new bridge over the Elbe"];
    const claims = [];
    for (const quote of quotes) claims.push(await claimOn(actor, articleId, quote));
    await deleteClaim(db, actor, { claimId: claims[1].id });
    await moveClaim(db, actor, { claimId: claims[3].id, direction: "up" });
    await createClaim(db, actor, { articleId, ...rangeOf("two years later than planned") });

    await restoreClaim(db, actor, { claimId: claims[1].id });

    const positions = (await db.claim.findMany({ where: { articleId, deletedAt: null } })).map((claim) => claim.position);
    expect(positions).toHaveLength(5);
    expect(new Set(positions).size).toBe(5);
  });

  it("refuses to delete another team's claim", async () => {
    const { actor, articleId } = await setUpArticle();
    const claim = await claimOn(actor, articleId, "The vote was 31 to 12.");
    const stranger = await setUpArticle();
    await expect(deleteClaim(db, stranger.actor, { claimId: claim.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).deletedAt).toBeNull();
  });
});

describe("splitClaim", () => {
  const SENTENCES = "The city council approved a budget of 4.2 million euros on Monday. The vote was 31 to 12.";

  it("splits a claim into its two trimmed parts, the second listed right after the first", async () => {
    const { actor, articleId } = await setUpArticle();
    const whole = await claimOn(actor, articleId, SENTENCES);
    const next = await claimOn(actor, articleId, "The new bridge over the Elbe will open in 2027");

    const at = TEXT.indexOf(" The vote");
    const { firstId, secondId } = await splitClaim(db, actor, { claimId: whole.id, revision: 1, at });

    expect(firstId).toBe(whole.id);
    const [first, second] = await Promise.all([firstId, secondId].map((id) => db.claim.findUniqueOrThrow({ where: { id } })));
    expect(first).toMatchObject({ quote: "The city council approved a budget of 4.2 million euros on Monday.", statement: "The city council approved a budget of 4.2 million euros on Monday." });
    expect(second).toMatchObject({ quote: "The vote was 31 to 12.", statement: "The vote was 31 to 12.", articleId });
    for (const claim of [first, second]) expect(TEXT.slice(claim.start, claim.end)).toBe(claim.quote);
    expect(await listedQuotes(articleId)).toEqual([first.quote, second.quote, "The new bridge over the Elbe will open in 2027"]);
    expect(next.id).not.toBe(secondId);
    expect(await eventTypes(secondId)).toEqual(["created"]);
    expect(await eventTypes(firstId)).toContain("split");
  });

  it("refuses to split at either end of the quote", async () => {
    const { actor, articleId } = await setUpArticle();
    const claim = await claimOn(actor, articleId, SENTENCES);
    const { start, end } = rangeOf(SENTENCES);

    for (const at of [start, end, start + 100 + SENTENCES.length]) {
      await expect(splitClaim(db, actor, { claimId: claim.id, revision: 1, at })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
    expect(await db.claim.count({ where: { articleId } })).toBe(1);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).quote).toBe(SENTENCES);
  });
});

describe("mergeClaims", () => {
  it("makes the first claim span both and deletes the second", async () => {
    const { actor, articleId } = await setUpArticle();
    const budget = await claimOn(actor, articleId, "The city council approved a budget of 4.2 million euros on Monday.");
    const vote = await claimOn(actor, articleId, "The vote was 31 to 12.");

    // Chosen in the opposite order: the claim earlier in the text is kept.
    const { id } = await mergeClaims(db, actor, { claimIds: [vote.id, budget.id] });

    expect(id).toBe(budget.id);
    const kept = await db.claim.findUniqueOrThrow({ where: { id: budget.id } });
    expect(kept).toMatchObject({
      quote: "The city council approved a budget of 4.2 million euros on Monday. The vote was 31 to 12.",
      statement: "The city council approved a budget of 4.2 million euros on Monday. The vote was 31 to 12.",
    });
    expect(TEXT.slice(kept.start, kept.end)).toBe(kept.quote);
    expect((await db.claim.findUniqueOrThrow({ where: { id: vote.id } })).deletedAt).toBeInstanceOf(Date);
    expect(await eventTypes(vote.id)).toContain("merged");
    expect(await listedQuotes(articleId)).toEqual([kept.quote]);
  });

  it("refuses to merge claims of different articles", async () => {
    const { actor, articleId } = await setUpArticle();
    const other = await saveImport(db, actor, saveImportSchema.parse({ title: "Another", text: "A wholly different story about 7 ferries.", removedLines: [] }));
    const here = await claimOn(actor, articleId, "The vote was 31 to 12.");
    const there = await createClaim(db, actor, { articleId: other.articleId, start: 0, end: 20 });

    await expect(mergeClaims(db, actor, { claimIds: [here.id, there.id] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const rows = await db.claim.findMany({ where: { id: { in: [here.id, there.id] } } });
    expect(rows.map((row) => row.deletedAt)).toEqual([null, null]);
    expect(rows.find((row) => row.id === here.id)?.quote).toBe("The vote was 31 to 12.");
  });
});

describe("moveClaim", () => {
  async function threeClaims() {
    const setup = await setUpArticle();
    const quotes = ["The vote was 31 to 12.", "Unemployment in the region fell", "The new bridge over the Elbe"];
    const claims = [];
    for (const quote of quotes) claims.push(await claimOn(setup.actor, setup.articleId, quote));
    return { ...setup, quotes, claims };
  }

  it("moves a claim down past its neighbour and back up", async () => {
    const { actor, articleId, quotes, claims } = await threeClaims();

    await moveClaim(db, actor, { claimId: claims[0].id, direction: "down" });
    expect(await listedQuotes(articleId)).toEqual([quotes[1], quotes[0], quotes[2]]);

    await moveClaim(db, actor, { claimId: claims[2].id, direction: "up" });
    expect(await listedQuotes(articleId)).toEqual([quotes[1], quotes[2], quotes[0]]);

    await moveClaim(db, actor, { claimId: claims[0].id, direction: "up" });
    expect(await listedQuotes(articleId)).toEqual([quotes[1], quotes[0], quotes[2]]);
    expect(await eventTypes(claims[0].id)).toEqual(["created", "reordered", "reordered"]);
  });

  it("leaves the order alone when the first claim is moved up or the last down", async () => {
    const { actor, articleId, quotes, claims } = await threeClaims();
    const positions = async () => (await db.claim.findMany({ where: { articleId }, orderBy: { position: "asc" } })).map((claim) => claim.position);
    const before = await positions();

    await moveClaim(db, actor, { claimId: claims[0].id, direction: "up" });
    await moveClaim(db, actor, { claimId: claims[2].id, direction: "down" });

    expect(await positions()).toEqual(before);
    expect(await listedQuotes(articleId)).toEqual(quotes);
    expect(await db.claimEvent.count({ where: { type: "reordered", claimId: { in: claims.map((claim) => claim.id) } } })).toBe(0);
  });
});
