import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createClaim } from "@/lib/claims/mutations";
import { createTeam } from "@/lib/teams/mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { findDebris, listLines } from "./clean";
import { saveImport } from "./mutations";
import { previewImport } from "./preview";
import { saveImportSchema } from "./schema";

const db = setUpTestDatabase();

const FIXTURE = readFileSync(new URL("../../prisma/fixtures/putin-private-armies.txt", import.meta.url));

/** The fixture read as an uploaded .txt file, the way the import wizard previews it. */
function previewFixture() {
  const preview = previewImport({ kind: "file", name: "putin-private-armies.txt", bytes: new Uint8Array(FIXTURE) });
  if (!preview.ok) throw new Error(preview.message);
  return preview.value;
}

async function setUpTeam(name = "Politics Desk") {
  const user = await createTestUser(db);
  const team = await createTeam(db, { name, userId: user.id });
  return { user, team, actor: { teamId: team.id, userId: user.id } };
}

/** Parses the form fields as the server action does. */
function importInput(fields: Record<string, unknown>) {
  return saveImportSchema.parse({ title: "An article", removedLines: "[]", ...fields });
}

async function countRows() {
  const [articles, versions, claims, events] = await Promise.all([
    db.article.count(), db.articleVersion.count(), db.claim.count(), db.claimEvent.count(),
  ]);
  return { articles, versions, claims, events };
}

async function claimOn(actor: { teamId: string; userId: string }, articleId: string, text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  return createClaim(db, actor, { articleId, start, end: start + quote.length });
}

describe("saveImport: a new article", () => {
  it("stores version 1 without the removed debris lines, and the removed lines' text", async () => {
    const { actor } = await setUpTeam();
    const preview = previewFixture();
    const debris = findDebris(preview.text);
    expect(debris.map((line) => line.text)).toContain("Read the original article on Business Insider");

    const result = await saveImport(db, actor, importInput({
      title: preview.title,
      text: preview.text,
      removedLines: JSON.stringify(debris.map((line) => line.index)),
      outlet: "Business Insider",
      author: "Jane Doe",
      url: "https://www.businessinsider.com/putin-private-armies",
      publishedAt: "2023-07-27",
      source: "putin-private-armies.txt",
    }));

    expect(result.kind).toBe("created");
    const article = await db.article.findUniqueOrThrow({ where: { id: result.articleId }, include: { versions: true } });
    expect(article).toMatchObject({
      teamId: actor.teamId,
      createdById: actor.userId,
      title: "Putin is forming mysterious private armies across Russia to protect himself from Wagner soldiers, report says",
      outlet: "Business Insider",
      author: "Jane Doe",
      url: "https://www.businessinsider.com/putin-private-armies",
    });
    expect(article.publishedAt).toEqual(new Date("2023-07-27T00:00:00Z"));
    expect(article.versions).toHaveLength(1);
    const [version] = article.versions;
    expect(version.number).toBe(1);
    expect(version.source).toBe("putin-private-armies.txt");
    expect(version.text).not.toMatch(/Oops!|Something went wrong|Read the original article/);
    expect(version.text.startsWith("Russian President Vladimir Putin is forming private militias across Russia.")).toBe(true);
    expect(version.text).toContain("could result in Putin being removed from power.");
    expect(JSON.parse(version.removedLines)).toEqual(debris.map((line) => line.text));
  });

  it("keeps the lines the editor chose not to remove", async () => {
    const { actor } = await setUpTeam();
    const preview = previewFixture();
    const syndication = listLines(preview.text).find((line) => line.text === "Read the original article on Business Insider");
    const removed = findDebris(preview.text).map((line) => line.index).filter((index) => index !== syndication?.index);

    const result = await saveImport(db, actor, importInput({ title: preview.title, text: preview.text, removedLines: removed }));

    const version = await db.articleVersion.findFirstOrThrow({ where: { articleId: result.articleId } });
    expect(version.text.endsWith("Read the original article on Business Insider")).toBe(true);
    expect(JSON.parse(version.removedLines)).not.toContain("Read the original article on Business Insider");
    expect(version.text).not.toContain("Oops!");
  });

  it("sends the editor to the existing article when the team already has the same text", async () => {
    const { actor } = await setUpTeam();
    const preview = previewFixture();
    const input = importInput({ title: preview.title, text: preview.text, removedLines: findDebris(preview.text).map((line) => line.index) });
    const first = await saveImport(db, actor, input);
    const before = await countRows();

    const second = await saveImport(db, actor, { ...input, title: "A different title" });

    expect(second).toEqual({ kind: "duplicate", articleId: first.articleId, title: preview.title, versionNumber: 1 });
    expect(await countRows()).toEqual(before);
  });

  it("imports the same text normally into another team", async () => {
    const ours = await setUpTeam("Desk A");
    const theirs = await setUpTeam("Desk B");
    const preview = previewFixture();
    const input = importInput({ title: preview.title, text: preview.text, removedLines: findDebris(preview.text).map((line) => line.index) });
    const first = await saveImport(db, ours.actor, input);

    const second = await saveImport(db, theirs.actor, input);

    expect(second.kind).toBe("created");
    expect(second.articleId).not.toBe(first.articleId);
    const article = await db.article.findUniqueOrThrow({ where: { id: second.articleId }, include: { versions: true } });
    expect(article.teamId).toBe(theirs.team.id);
    expect(article.versions).toHaveLength(1);
  });

  it("refuses to save when every line was removed, and writes nothing", async () => {
    const { actor } = await setUpTeam();
    const preview = previewFixture();
    const before = await countRows();

    const everyLine = listLines(preview.text).map((line) => line.index);
    await expect(saveImport(db, actor, importInput({ title: preview.title, text: preview.text, removedLines: everyLine })))
      .rejects.toMatchObject({ name: "AppError", code: "INVALID_INPUT" });
    expect(await countRows()).toEqual(before);
  });
});

describe("saveImport: a new version of an article", () => {
  const CLAIMS = {
    lead: "Russian President Vladimir Putin is forming private militias across Russia.",
    report: "The Daily Beast first reported on the amendments.",
    rostov: "Fighters from the group met little resistance when they seized control of the city of Rostov-on-Don on June 23",
    guard: "Russia already has a national guard, and Putin is protected by layers of security.",
    drones: "Another core function of the militias will be to defend against internal attacks",
  };
  const REWORDED_ROSTOV = "Fighters from the group met almost no resistance when they took control of the city of Rostov-on-Don on June 24";

  /** Edits before the claims, inside one, removing one, and after all of them. */
  function editArticle(text: string) {
    const edited = text
      .replace("a new bill that raises the draft age", "a new bill, passed on Tuesday, that raises the draft age")
      .replace(CLAIMS.rostov, REWORDED_ROSTOV)
      .replace(` ${CLAIMS.guard}`, "")
      .concat("\n\nThe Kremlin did not respond to a request for comment.");
    expect(edited).not.toContain(CLAIMS.guard);
    return edited;
  }

  async function importFixtureWithClaims() {
    const setup = await setUpTeam();
    const preview = previewFixture();
    const created = await saveImport(db, setup.actor, importInput({
      title: preview.title, text: preview.text, removedLines: findDebris(preview.text).map((line) => line.index),
    }));
    const v1 = await db.articleVersion.findFirstOrThrow({ where: { articleId: created.articleId } });
    const claims = {} as Record<keyof typeof CLAIMS, { id: string }>;
    for (const [key, quote] of Object.entries(CLAIMS) as Array<[keyof typeof CLAIMS, string]>) {
      claims[key] = await claimOn(setup.actor, created.articleId, v1.text, quote);
    }
    return { ...setup, articleId: created.articleId, v1, claims };
  }

  it("re-anchors every claim on the new text and flags reworded and removed passages", async () => {
    const { actor, articleId, v1, claims } = await importFixtureWithClaims();
    const newText = editArticle(v1.text);

    const result = await saveImport(db, actor, importInput({ articleId, title: "Putin's private armies", text: newText, source: "paste" }));

    expect(result).toEqual({ kind: "new-version", articleId, versionNumber: 2, moved: 2, changed: 1, lost: 1 });
    const v2 = await db.articleVersion.findUniqueOrThrow({ where: { articleId_number: { articleId, number: 2 } } });
    expect(v2.text).toBe(newText);
    expect((await db.article.findUniqueOrThrow({ where: { id: articleId } })).title).toBe("Putin's private armies");

    const rows = await db.claim.findMany({ where: { articleId } });
    expect(rows).toHaveLength(5);
    expect(rows.every((claim) => claim.versionId === v2.id)).toBe(true);
    const byId = (id: string) => rows.find((claim) => claim.id === id)!;

    expect(byId(claims.lead.id)).toMatchObject({ anchorState: "anchored", quote: CLAIMS.lead, start: 0, previousQuote: null });
    for (const key of ["report", "drones"] as const) {
      const claim = byId(claims[key].id);
      expect(claim).toMatchObject({ anchorState: "moved", quote: CLAIMS[key], previousQuote: null });
      expect(claim.start).toBe(newText.indexOf(CLAIMS[key]));
      expect(newText.slice(claim.start, claim.end)).toBe(claim.quote);
    }

    const rostov = byId(claims.rostov.id);
    expect(rostov).toMatchObject({ anchorState: "changed", previousQuote: CLAIMS.rostov, quote: REWORDED_ROSTOV });
    expect(newText.slice(rostov.start, rostov.end)).toBe(REWORDED_ROSTOV);

    expect(byId(claims.guard.id)).toMatchObject({ anchorState: "lost", previousQuote: CLAIMS.guard });
  });

  it("records a reanchored event for the reworded and the removed claims only", async () => {
    const { actor, articleId, v1, claims } = await importFixtureWithClaims();

    await saveImport(db, actor, importInput({ articleId, title: "Putin's private armies", text: editArticle(v1.text) }));

    const events = await db.claimEvent.findMany({ where: { type: "reanchored", claim: { articleId } } });
    expect(events.map((event) => event.claimId).sort()).toEqual([claims.rostov.id, claims.guard.id].sort());
    expect(events.find((event) => event.claimId === claims.rostov.id)).toMatchObject({
      actorId: actor.userId, fromValue: CLAIMS.rostov, toValue: REWORDED_ROSTOV,
    });
    expect(events.find((event) => event.claimId === claims.guard.id)).toMatchObject({ fromValue: CLAIMS.guard, toValue: null });
  });

  it("keeps each re-anchored claim's quote and context in step with the new text", async () => {
    const { actor, articleId, v1, claims } = await importFixtureWithClaims();
    // Retyping an apostrophe inside a quote is not a rewording: the claim is found, and its quote follows the text.
    const newText = `Editor's note: updated.\n\n${editArticle(v1.text)}`
      .replaceAll("Russia's", "Russia’s")
      .replace("internal attacks in the wake of", "internal attacks following");
    const curly = await claimOn(actor, articleId, v1.text, "It comes weeks after the mutiny by Russia's Wagner mercenary group");

    await saveImport(db, actor, importInput({ articleId, title: "Putin's private armies", text: newText }));

    const rows = await db.claim.findMany({ where: { articleId, anchorState: { not: "lost" } } });
    expect(rows.map((claim) => claim.id)).toEqual(expect.arrayContaining([claims.lead.id, claims.rostov.id, curly.id]));
    for (const claim of rows) {
      expect(newText.slice(claim.start, claim.end)).toBe(claim.quote);
      expect(newText.slice(0, claim.start).endsWith(claim.prefix)).toBe(true);
      expect(newText.slice(claim.end).startsWith(claim.suffix)).toBe(true);
    }
    expect(rows.find((claim) => claim.id === curly.id)).toMatchObject({
      anchorState: "moved", quote: "It comes weeks after the mutiny by Russia’s Wagner mercenary group",
    });
  });

  it("refuses a new version of another team's article, and writes nothing", async () => {
    const { articleId, v1 } = await importFixtureWithClaims();
    const stranger = await setUpTeam("Other Desk");
    const before = await countRows();

    await expect(saveImport(db, stranger.actor, importInput({ articleId, title: "Hijack", text: editArticle(v1.text) })))
      .rejects.toMatchObject({ name: "AppError", code: "NOT_FOUND" });
    expect(await countRows()).toEqual(before);
    expect((await db.article.findUniqueOrThrow({ where: { id: articleId } })).title).not.toBe("Hijack");
  });
});
