/**
 * Claims over text that is not plain ASCII: right-to-left scripts, emoji ZWJ sequences, combining
 * marks, Cyrillic, and control characters. Anchoring must quote exactly what was selected, keep it
 * through a new version, and a selection that cuts a character in half must be refused cleanly.
 */
import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { AppError } from "@/lib/errors";
import { createTeam } from "@/lib/teams/mutations";
import { isInsidePair } from "@/lib/text/truncate";
import { addComment } from "@/lib/verification/comments";
import { giveVerdict } from "@/lib/verification/mutations";
import { createTestUser, setUpTestDatabase, testDatabaseKind } from "@/tests/test-db";
import { CONTEXT_LENGTH } from "./anchor";
import { createClaim, splitClaim, updateClaimStatement } from "./mutations";

const db = setUpTestDatabase();

const FAMILY = "👨‍👩‍👧‍👦";
const EMOJI_SENTENCE = `The mayor ${FAMILY} posted 🏳️‍🌈 and 👩🏽‍💻 at dawn.`;
const ARABIC = "قال المتحدث إن الجسر سيفتح في عام 2026.";
const HEBREW = "הדובר אמר שהגשר ייפתח בשנת 2026.";
const COMBINING = "Cafe\u0301 owners in Sa\u0303o Paulo protested.";
const CYRILLIC = "Путин формирует частные армии по всей России.";
const TEXT = [EMOJI_SENTENCE, ARABIC, HEBREW, COMBINING, CYRILLIC].join("\n\n");

async function setUp(text = TEXT) {
  const user = await createTestUser(db, { name: "Zoë Ñúñez-Łukasiewicz 🧪" });
  const team = await createTeam(db, { name: "Редакция مكتب", userId: user.id });
  const actor = { teamId: team.id, userId: user.id };
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: `عنوان ${FAMILY} Заголовок`, text, removedLines: [] }));
  return { actor, articleId, team, user };
}

async function countRows() {
  const [claims, events, comments] = await Promise.all([db.claim.count(), db.claimEvent.count(), db.claimComment.count()]);
  return { claims, events, comments };
}

describe("anchoring over Unicode", () => {
  it("stores the article text in NFC: combining marks are composed where Unicode has a composed form", async () => {
    const { articleId } = await setUp();
    const version = await db.articleVersion.findFirstOrThrow({ where: { articleId } });
    expect(version.text).toBe(TEXT.normalize("NFC"));
    expect(version.text).toContain("Café owners in São Paulo");
    expect(version.text).toContain(FAMILY);
  });

  it("quotes emoji sequences, right-to-left text, combining marks and Cyrillic exactly", async () => {
    const { actor, articleId } = await setUp();
    const text = TEXT.normalize("NFC");
    for (const passage of [EMOJI_SENTENCE, ARABIC, HEBREW, COMBINING.normalize("NFC"), CYRILLIC, "posted 🏳️‍🌈 and 👩🏽‍💻"]) {
      const start = text.indexOf(passage);
      // The 32-character context must not cut an emoji in half here (that case is the bug below).
      expect(isInsidePair(text, start - CONTEXT_LENGTH) || isInsidePair(text, start + passage.length + CONTEXT_LENGTH), passage).toBe(false);
      const claim = await createClaim(db, actor, { articleId, start, end: start + passage.length });
      expect(claim.quote).toBe(passage);
      const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
      expect(stored).toMatchObject({ quote: passage, statement: passage, start, end: start + passage.length });
    }
  });

  // The quote's 32-unit prefix and suffix must not cut an emoji either side (any emoji 31-32
  // characters away, common in quoted social posts); the same holds when a new version re-anchors.
  it("a claim whose 32-character context ends inside an emoji can be created", async () => {
    const text = `${"😀"}${"x".repeat(31)}The council approved the budget. ${"y".repeat(31)}${"🚀"} end.`;
    const { actor, articleId } = await setUp(text);
    const start = text.indexOf("The council");
    const end = text.indexOf(" y");
    expect(isInsidePair(text, start - CONTEXT_LENGTH) && isInsidePair(text, end + 1 + CONTEXT_LENGTH)).toBe(true);
    const claim = await createClaim(db, actor, { articleId, start, end });
    expect(claim.quote).toBe("The council approved the budget.");
  });

  it("keeps the emoji and right-to-left quotes through a new version that moves them", async () => {
    const { actor, articleId } = await setUp();
    const start = TEXT.indexOf(EMOJI_SENTENCE);
    const emoji = await createClaim(db, actor, { articleId, start, end: start + EMOJI_SENTENCE.length });
    const arabicStart = TEXT.indexOf(ARABIC);
    const arabic = await createClaim(db, actor, { articleId, start: arabicStart, end: arabicStart + ARABIC.length });
    const edited = `🚨 عاجل: تحديث 🚨\n\n${TEXT}`;
    const result = await saveImport(db, actor, saveImportSchema.parse({ title: "v2", text: edited, removedLines: [], articleId }));
    expect(result).toMatchObject({ kind: "new-version", lost: 0, changed: 0 });
    const claims = await db.claim.findMany({ where: { id: { in: [emoji.id, arabic.id] } }, orderBy: { start: "asc" } });
    expect(claims.map((claim) => claim.quote)).toEqual([EMOJI_SENTENCE, ARABIC]);
    for (const claim of claims) expect(edited.slice(claim.start, claim.end)).toBe(claim.quote);
  });

  it("splits a claim between two emoji without breaking either", async () => {
    const { actor, articleId } = await setUp();
    const start = TEXT.indexOf(EMOJI_SENTENCE);
    const claim = await createClaim(db, actor, { articleId, start, end: start + EMOJI_SENTENCE.length });
    const at = start + EMOJI_SENTENCE.indexOf(" and ");
    const { firstId, secondId } = await splitClaim(db, actor, { claimId: claim.id, revision: 1, at });
    const parts = await db.claim.findMany({ where: { id: { in: [firstId, secondId] } }, orderBy: { start: "asc" } });
    expect(parts.map((part) => part.quote)).toEqual([`The mayor ${FAMILY} posted 🏳️‍🌈`, "and 👩🏽‍💻 at dawn."]);
  });

  // Offsets are UTF-16 units; a selection starting or ending inside an emoji (a forged request, or a
  // client offset bug) would quote half of it, which Prisma cannot write.
  it("a selection that cuts an emoji in half is refused with an AppError, and nothing is written", async () => {
    const { actor, articleId } = await setUp();
    const before = await countRows();
    const inside = TEXT.indexOf(FAMILY) + 1; // between the surrogates of 👨
    const error = await createClaim(db, actor, { articleId, start: inside, end: inside + 10 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(await countRows()).toEqual(before);
  });

  it("a selection outside the text, empty or reversed is refused and writes nothing", async () => {
    const { actor, articleId } = await setUp();
    const before = await countRows();
    for (const [start, end] of [[TEXT.length, TEXT.length + 5], [0, TEXT.length + 1], [3, 3], [10, 2], [TEXT.indexOf("\n\n"), TEXT.indexOf("\n\n") + 2]]) {
      const error = await createClaim(db, actor, { articleId, start, end }).catch((caught: unknown) => caught);
      expect(error, `${start}-${end}`).toBeInstanceOf(AppError);
      expect((error as AppError).message).toMatch(/selection|Select/);
    }
    expect(await countRows()).toEqual(before);
  });
});

const PLAIN = "Officials said the bridge will open in 2026, the mayor said on Monday morning.";

describe("control characters in free text", () => {
  // PostgreSQL cannot hold U+0000 in text at all; in the app it never gets that far: the action
  // wrapper and the import strip it (lib/text/unsafe-characters.ts, lib/auth/unsafe-text-actions.test.ts).
  it.runIf(testDatabaseKind === "sqlite")("a null byte in a statement or a comment is stored and read back exactly (SQLite)", async () => {
    const { actor, articleId } = await setUp(PLAIN);
    const claim = await createClaim(db, actor, { articleId, start: 0, end: 9 });
    const statement = "Before\u0000after, with a tab\tand a bell\u0007.";
    await updateClaimStatement(db, actor, { claimId: claim.id, revision: 1, statement });
    await addComment(db, actor, { claimId: claim.id, body: "nul\u0000byte" });
    const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, include: { comments: true } });
    expect(stored.statement).toBe(statement);
    expect(stored.comments[0].body).toBe("nul\u0000byte");
  });

  it("a right-to-left override in a statement is kept as typed (shown as text, not executed)", async () => {
    const { actor, articleId } = await setUp(PLAIN);
    const claim = await createClaim(db, actor, { articleId, start: 0, end: 9 });
    const statement = "Invoice \u202Efdp.exe\u202C and \u2066isolated\u2069 text";
    await updateClaimStatement(db, actor, { claimId: claim.id, revision: 1, statement });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).statement).toBe(statement);
  });
});

describe("long free text with emoji", () => {
  // The history entry keeps the comment's first 280 characters; a cut through an emoji would leave
  // half of it, which Prisma cannot write.
  it("a comment with an emoji across its 280th character is saved", async () => {
    const { actor, articleId } = await setUp(PLAIN);
    const claim = await createClaim(db, actor, { articleId, start: 0, end: 9 });
    const body = `${"a".repeat(279)}😀 and more words after the emoji.`;
    await addComment(db, actor, { claimId: claim.id, body });
    expect((await db.claimComment.findFirstOrThrow({ where: { claimId: claim.id } })).body).toBe(body);
  });

  it("a 5,000-character comment of emoji, Arabic and Cyrillic is saved whole", async () => {
    const { actor, articleId } = await setUp(PLAIN);
    const claim = await createClaim(db, actor, { articleId, start: 0, end: 9 });
    // 278 ASCII first, so the history's 280-character cut falls between whole characters.
    const body = `${"a".repeat(278)}${"👩‍👩‍👧 مرحبا Привет ".repeat(200)}`.slice(0, 4_990);
    await addComment(db, actor, { claimId: claim.id, body });
    expect((await db.claimComment.findFirstOrThrow({ where: { claimId: claim.id } })).body).toBe(body);
  });
});

describe("refusals write nothing", () => {
  it("a verdict refused by the evidence rules leaves the claim and its history as they were", async () => {
    const { actor, articleId } = await setUp(PLAIN);
    const claim = await createClaim(db, actor, { articleId, start: 0, end: 9 });
    const before = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    const rows = await countRows();
    const error = await giveVerdict(db, actor, { claimId: claim.id, revision: 1, verdict: "accurate", rationale: "x".repeat(10_000) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/citation/i);
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toEqual(before);
    expect(await countRows()).toEqual(rows);
  });

  it("a stale statement edit leaves the claim and its history as they were", async () => {
    const { actor, articleId } = await setUp(PLAIN);
    const claim = await createClaim(db, actor, { articleId, start: 0, end: 9 });
    await updateClaimStatement(db, actor, { claimId: claim.id, revision: 1, statement: "First edit" });
    const before = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    const rows = await countRows();
    const error = await updateClaimStatement(db, actor, { claimId: claim.id, revision: 1, statement: "Stale edit" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFLICT");
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toEqual(before);
    expect(await countRows()).toEqual(rows);
  });
});
