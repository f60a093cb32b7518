import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { createClaim } from "@/lib/claims/mutations";
import { createTeam } from "@/lib/teams/mutations";
import { countFulfilled, race, refusalsOf, ROUNDS } from "@/tests/race";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { citeOutletForClaims } from "./cite-outlet";
import { addCitation, removeCitation, updateCitation } from "./mutations";
import { addCitationSchema, updateCitationSchema } from "./schema";

// Two editors changing one claim's via chains at the same moment
// (docs/decisions/0013-concurrent-writes.md): the claim's row lock puts them one after the other.
const db = setUpTestDatabase();
const TEXT = "A bill in the Duma would let firms keep private armies, The Daily Beast reported.";

/** A claim citing three sources, none relaying another. */
async function setUp() {
  const user = await createTestUser(db);
  const team = await createTeam(db, { name: "Desk", userId: user.id });
  const actor = { teamId: team.id, userId: user.id };
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: "Armies", text: TEXT, removedLines: [] }));
  const claim = await createClaim(db, actor, { articleId, start: 0, end: TEXT.indexOf(",") });
  const ids = [];
  for (const sourceName of ["The Daily Beast", "Duma bill", "Barents Observer"]) {
    ids.push((await addCitation(db, actor, addCitationSchema.parse({ claimId: claim.id, relation: "states", sourceName }))).id);
  }
  return { actor, claimId: claim.id, citationIds: ids };
}

/** An edit that keeps everything but the via link (the form posts every field). */
async function setVia(actor: { teamId: string; userId: string }, citationId: string, viaCitationId: string) {
  const row = await db.citation.findUniqueOrThrow({ where: { id: citationId } });
  return updateCitation(db, actor, updateCitationSchema.parse({
    citationId, revision: row.revision, sourceId: row.sourceId, relation: row.relation, viaCitationId,
  }));
}

/** The live citations' via links, as a map. */
async function linksOf(claimId: string) {
  const rows = await db.citation.findMany({ where: { claimId, deletedAt: null }, select: { id: true, viaCitationId: true } });
  return new Map(rows.map((row) => [row.id, row.viaCitationId]));
}

/** True when following via links from some citation comes back to it. */
function hasLoop(links: Map<string, string | null>): boolean {
  for (const start of links.keys()) {
    const seen = new Set<string>();
    for (let current: string | null | undefined = start; current; current = links.get(current)) {
      if (seen.has(current)) return true;
      seen.add(current);
    }
  }
  return false;
}

describe("via chains under concurrent edits", () => {
  it("two edits that together would make a loop: one is refused, no loop is stored", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, claimId, citationIds: [beast, bill] } = await setUp();
      const results = await race(() => setVia(actor, beast, bill), () => setVia(actor, bill, beast));
      expect(refusalsOf(results)).toEqual([expect.stringMatching(/^That would make a loop: /)]);
      expect(hasLoop(await linksOf(claimId))).toBe(false);
    }
  });

  it("“traced further” twice at once from one citation: both new hops stay in its chain", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, claimId, citationIds: [beast] } = await setUp();
      const trace = (sourceName: string) => () =>
        addCitation(db, actor, addCitationSchema.parse({ claimId, relation: "states", sourceName, relaysForId: beast }));
      const results = await race(trace("Interfax"), trace("TASS"));
      expect(countFulfilled(results)).toBe(2);
      const links = await linksOf(claimId);
      const chain = [];
      for (let current = links.get(beast); current; current = links.get(current)) chain.push(current);
      const added = results.map((result) => (result.status === "fulfilled" ? result.value.id : ""));
      expect(chain.sort()).toEqual(added.sort());
    }
  });

  it("a citation removed while another is set to relay it: nothing is left relaying a removed citation", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, claimId, citationIds: [beast, bill] } = await setUp();
      await race(() => removeCitation(db, actor, { citationId: bill }), () => setVia(actor, beast, bill));
      const rows = await db.citation.findMany({ where: { claimId }, select: { id: true, viaCitationId: true, deletedAt: true } });
      const removed = new Set(rows.filter((row) => row.deletedAt).map((row) => row.id));
      expect(removed.has(bill)).toBe(true);
      expect(rows.filter((row) => !row.deletedAt && row.viaCitationId && removed.has(row.viaCitationId))).toEqual([]);
    }
  });

  it("a citation removed twice at once: removed once, recorded once", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, claimId, citationIds: [beast] } = await setUp();
      const results = await race(() => removeCitation(db, actor, { citationId: beast }), () => removeCitation(db, actor, { citationId: beast }));
      expect(refusalsOf(results)).toEqual(["That citation no longer exists in this team."]);
      expect(await db.claimEvent.count({ where: { claimId, type: "citation_removed" } })).toBe(1);
    }
  });
});

describe("citing the article's outlet for several claims, twice at once", () => {
  it("each claim gets one citation of the outlet, and the registry one entry", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const user = await createTestUser(db);
      const team = await createTeam(db, { name: "Desk", userId: user.id });
      const actor = { teamId: team.id, userId: user.id };
      const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: "Armies", outlet: "Business Insider", text: TEXT, removedLines: [] }));
      const first = await createClaim(db, actor, { articleId, start: 0, end: TEXT.indexOf(",") });
      const second = await createClaim(db, actor, { articleId, start: TEXT.indexOf("The Daily"), end: TEXT.length - 1 });
      const claimIds = [first.id, second.id];
      const results = await race(() => citeOutletForClaims(db, actor, { articleId, claimIds }), () => citeOutletForClaims(db, actor, { articleId, claimIds }));
      expect(refusalsOf(results)).toEqual([]);
      const answers = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
      expect(answers.flatMap((answer) => answer.cited).sort()).toEqual([...claimIds].sort());
      expect(answers.flatMap((answer) => answer.alreadyCiting).sort()).toEqual([...claimIds].sort());
      expect(await db.citation.count({ where: { claimId: { in: claimIds }, deletedAt: null } })).toBe(2);
      expect(await db.source.count({ where: { teamId: team.id } })).toBe(1);
    }
  });
});
