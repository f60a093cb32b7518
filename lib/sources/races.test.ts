import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { addCitation, removeCitation } from "@/lib/citations/mutations";
import { addCitationSchema } from "@/lib/citations/schema";
import { createClaim } from "@/lib/claims/mutations";
import { createTeam } from "@/lib/teams/mutations";
import { countFulfilled, race, refusalsOf, ROUNDS } from "@/tests/race";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { captureCitation } from "./capture";
import { createSource, mergeSources, updateSource } from "./mutations";
import { createSourceSchema, updateSourceSchema } from "./schema";

// The source registry while editors merge, add and cite at the same moment
// (docs/decisions/0013-concurrent-writes.md): the registry's lock and the sources' row locks
// put them one after the other.
const db = setUpTestDatabase();
const TEXT = "Russian lawmakers proposed a bill on private armies. The Kremlin denied any plan.";
type Actor = { teamId: string; userId: string };

/** A team with two claims and three outlets A, B, C, each cited by the first claim. */
async function setUp() {
  const user = await createTestUser(db);
  const team = await createTeam(db, { name: "Desk", userId: user.id });
  const actor: Actor = { teamId: team.id, userId: user.id };
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: "Armies", text: TEXT, removedLines: [] }));
  const claims = [];
  for (const sentence of TEXT.split(/(?<=\.) /)) {
    const start = TEXT.indexOf(sentence);
    claims.push((await createClaim(db, actor, { articleId, start, end: start + sentence.length })).id);
  }
  const sources = [];
  for (const name of ["Interfax", "TASS", "Meduza"]) {
    const source = await createSource(db, actor, createSourceSchema.parse({ kind: "outlet", name }));
    await addCitation(db, actor, addCitationSchema.parse({ claimId: claims[0], relation: "states", sourceId: source.id }));
    sources.push(source.id);
  }
  return { actor, claims, sources };
}

/** What must hold after any merges: every citation names a live source, every tombstone points at one. */
async function expectRegistryHolds(teamId: string) {
  const sources = await db.source.findMany({ where: { teamId }, select: { id: true, mergedIntoId: true } });
  const live = new Set(sources.filter((source) => !source.mergedIntoId).map((source) => source.id));
  for (const source of sources) if (source.mergedIntoId) expect(live.has(source.mergedIntoId)).toBe(true);
  const citations = await db.citation.findMany({ where: { teamId }, select: { sourceId: true } });
  for (const citation of citations) expect(live.has(citation.sourceId)).toBe(true);
}

const merge = (actor: Actor, keepId: string, mergeIds: string[]) => () => mergeSources(db, actor, { keepId, mergeIds });

describe("merges at the same moment", () => {
  it("of A into B and B into A: one is refused, no source points at a merged one", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, sources: [a, b] } = await setUp();
      const results = await race(merge(actor, b, [a]), merge(actor, a, [b]));
      expect(refusalsOf(results)).toEqual([expect.stringMatching(/was already merged into another source\. Reload the registry\.$/)]);
      await expectRegistryHolds(actor.teamId);
    }
  });

  it("of B into A and B into C: one is refused, B's citations went where its tombstone points", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, sources: [a, b, c] } = await setUp();
      const results = await race(merge(actor, a, [b]), merge(actor, c, [b]));
      expect(refusalsOf(results)).toEqual([expect.stringMatching(/was already merged into another source\. Reload the registry\.$/)]);
      await expectRegistryHolds(actor.teamId);
      expect(await db.source.count({ where: { teamId: actor.teamId, mergedIntoId: null } })).toBe(2);
    }
  });

  it("with a citation of the merged source added: the citation ends on the kept source", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, claims, sources: [a, b] } = await setUp();
      const results = await race(merge(actor, a, [b]), () => addCitation(db, actor, addCitationSchema.parse({ claimId: claims[1], relation: "states", sourceId: b })));
      expect(countFulfilled(results)).toBe(2);
      await expectRegistryHolds(actor.teamId);
    }
  });
});

describe("one source saved twice at the same moment", () => {
  it("from forms loaded at one revision: one save stands, the other is refused as stale", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, sources: [a] } = await setUp();
      const save = (name: string) => () => updateSource(db, actor, updateSourceSchema.parse({ sourceId: a, revision: 1, name, kind: "outlet" }));
      const results = await race(save("Interfax agency"), save("Interfax news"));
      expect(refusalsOf(results)).toEqual([expect.stringMatching(/while you were editing/)]);
      expect(await db.source.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ revision: 2 });
      expect(await db.auditEvent.count({ where: { teamId: actor.teamId, type: "source.updated" } })).toBe(1);
    }
  });
});

describe("a page captured while its citation is removed", () => {
  it("is stored before the removal or not at all", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, claims, sources: [a] } = await setUp();
      const citation = await addCitation(db, actor, addCitationSchema.parse({ claimId: claims[1], relation: "states", sourceId: a, url: "https://interfax.example/story" }));
      const page = { finalUrl: "https://interfax.example/story", httpStatus: 200, contentType: "text/plain", text: "The bill passed its first reading." };
      await race(
        () => captureCitation(db, actor, { citationId: citation.id }, { fetchPage: async () => page }),
        () => removeCitation(db, actor, { citationId: citation.id }),
      );
      const events = await db.claimEvent.findMany({ where: { claimId: claims[1], type: { in: ["citation_captured", "citation_removed"] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      expect(events.at(-1)?.type).toBe("citation_removed");
      expect(await db.sourceCapture.count({ where: { citationId: citation.id } })).toBe(events.length - 1);
    }
  });
});

describe("one new name at the same moment", () => {
  it("added to the registry twice: added once, the other told it is there", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor } = await setUp();
      const add = () => createSource(db, actor, createSourceSchema.parse({ kind: "outlet", name: "Novaya Gazeta" }));
      const results = await race(add, add);
      expect(refusalsOf(results)).toEqual([expect.stringMatching(/^“Novaya Gazeta” is already in the registry \(same name\)/)]);
      expect(await db.source.count({ where: { teamId: actor.teamId, nameKey: "novaya gazeta" } })).toBe(1);
    }
  });

  it("typed in two citations: one registry entry, both cite it", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor, claims } = await setUp();
      const results = await race(...claims.map((claimId) => () => addCitation(db, actor, addCitationSchema.parse({ claimId, relation: "states", sourceName: "Novaya Gazeta" }))));
      expect(countFulfilled(results)).toBe(2);
      expect(await db.source.count({ where: { teamId: actor.teamId, nameKey: "novaya gazeta" } })).toBe(1);
    }
  });
});
