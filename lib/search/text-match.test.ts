import { describe, expect, it } from "vitest";
import { createTeam } from "@/lib/teams/mutations";
import { createTestUser, setUpTestDatabase, testDatabaseKind } from "@/tests/test-db";
import { compareNames, findIdsContaining } from "./text-match";

const db = setUpTestDatabase();

async function teamWithSources(names: string[]) {
  const user = await createTestUser(db);
  const team = await createTeam(db, { name: `Search ${user.id.slice(0, 6)}`, userId: user.id });
  const ids: Record<string, string> = {};
  for (const name of names) {
    const source = await db.source.create({ data: { teamId: team.id, name, nameKey: name.toLowerCase(), kind: "outlet", createdById: user.id } });
    ids[name] = source.id;
  }
  return { teamId: team.id, ids };
}

const namesOf = (ids: Record<string, string>, found: string[]) => Object.keys(ids).filter((name) => found.includes(ids[name])).sort();

describe(`findIdsContaining on ${testDatabaseKind}`, () => {
  it("ignores case in every alphabet, not only ASCII", async () => {
    const { teamId, ids } = await teamWithSources(["L'ÉCOLE des femmes", "Ministère de l'Éducation", "ПРАВДА", "Other"]);
    const search = (needle: string) => findIdsContaining(db, { table: "Source", teamId, columns: ["name"] }, needle).then((found) => namesOf(ids, found));
    expect(await search("école")).toEqual(["L'ÉCOLE des femmes"]);
    expect(await search("ÉDUCATION")).toEqual(["Ministère de l'Éducation"]);
    expect(await search("правда")).toEqual(["ПРАВДА"]);
  });

  it("matches % and _ as typed, not as wildcards", async () => {
    const { teamId, ids } = await teamWithSources(["Up 50% in a year", "Up 50 points", "snake_case", "snake case"]);
    const search = (needle: string) => findIdsContaining(db, { table: "Source", teamId, columns: ["name"] }, needle).then((found) => namesOf(ids, found));
    expect(await search("50%")).toEqual(["Up 50% in a year"]);
    expect(await search("%")).toEqual(["Up 50% in a year"]);
    expect(await search("e_c")).toEqual(["snake_case"]);
    expect(await search("'; DROP TABLE \"Source\"; --")).toEqual([]);
  });

  it("searches only the given team's rows, and the rows of related tables", async () => {
    const mine = await teamWithSources(["Shared name"]);
    const theirs = await teamWithSources(["Shared name"]);
    expect(await findIdsContaining(db, { table: "Source", teamId: mine.teamId, columns: ["name"] }, "shared")).toEqual([mine.ids["Shared name"]]);
    expect(await findIdsContaining(db, { table: "Source", teamId: theirs.teamId, columns: ["name"] }, "shared")).toEqual([theirs.ids["Shared name"]]);
  });
});

describe("compareNames", () => {
  it("orders as readers expect, whatever the database's collation", () => {
    expect(["zeta", "Éclair", "Alpha", "eclair 10", "eclair 9", "beta"].sort(compareNames)).toEqual(["Alpha", "beta", "Éclair", "eclair 9", "eclair 10", "zeta"]);
  });
});
