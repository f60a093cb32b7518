import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { createClaim } from "@/lib/claims/mutations";
import { createTeam } from "@/lib/teams/mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { createSource, mergeSources, updateSource } from "./mutations";
import { createSourceSchema, updateSourceSchema } from "./schema";

const db = setUpTestDatabase();
const TEXT = "Russian lawmakers proposed a bill on private armies. The Kremlin denied any plan.";

type Actor = { teamId: string; userId: string };

async function setUpTeam(name = "Ada Reporter") {
  const user = await createTestUser(db, { name });
  const team = await createTeam(db, { name: "Desk", userId: user.id });
  return { teamId: team.id, userId: user.id } satisfies Actor;
}

function add(actor: Actor, fields: Record<string, unknown>) {
  return createSource(db, actor, createSourceSchema.parse({ kind: "outlet", ...fields }));
}

async function cite(actor: Actor, sourceId: string, quote: string, deletedAt: Date | null = null) {
  const saved = await saveImport(db, actor, saveImportSchema.parse({ title: `Article ${quote}`, text: TEXT, removedLines: [] }));
  const start = TEXT.indexOf(quote);
  const claim = await createClaim(db, actor, { articleId: saved.articleId, start, end: start + quote.length });
  await db.citation.create({ data: { teamId: actor.teamId, claimId: claim.id, sourceId, relation: "states", createdById: actor.userId, deletedAt } });
  return claim.id;
}

describe("createSource", () => {
  it("stores the name key and bare, unique domains", async () => {
    const actor = await setUpTeam();
    const created = await add(actor, { name: "The Daily Beast", domains: "https://www.thedailybeast.com/a, thedailybeast.com dailybeast.com" });
    expect(created).toMatchObject({ name: "The Daily Beast", kind: "outlet" });
    const row = await db.source.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ nameKey: "daily beast", domains: '["thedailybeast.com","dailybeast.com"]', createdById: actor.userId, revision: 1 });
  });

  it("catches a duplicate name whatever its case and punctuation", async () => {
    const actor = await setUpTeam();
    await add(actor, { name: "The Daily Beast" });
    const refused = add(actor, { name: "daily beast." });
    await expect(refused).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("“The Daily Beast” is already in the registry (same name)") });
    await expect(refused).rejects.toMatchObject({ fieldErrors: { name: [expect.any(String)], confirmDuplicate: [expect.any(String)] } });
  });

  it("catches a duplicate by domain, homepage included", async () => {
    const actor = await setUpTeam();
    await add(actor, { name: "The Daily Beast", homepage: "https://www.thedailybeast.com" });
    await expect(add(actor, { name: "Beast", domains: ["thedailybeast.com"] })).rejects.toThrow("same domain: thedailybeast.com");
  });

  it("creates it anyway once the editor confirms, and ignores other teams' sources", async () => {
    const actor = await setUpTeam();
    const other = await setUpTeam("Bo Other");
    await add(other, { name: "Daily Beast" });
    await add(actor, { name: "The Daily Beast" });
    await expect(add(actor, { name: "Daily-Beast", confirmDuplicate: "on" })).resolves.toMatchObject({ name: "Daily-Beast" });
    expect(await db.source.count({ where: { teamId: actor.teamId } })).toBe(2);
  });

  it("explains an unreadable domain on the field", () => {
    const result = createSourceSchema.safeParse({ name: "X", kind: "outlet", domains: "example.com, not-a-domain" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["domains"], message: expect.stringContaining("“not-a-domain” is not a domain") });
  });
});

describe("updateSource", () => {
  it("saves with the current revision and refuses a stale one, naming who changed what", async () => {
    const actor = await setUpTeam("Ada Reporter");
    const source = await add(actor, { name: "Insider" });
    const edit = (name: string, revision: number) => updateSource(db, actor, updateSourceSchema.parse({ sourceId: source.id, revision, name, kind: "outlet" }));
    await expect(edit("Business Insider", 1)).resolves.toMatchObject({ revision: 2 });
    await expect(edit("BI", 1)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/^Ada Reporter changed it at \d\d:\d\d UTC while you were editing; it is now named “Business Insider”/),
    });
    expect(await db.source.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({ name: "Business Insider", nameKey: "business insider", revision: 2 });
  });

  it("refuses another team's source as unknown", async () => {
    const actor = await setUpTeam();
    const source = await add(await setUpTeam("Bo Other"), { name: "Insider" });
    const input = updateSourceSchema.parse({ sourceId: source.id, revision: 1, name: "Mine", kind: "outlet" });
    await expect(updateSource(db, actor, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("mergeSources", () => {
  it("moves every citation, keeps the merged entry as a tombstone and writes the history", async () => {
    const actor = await setUpTeam();
    const keep = await add(actor, { name: "The Daily Beast", domains: "thedailybeast.com", notes: "Tabloid tone." });
    const twin = await add(actor, { name: "Daily Beast", domains: "dailybeast.com", reliability: "Corrects quickly.", confirmDuplicate: true });
    const claimA = await cite(actor, twin.id, "Russian lawmakers proposed a bill");
    const claimB = await cite(actor, twin.id, "The Kremlin denied any plan.", new Date());
    const result = await mergeSources(db, actor, { keepId: keep.id, mergeIds: [twin.id] });
    expect(result).toEqual({ keepId: keep.id, mergedCount: 1, citationsMoved: 2, claimsAffected: 2 });
    expect(await db.citation.count({ where: { sourceId: keep.id } })).toBe(2);
    expect(await db.source.findUniqueOrThrow({ where: { id: twin.id } })).toMatchObject({ mergedIntoId: keep.id, name: "Daily Beast" });
    expect(await db.source.findUniqueOrThrow({ where: { id: keep.id } })).toMatchObject({
      domains: '["thedailybeast.com","dailybeast.com"]',
      notes: "Tabloid tone.",
      reliability: "Merged from Daily Beast: Corrects quickly.",
      revision: 2,
    });
    const events = await db.claimEvent.findMany({ where: { type: "citation_edited" }, orderBy: { claimId: "asc" } });
    expect(events.map((event) => [event.claimId, event.note])).toEqual(
      [claimA, claimB].sort().map((claimId) => [claimId, "Source Daily Beast merged into The Daily Beast"]),
    );
    const audit = await db.auditEvent.findFirstOrThrow({ where: { type: "source.merged", teamId: actor.teamId } });
    expect(JSON.parse(audit.detail ?? "{}")).toMatchObject({ keepId: keep.id, merged: [{ id: twin.id, name: "Daily Beast" }], citationsMoved: 2 });
  });

  it("refuses to merge a source into itself, twice, or across teams", async () => {
    const actor = await setUpTeam();
    const keep = await add(actor, { name: "Reuters" });
    const twin = await add(actor, { name: "Reuters Ltd", confirmDuplicate: true });
    const foreign = await add(await setUpTeam("Bo Other"), { name: "Reuters" });
    await expect(mergeSources(db, actor, { keepId: keep.id, mergeIds: [keep.id] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(mergeSources(db, actor, { keepId: keep.id, mergeIds: [foreign.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(mergeSources(db, actor, { keepId: foreign.id, mergeIds: [twin.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.source.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ mergedIntoId: null });
    await mergeSources(db, actor, { keepId: keep.id, mergeIds: [twin.id] });
    await expect(mergeSources(db, actor, { keepId: keep.id, mergeIds: [twin.id] })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already merged") });
  });
});
