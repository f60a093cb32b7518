import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { loadClaimTraceSummaries } from "@/lib/sources/map-queries";
import { articleFixture, MUSEUM_TEXT as TEXT, type Actor } from "@/tests/article-fixture";
import { countQueries as countStatements, setUpTestDatabase } from "@/tests/test-db";
import type { Db } from "@/lib/config/prisma-client";
import { giveVerdict } from "@/lib/verification/mutations";
import { createClaim, deleteClaim, mergeClaims, moveClaim, splitClaim } from "./mutations";
import { listMatchMarkers } from "./matching/queries";
import { catchUpClaimMatchIndex } from "./matching/store";
import { getWorkspace } from "./queries";
import { describeWorkspaceClaim, readWorkspaceRows } from "./workspace-rows";

const db = setUpTestDatabase();

const { setUpArticle, claimOn } = articleFixture(db, TEXT, { editor: "Lin Editor", team: "Culture Desk", title: "Museum record", outlet: "Local Post" });

async function citeOutlet(actor: Actor, claimId: string, database: Db = db) {
  const source =
    (await database.source.findFirst({ where: { teamId: actor.teamId, nameKey: "local post" } })) ??
    (await database.source.create({ data: { teamId: actor.teamId, name: "Local Post", nameKey: "local post", kind: "outlet", domains: "[]", createdById: actor.userId } }));
  await database.citation.create({ data: { teamId: actor.teamId, claimId, sourceId: source.id, relation: "states", isOrigin: true, createdById: actor.userId } });
}

/**
 * A second article of the team saying what the museum claim says, judged there: the museum claim
 * in the first article is then "checked before" (lib/claims/matching).
 */
async function judgeElsewhere(actor: Actor, database: Db = db) {
  const text = "Annual report\n\nThe museum welcomed 1.2 million visitors in 2024, its director said.";
  const { articleId } = await saveImport(database, actor, saveImportSchema.parse({ title: "Annual report", text, removedLines: [] }));
  const quote = "The museum welcomed 1.2 million visitors in 2024";
  const claim = await createClaim(database, actor, { articleId, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
  await giveVerdict(database, actor, { claimId: claim.id, revision: 1, verdict: "not_checkable", rationale: "Only the museum counts its visitors." });
}

/** The claims as the page hands them to the workspace (page.tsx), by id. */
async function listAsPage(actor: Actor, articleId: string) {
  const [workspace, traces] = await Promise.all([getWorkspace(db, actor.teamId, articleId), loadClaimTraceSummaries(db, actor.teamId, articleId)]);
  return new Map(workspace!.claims.map((claim) => [claim.id, describeWorkspaceClaim(claim, traces.get(claim.id))]));
}

describe("readWorkspaceRows", () => {
  it("answers a split's two claims as the page lists them, with the article's order and nothing for the others", async () => {
    const { actor, articleId } = await setUpArticle();
    const visitors = await claimOn(actor, articleId, "The museum welcomed 1.2 million visitors in 2024.");
    const director = await claimOn(actor, articleId, "Its director, appointed in 2019, doubled the number of exhibitions.");
    const prices = await claimOn(actor, articleId, "Ticket prices rose by 15 percent in March.");
    await citeOutlet(actor, director.id);
    const at = TEXT.indexOf(", doubled");
    const { firstId, secondId } = await splitClaim(db, actor, { claimId: director.id, revision: (await db.claim.findUniqueOrThrow({ where: { id: director.id } })).revision, at });

    const rows = await readWorkspaceRows(db, actor.teamId, articleId, [firstId, secondId]);

    const page = await listAsPage(actor, articleId);
    expect(rows!.order).toEqual([visitors.id, firstId, secondId, prices.id]);
    expect(rows!.order).toEqual([...page.keys()]);
    expect(rows!.claims).toEqual([firstId, secondId].map((id) => page.get(id)));
    expect(rows!.claims.find((claim) => claim.id === firstId)).toMatchObject({ citesOutlet: true, provenanceSummary: expect.stringContaining("Local Post") });
    expect(rows!.deleted).toEqual([]);
  });

  it("a merge: the claim kept is answered, the ones merged away are gone from the order and listed as deleted", async () => {
    const { actor, articleId } = await setUpArticle();
    const visitors = await claimOn(actor, articleId, "The museum welcomed 1.2 million visitors in 2024.");
    const prices = await claimOn(actor, articleId, "Ticket prices rose by 15 percent in March.");
    const building = await claimOn(actor, articleId, "The building dates from 1888.");
    const { id: keptId } = await mergeClaims(db, actor, { claimIds: [visitors.id, prices.id] });
    const mergedAway = keptId === visitors.id ? prices.id : visitors.id;

    const rows = await readWorkspaceRows(db, actor.teamId, articleId, [keptId, mergedAway]);

    expect(rows!.claims.map((claim) => claim.id)).toEqual([keptId]);
    expect(rows!.order).toEqual([keptId, building.id]);
    expect(rows!.deleted).toEqual([{ id: mergedAway, statement: expect.any(String), deletedAt: expect.any(String) }]);
  });

  it("a move and a delete: the order as it now stands, no row for the deleted claim", async () => {
    const { actor, articleId } = await setUpArticle();
    const visitors = await claimOn(actor, articleId, "The museum welcomed 1.2 million visitors in 2024.");
    const prices = await claimOn(actor, articleId, "Ticket prices rose by 15 percent in March.");
    const building = await claimOn(actor, articleId, "The building dates from 1888.");
    await moveClaim(db, actor, { claimId: building.id, direction: "up" });
    await deleteClaim(db, actor, { claimId: visitors.id });

    const rows = await readWorkspaceRows(db, actor.teamId, articleId, [building.id, visitors.id]);

    expect(rows!.order).toEqual([building.id, prices.id]);
    expect(rows!.claims.map((claim) => claim.id)).toEqual([building.id]);
    expect(rows!.deleted.map((claim) => claim.id)).toEqual([visitors.id]);
  });

  it("answers the named claims' markers: checked before for one the team judged in another article, none for the others", async () => {
    const { actor, articleId } = await setUpArticle(db, "Marked Desk");
    await judgeElsewhere(actor);
    const visitors = await claimOn(actor, articleId, "The museum welcomed 1.2 million visitors in 2024.");
    const building = await claimOn(actor, articleId, "The building dates from 1888.");
    const prices = await claimOn(actor, articleId, "Ticket prices rose by 15 percent in March.");

    const rows = await readWorkspaceRows(db, actor.teamId, articleId, [visitors.id, building.id]);

    expect(rows!.markers).toEqual({ [visitors.id]: "checked-before" });
    // What the page's streamed markers say of the same claims (the unnamed one is not worked out).
    expect(await listMatchMarkers(db, actor.teamId, articleId)).toEqual({ [visitors.id]: "checked-before" });
    expect((await readWorkspaceRows(db, actor.teamId, articleId, [prices.id]))!.markers).toEqual({});
    await deleteClaim(db, actor, { claimId: visitors.id });
    expect((await readWorkspaceRows(db, actor.teamId, articleId, [visitors.id, building.id]))!.markers).toEqual({});
  });

  it("finds nothing for another team's claim or article, or a claim of another article", async () => {
    const home = await setUpArticle(db, "Home Desk");
    const other = await setUpArticle(db, "Other Desk");
    const own = await claimOn(home.actor, home.articleId, "The building dates from 1888.");
    const theirs = await claimOn(other.actor, other.articleId, "The building dates from 1888.");
    const secondArticle = (await saveImport(db, home.actor, saveImportSchema.parse({ title: "Another", text: "A second article, with its own text.", removedLines: [] }))).articleId;

    expect(await readWorkspaceRows(db, home.actor.teamId, home.articleId, [own.id, theirs.id])).toBeNull();
    expect(await readWorkspaceRows(db, home.actor.teamId, other.articleId, [theirs.id])).toBeNull();
    expect(await readWorkspaceRows(db, home.actor.teamId, secondArticle, [own.id])).toBeNull();
    expect(await readWorkspaceRows(db, home.actor.teamId, home.articleId, [own.id])).not.toBeNull();
  });
});

describe("readWorkspaceRows: what it reads", () => {
  const logged = setUpTestDatabase({ logQueries: true });
  const queries = countStatements(logged);

  it("reads and traces the named claims once and marks them alone, in as many queries for an article of 30 claims as of 3", async () => {
    const counts: number[] = [];
    for (const size of [3, 30]) {
      const { actor, articleId } = await setUpArticle(logged, `Desk ${size}`);
      await judgeElsewhere(actor, logged);
      const quotes = ["The museum welcomed", "Its director", "Ticket prices", "The building"];
      const claims = [];
      for (let i = 0; i < size; i++) {
        const claim = await claimOn(actor, articleId, quotes[i % quotes.length]!, logged);
        await citeOutlet(actor, claim.id, logged);
        claims.push(claim);
      }
      // Once per team and process, at its first search (decision 0023): not part of every read.
      await catchUpClaimMatchIndex(logged, actor.teamId);
      queries.reset();
      const rows = await readWorkspaceRows(logged, actor.teamId, articleId, [claims[0]!.id, claims[1]!.id]);
      counts.push(queries.count);
      // The named claims, the list's order, the deleted list and the claims the markers follow from
      // (listMatchMarkers): the named claims are not read again to be traced.
      expect(queries.statements.filter((statement) => /FROM\s+\S*Claim[`"]?\s/.test(statement))).toHaveLength(4);
      expect(rows!.claims.map((claim) => claim.id)).toEqual([claims[0]!.id, claims[1]!.id]);
      expect(rows!.order).toHaveLength(size);
      expect(rows!.markers[claims[0]!.id]).toBe("checked-before");
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
