import { describe, expect, it } from "vitest";
import { seedTeam } from "@/tests/authz/world";
import { setUpTestDatabase, testDatabaseKind } from "@/tests/test-db";

/**
 * What the database itself refuses (docs/decisions/0012-typed-schema.md), whatever the code above
 * it does: run on SQLite and, under `npm run test:pg`, on PostgreSQL.
 */
const db = setUpTestDatabase();

describe(`integrity kept by the ${testDatabaseKind} database`, () => {
  it("refuses a citation of another team's source, and a merge pointer into another team", async () => {
    const [mine, theirs] = [await seedTeam(db, { label: "mine" }), await seedTeam(db, { label: "theirs" })];
    const cite = (sourceId: string) =>
      db.citation.create({ data: { teamId: mine.team.id, claimId: mine.objects.claimId, sourceId, relation: "states", createdById: mine.owner.id } });
    await expect(cite(theirs.objects.sourceId)).rejects.toMatchObject({ code: "P2003" });
    await expect(cite(mine.objects.sourceId)).resolves.toMatchObject({ sourceId: mine.objects.sourceId });
    await expect(db.source.update({ where: { id: mine.objects.sourceId }, data: { mergedIntoId: theirs.objects.sourceId } })).rejects.toMatchObject({ code: "P2003" });
    await expect(db.source.update({ where: { id: mine.objects.sourceId }, data: { mergedIntoId: mine.objects.secondSourceId } })).resolves.toBeTruthy();
  });

  it("refuses to delete a claim that has history; a team goes with all of its history", async () => {
    const seeded = await seedTeam(db, { label: "history" });
    const events = await db.claimEvent.count({ where: { claimId: seeded.objects.claimId } });
    expect(events).toBeGreaterThan(0);
    await expect(db.claim.delete({ where: { id: seeded.objects.claimId } })).rejects.toMatchObject({ code: expect.stringMatching(/^P20(03|14)$/) });
    expect(await db.claimEvent.count({ where: { claimId: seeded.objects.claimId } })).toBe(events);
    await db.team.delete({ where: { id: seeded.team.id } });
    expect(await db.claimEvent.count({ where: { teamId: seeded.team.id } })).toBe(0);
    expect(await db.claim.count({ where: { teamId: seeded.team.id } })).toBe(0);
  });

  it("refuses a workflow state outside the enum, through the client on both databases", async () => {
    const seeded = await seedTeam(db, { label: "enum" });
    await expect(db.claim.update({ where: { id: seeded.objects.claimId }, data: { status: "approved" as never } })).rejects.toThrow(/Expected ClaimStatus|Invalid value/);
  });

  it.runIf(testDatabaseKind === "postgresql")("refuses it in the database too, whatever writes it (PostgreSQL)", async () => {
    const seeded = await seedTeam(db, { label: "raw" });
    await expect(db.$executeRawUnsafe(`UPDATE "Claim" SET "status" = 'approved' WHERE "id" = $1`, seeded.objects.claimId)).rejects.toThrow(/invalid input value for enum "ClaimStatus"/);
  });
});
