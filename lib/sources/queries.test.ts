import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { createClaim, deleteClaim } from "@/lib/claims/mutations";
import { createTeam } from "@/lib/teams/mutations";
import { countQueries, createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { createSource, mergeSources } from "./mutations";
import { getSource, groupDuplicates, listDuplicateGroups, listSources, parseDomains, searchSources } from "./queries";
import { createSourceSchema } from "./schema";

const db = setUpTestDatabase({ logQueries: true });
const TEXT = "Russian lawmakers proposed a bill on private armies. The Kremlin denied any plan.";

type Actor = { teamId: string; userId: string };

async function setUpTeam() {
  const user = await createTestUser(db, { name: "Ada Reporter" });
  const team = await createTeam(db, { name: "Desk", userId: user.id });
  return { teamId: team.id, userId: user.id } satisfies Actor;
}

async function add(actor: Actor, name: string, fields: Record<string, unknown> = {}) {
  const source = await createSource(db, actor, createSourceSchema.parse({ name, kind: "outlet", confirmDuplicate: true, ...fields }));
  return source.id;
}

async function claimCiting(actor: Actor, sourceIds: string[], quote = "The Kremlin denied any plan.") {
  const saved = await saveImport(db, actor, saveImportSchema.parse({ title: "Private armies", text: TEXT, removedLines: [] }));
  const start = TEXT.indexOf(quote);
  const claim = await createClaim(db, actor, { articleId: saved.articleId, start, end: start + quote.length });
  for (const sourceId of sourceIds) {
    await db.citation.create({ data: { teamId: actor.teamId, claimId: claim.id, sourceId, relation: "states", createdById: actor.userId } });
  }
  return { claimId: claim.id, articleId: saved.articleId };
}

describe("listSources", () => {
  it("filters on the server by name, domain, notes and kind, leaving merged entries out", async () => {
    const actor = await setUpTeam();
    const beast = await add(actor, "The Daily Beast", { domains: "thedailybeast.com" });
    await add(actor, "Nikolai Sokov", { kind: "person", notes: "Analyst quoted by the Beast" });
    const twin = await add(actor, "Daily Beast");
    await mergeSources(db, actor, { keepId: beast, mergeIds: [twin] });
    const names = async (filter: Parameters<typeof listSources>[2]) => (await listSources(db, actor.teamId, filter)).map((row) => row.name);
    expect(await names({})).toEqual(["Nikolai Sokov", "The Daily Beast"]);
    expect(await names({ q: "DAILY-beast" })).toEqual(["The Daily Beast"]);
    expect(await names({ q: "https://www.thedailybeast.com/x" })).toEqual(["The Daily Beast"]);
    expect(await names({ q: "beast" })).toEqual(["Nikolai Sokov", "The Daily Beast"]);
    expect(await names({ q: "beast", kind: "person" })).toEqual(["Nikolai Sokov"]);
  });

  it("counts live citations and claims in a fixed number of queries", async () => {
    const actor = await setUpTeam();
    const insider = await add(actor, "Business Insider");
    const beast = await add(actor, "The Daily Beast");
    await claimCiting(actor, [insider, insider, beast]);
    const deleted = await claimCiting(actor, [insider]);
    await deleteClaim(db, actor, { claimId: deleted.claimId });
    const other = await claimCiting(actor, [insider]);
    await db.citation.updateMany({ where: { claimId: other.claimId }, data: { deletedAt: new Date() } });
    const queries = countQueries(db);
    const rows = await listSources(db, actor.teamId);
    expect(queries.count).toBe(2);
    expect(rows.map((row) => [row.name, row.citationCount, row.claimCount])).toEqual([["Business Insider", 2, 1], ["The Daily Beast", 1, 1]]);
  });

  it("counts usage in a registry of a thousand sources (more ids than SQLite takes as parameters)", async () => {
    const actor = await setUpTeam();
    await db.source.createMany({
      data: Array.from({ length: 1_000 }, (_, n) => ({ teamId: actor.teamId, name: `Outlet ${n}`, nameKey: `outlet ${n}`, kind: "outlet" as const, createdById: actor.userId })),
    });
    const cited = await db.source.findFirstOrThrow({ where: { teamId: actor.teamId, name: "Outlet 7" } });
    await claimCiting(actor, [cited.id]);
    const rows = await listSources(db, actor.teamId);
    expect(rows).toHaveLength(1_000);
    expect(rows.filter((row) => row.citationCount > 0).map((row) => [row.name, row.citationCount, row.claimCount])).toEqual([["Outlet 7", 1, 1]]);
  });
});

describe("searchSources", () => {
  it("puts exact names first, then prefixes, then word starts, then anywhere", async () => {
    const actor = await setUpTeam();
    for (const name of ["Business Insider", "Insiders Digest", "The Insider", "Newsinsider Weekly", "Reuters"]) await add(actor, name);
    const results = await searchSources(db, actor.teamId, "the insider");
    expect(results.map((result) => result.name)).toEqual(["The Insider", "Insiders Digest", "Business Insider", "Newsinsider Weekly"]);
    expect(results[0]).toEqual({ id: expect.any(String), name: "The Insider", kind: "outlet", domains: [] });
    expect(await searchSources(db, actor.teamId, "insider", 2)).toHaveLength(2);
    expect(await searchSources(db, actor.teamId, "  ")).toEqual([]);
  });

  it("matches domains, typed as a host or run together, and only in the team", async () => {
    const actor = await setUpTeam();
    await add(actor, "Beast", { domains: "thedailybeast.com" });
    await add(await setUpTeam(), "The Daily Beast", { domains: "thedailybeast.com" });
    expect((await searchSources(db, actor.teamId, "https://www.TheDailyBeast.com/a")).map((result) => result.domains)).toEqual([["thedailybeast.com"]]);
    expect((await searchSources(db, actor.teamId, "Daily Beast")).map((result) => result.name)).toEqual(["Beast"]);
  });
});

describe("getSource", () => {
  it("shows the citations resting on a source and where a merged one went", async () => {
    const actor = await setUpTeam();
    const keep = await add(actor, "Reuters");
    const twin = await add(actor, "Reuters Ltd");
    const { claimId, articleId } = await claimCiting(actor, [twin]);
    await mergeSources(db, actor, { keepId: keep, mergeIds: [twin] });
    const kept = await getSource(db, actor.teamId, keep);
    expect(kept?.citations).toMatchObject([{ relation: "states", claim: { id: claimId, statement: "The Kremlin denied any plan.", article: { id: articleId, title: "Private armies" } } }]);
    expect(kept?.mergedFrom).toEqual([{ id: twin, name: "Reuters Ltd" }]);
    expect(await getSource(db, actor.teamId, twin)).toMatchObject({ mergedInto: { id: keep, name: "Reuters" }, citations: [] });
    expect(await getSource(db, (await setUpTeam()).teamId, keep)).toBeNull();
  });
});

describe("duplicate groups", () => {
  it("groups by name or own domain, but not by a shared platform", async () => {
    const actor = await setUpTeam();
    const beast = await add(actor, "The Daily Beast");
    const beastTwin = await add(actor, "daily beast.");
    const insider = await add(actor, "Business Insider", { domains: "businessinsider.com" });
    const insiderTwin = await add(actor, "BI", { homepage: "https://www.businessinsider.com/" });
    await add(actor, "Nikolai Sokov", { kind: "person", domains: "x.com" });
    await add(actor, "Dmitry Peskov", { kind: "person", domains: "x.com" });
    const groups = await listDuplicateGroups(db, actor.teamId);
    expect(groups.map((group) => [group.sources.map((source) => source.id), group.reasons])).toEqual([
      [[beast, beastTwin], ["same name"]],
      [[insider, insiderTwin], ["same domain"]],
    ]);
  });

  it("joins chains of likeness into one group", () => {
    const groups = groupDuplicates([
      { id: "a", name: "Insider", kind: "outlet", domains: ["insider.com"] },
      { id: "b", name: "INSIDER", kind: "outlet", domains: [] },
      { id: "c", name: "Business Insider", kind: "outlet", domains: ["insider.com"] },
      { id: "d", name: "Reuters", kind: "outlet", domains: [] },
    ]);
    expect(groups.map((group) => [group.sources.map((source) => source.id), group.reasons])).toEqual([[["a", "b", "c"], ["same name", "same domain"]]]);
  });

  it("reads stored domains defensively", () => {
    expect(parseDomains('["a.com", 3]')).toEqual(["a.com"]);
    expect(parseDomains("not json")).toEqual([]);
    expect(parseDomains(null)).toEqual([]);
  });
});
