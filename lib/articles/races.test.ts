import { describe, expect, it } from "vitest";
import { createClaim } from "@/lib/claims/mutations";
import { createTeam } from "@/lib/teams/mutations";
import { countFulfilled, race, ROUNDS } from "@/tests/race";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { saveImport, type ImportResult } from "./mutations";
import { saveImportSchema } from "./schema";

// Imports at the same moment into one team (docs/decisions/0013-concurrent-writes.md): the team's
// row lock puts them one after the other, so a text is stored once and versions are numbered in turn.
const db = setUpTestDatabase();
const TEXT = "The council approved a budget of 4.2 million euros. The vote was 31 to 12.";

async function setUpTeam() {
  const user = await createTestUser(db);
  const team = await createTeam(db, { name: "Politics Desk", userId: user.id });
  return { team, actor: { teamId: team.id, userId: user.id } };
}

const importInput = (text: string, articleId?: string) => saveImportSchema.parse({ title: "Budget", removedLines: "[]", text, articleId });
const kindsOf = (results: PromiseSettledResult<ImportResult>[]) => results.map((result) => (result.status === "fulfilled" ? result.value.kind : result.reason.message)).sort();

describe("imports at the same moment", () => {
  it("of one text store it once; the other is sent to it", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { team, actor } = await setUpTeam();
      const results = await race(() => saveImport(db, actor, importInput(TEXT)), () => saveImport(db, actor, importInput(TEXT)));
      expect(kindsOf(results)).toEqual(["created", "duplicate"]);
      expect(await db.article.count({ where: { teamId: team.id } })).toBe(1);
    }
  });

  it("of two new versions of one article number them 2 and 3, and the claims follow the latest", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { actor } = await setUpTeam();
      const created = await saveImport(db, actor, importInput(TEXT));
      const claim = await createClaim(db, actor, { articleId: created.articleId, start: 0, end: TEXT.indexOf(".") + 1 });
      const results = await race(
        () => saveImport(db, actor, importInput(`${TEXT} Two members abstained.`, created.articleId)),
        () => saveImport(db, actor, importInput(`${TEXT} The mayor was absent.`, created.articleId)),
      );
      expect(countFulfilled(results)).toBe(2);
      const versions = await db.articleVersion.findMany({ where: { articleId: created.articleId }, orderBy: { number: "asc" } });
      expect(versions.map((version) => version.number)).toEqual([1, 2, 3]);
      expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).versionId).toBe(versions[2].id);
    }
  });
});
