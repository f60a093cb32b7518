/**
 * Refused citation and source changes leave nothing half-written: a new source typed inline is
 * created inside the citation's transaction, so any later refusal (a bad via, a foreign relayer,
 * a deleted claim) must take it away again. Errors are AppErrors worded for editors.
 */
import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { createClaim, deleteClaim } from "@/lib/claims/mutations";
import type { Db } from "@/lib/config/prisma-client";
import { AppError } from "@/lib/errors";
import { createSource, mergeSources, updateSource } from "@/lib/sources/mutations";
import { createSourceSchema, mergeSourcesSchema, updateSourceSchema } from "@/lib/sources/schema";
import { createTeam } from "@/lib/teams/mutations";
import { assignClaim, bulkUpdateClaims } from "@/lib/verification/assignment";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { addCitation, citeArticleOutlet, removeCitation, updateCitation } from "./mutations";
import { addCitationSchema, updateCitationSchema } from "./schema";

const db = setUpTestDatabase();
const TEXT = "A bill in the Duma would let firms keep private armies, The Daily Beast reported on Monday.";

async function setUp(options: { outlet?: string } = {}) {
  const user = await createTestUser(db);
  const team = await createTeam(db, { name: "Desk", userId: user.id });
  const actor = { teamId: team.id, userId: user.id };
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: "Armies", outlet: options.outlet, text: TEXT, removedLines: [] }));
  const claim = await createClaim(db, actor, { articleId, start: 0, end: TEXT.indexOf(",") });
  const other = await createClaim(db, actor, { articleId, start: TEXT.indexOf("The Daily"), end: TEXT.length - 1 });
  return { actor, articleId, claimId: claim.id, otherClaimId: other.id, team, user };
}

const cite = (claimId: string, fields: Record<string, unknown>) => addCitationSchema.parse({ claimId, relation: "states", ...fields });

/** Every row an edit could leave behind, per team. */
async function snapshot(database: Db, teamId: string) {
  const where = { teamId };
  const [sources, citations, events, claims, audit] = await Promise.all([
    database.source.findMany({ where, orderBy: { id: "asc" } }),
    database.citation.findMany({ where, orderBy: { id: "asc" } }),
    database.claimEvent.findMany({ where, orderBy: { id: "asc" } }),
    database.claim.findMany({ where, orderBy: { id: "asc" } }),
    database.auditEvent.findMany({ where, orderBy: { id: "asc" } }),
  ]);
  return { sources, citations, events, claims, audit };
}

/** The call is refused with an AppError (readable, never a database message) and writes nothing. */
async function expectNothingWritten(teamId: string, call: () => Promise<unknown>, message: RegExp) {
  const before = await snapshot(db, teamId);
  const error = await call().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).message).toMatch(message);
  expect((error as AppError).message).not.toMatch(/prisma|sqlite|constraint|invocation/i);
  expect(await snapshot(db, teamId)).toEqual(before);
}

describe("addCitation with a new source typed inline rolls the source back when refused", () => {
  it("via a citation of another claim", async () => {
    const { actor, claimId, otherClaimId } = await setUp();
    const elsewhere = await addCitation(db, actor, cite(otherClaimId, { sourceName: "Reuters" }));
    await expectNothingWritten(actor.teamId, () => addCitation(db, actor, cite(claimId, { sourceName: "Brand New Wire", sourceKind: "outlet", viaCitationId: elsewhere.id })), /same claim/);
    expect(await db.source.count({ where: { teamId: actor.teamId, name: "Brand New Wire" } })).toBe(0);
  });

  it("via a malformed, unknown or removed citation", async () => {
    const { actor, claimId } = await setUp();
    const removed = await addCitation(db, actor, cite(claimId, { sourceName: "Gone Gazette" }));
    await removeCitation(db, actor, { citationId: removed.id });
    for (const viaCitationId of ["nope", "x".repeat(64), "' OR 1=1 --", removed.id]) {
      await expectNothingWritten(actor.teamId, () => addCitation(db, actor, cite(claimId, { sourceName: "Inline Source", viaCitationId })), /same claim/);
    }
  });

  it("via another team's citation", async () => {
    const mine = await setUp();
    const theirs = await setUp();
    const foreign = await addCitation(db, theirs.actor, cite(theirs.claimId, { sourceName: "Their Source" }));
    await expectNothingWritten(mine.actor.teamId, () => addCitation(db, mine.actor, cite(mine.claimId, { sourceName: "Inline Source", viaCitationId: foreign.id })), /same claim/);
  });

  it("relaying for an unknown, foreign or other claim's citation", async () => {
    const mine = await setUp();
    const theirs = await setUp();
    const foreign = await addCitation(db, theirs.actor, cite(theirs.claimId, { sourceName: "Their Source" }));
    const otherClaims = await addCitation(db, mine.actor, cite(mine.otherClaimId, { sourceName: "Other Claim Source" }));
    for (const relaysForId of ["missing", foreign.id, otherClaims.id]) {
      await expectNothingWritten(mine.actor.teamId, () => addCitation(db, mine.actor, cite(mine.claimId, { sourceName: "Inline Relay", relaysForId })), /no longer exists/);
    }
  });

  it("on a deleted claim, or another team's claim", async () => {
    const mine = await setUp();
    const theirs = await setUp();
    await deleteClaim(db, mine.actor, { claimId: mine.otherClaimId });
    await expectNothingWritten(mine.actor.teamId, () => addCitation(db, mine.actor, cite(mine.otherClaimId, { sourceName: "Inline" })), /no longer exists/);
    await expectNothingWritten(mine.actor.teamId, () => addCitation(db, mine.actor, cite(theirs.claimId, { sourceName: "Inline" })), /no longer exists/);
    await expectNothingWritten(theirs.actor.teamId, () => addCitation(db, mine.actor, cite(theirs.claimId, { sourceName: "Inline" })), /no longer exists/);
  });

  it("naming another team's source", async () => {
    const mine = await setUp();
    const theirs = await setUp();
    const source = await createSource(db, theirs.actor, createSourceSchema.parse({ name: "Their Outlet", kind: "outlet" }));
    await expectNothingWritten(mine.actor.teamId, () => addCitation(db, mine.actor, cite(mine.claimId, { sourceId: source.id })), /not in your team/);
  });
});

describe("other refused citation edits change nothing", () => {
  it("a via that would make a loop, a stale revision, another team's source", async () => {
    const mine = await setUp();
    const theirs = await setUp();
    const beast = await addCitation(db, mine.actor, cite(mine.claimId, { sourceName: "The Daily Beast" }));
    const bill = await addCitation(db, mine.actor, cite(mine.claimId, { sourceName: "Duma bill", relaysForId: beast.id }));
    const theirSource = await createSource(db, theirs.actor, createSourceSchema.parse({ name: "Their Outlet", kind: "outlet" }));
    const edit = (fields: Record<string, unknown>) => updateCitationSchema.parse({ citationId: bill.id, revision: 1, sourceId: bill.sourceId, relation: "states", ...fields });
    await expectNothingWritten(mine.actor.teamId, () => updateCitation(db, mine.actor, edit({ viaCitationId: beast.id })), /loop/);
    await expectNothingWritten(mine.actor.teamId, () => updateCitation(db, mine.actor, edit({ viaCitationId: bill.id })), /loop/);
    await expectNothingWritten(mine.actor.teamId, () => updateCitation(db, mine.actor, edit({ revision: 7, note: "stale" })), /while you were editing/);
    await expectNothingWritten(mine.actor.teamId, () => updateCitation(db, mine.actor, edit({ sourceId: theirSource.id })), /not in your team/);
    await expectNothingWritten(mine.actor.teamId, () => updateCitation(db, mine.actor, { ...edit({}), citationId: "missing" }), /no longer exists/);
    await expectNothingWritten(mine.actor.teamId, () => removeCitation(db, mine.actor, { citationId: "missing" }), /no longer exists/);
  });

  it("citing the outlet of an article that has none adds no source", async () => {
    const { actor, claimId } = await setUp();
    await expectNothingWritten(actor.teamId, () => citeArticleOutlet(db, actor, { claimId }), /no outlet/);
  });

  it("assigning to someone outside the team, alone or in bulk", async () => {
    const mine = await setUp();
    const stranger = await createTestUser(db);
    await expectNothingWritten(mine.actor.teamId, () => assignClaim(db, mine.actor, { claimId: mine.claimId, assigneeId: stranger.id }), /members of this team/);
    await expectNothingWritten(
      mine.actor.teamId,
      () => bulkUpdateClaims(db, mine.actor, { articleId: mine.articleId, claimIds: [mine.claimId, mine.otherClaimId], assigneeId: stranger.id, status: "in_progress" }),
      /members of this team/,
    );
  });
});

describe("refused source changes change nothing", () => {
  it("a duplicate name, a stale edit, a foreign or already merged source", async () => {
    const mine = await setUp();
    const theirs = await setUp();
    const beast = await createSource(db, mine.actor, createSourceSchema.parse({ name: "The Daily Beast", kind: "outlet", domains: "thedailybeast.com" }));
    const insider = await createSource(db, mine.actor, createSourceSchema.parse({ name: "Business Insider", kind: "outlet" }));
    const theirSource = await createSource(db, theirs.actor, createSourceSchema.parse({ name: "Theirs", kind: "outlet" }));
    await expectNothingWritten(mine.actor.teamId, () => createSource(db, mine.actor, createSourceSchema.parse({ name: "daily beast.", kind: "outlet" })), /already in the registry/);
    await expectNothingWritten(mine.actor.teamId, () => updateSource(db, mine.actor, updateSourceSchema.parse({ sourceId: beast.id, revision: 9, name: "Beast", kind: "outlet" })), /while you were editing/);
    await expectNothingWritten(mine.actor.teamId, () => updateSource(db, mine.actor, updateSourceSchema.parse({ sourceId: theirSource.id, revision: 1, name: "Mine now", kind: "outlet" })), /does not exist/);
    await expectNothingWritten(mine.actor.teamId, () => mergeSources(db, mine.actor, mergeSourcesSchema.parse({ keepId: beast.id, mergeIds: [insider.id, theirSource.id] })), /does not exist/);
    await expectNothingWritten(mine.actor.teamId, () => mergeSources(db, mine.actor, mergeSourcesSchema.parse({ keepId: theirSource.id, mergeIds: [insider.id] })), /does not exist/);
    await expectNothingWritten(mine.actor.teamId, () => mergeSources(db, mine.actor, mergeSourcesSchema.parse({ keepId: beast.id, mergeIds: [beast.id] })), /into itself/);
    await mergeSources(db, mine.actor, mergeSourcesSchema.parse({ keepId: beast.id, mergeIds: [insider.id] }));
    await expectNothingWritten(mine.actor.teamId, () => mergeSources(db, mine.actor, mergeSourcesSchema.parse({ keepId: insider.id, mergeIds: [beast.id] })), /already merged/);
    await expectNothingWritten(mine.actor.teamId, () => updateSource(db, mine.actor, updateSourceSchema.parse({ sourceId: insider.id, revision: 2, name: "Revived", kind: "outlet" })), /merged into another/);
  });
});
