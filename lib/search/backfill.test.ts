import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/config/prisma-client";
import { createTeam } from "@/lib/teams/mutations";
import { applyMigrations, MIGRATIONS_FOLDER } from "@/scripts/lib/migrate";
import { SEARCH_MIGRATION } from "@/scripts/db/search-objects";
import { createEmptyTestDatabase, createTestUser, testDatabaseKind } from "@/tests/test-db";
import { searchTeam } from "./full-text";

// The committed history up to the search migration, in a folder of the test's own; then the rest.
const root = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-search-backfill-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const committed = MIGRATIONS_FOLDER[testDatabaseKind];
const copyMigrations = (include: (name: string) => boolean) => {
  for (const name of fs.readdirSync(committed).filter((entry) => /^\d{14}_/.test(entry) && include(entry))) {
    fs.cpSync(path.join(committed, name), path.join(root, committed, name), { recursive: true });
  }
};

describe(`the search migration on ${testDatabaseKind}`, () => {
  const database = createEmptyTestDatabase();

  it("indexes the rows that were there before it", async () => {
    await database.ready;
    copyMigrations((name) => name < SEARCH_MIGRATION);
    await applyMigrations(database.url, { root });
    const db = createPrismaClient(database.url);
    try {
      const user = await createTestUser(db);
      const team = await createTeam(db, { name: "Before search", userId: user.id });
      // Today's client on yesterday's schema: read back only the columns that existed then.
      const article = await db.article.create({ data: { teamId: team.id, title: "Mercenaries abroad", createdById: user.id }, select: { id: true } });
      const version = await db.articleVersion.create({ data: { articleId: article.id, teamId: team.id, number: 1, text: "Text on Wagner's finances.", contentHash: "h", createdById: user.id } });
      const claim = await db.claim.create({
        data: { teamId: team.id, articleId: article.id, versionId: version.id, position: 0, quote: "finances", prefix: "", suffix: "", start: 0, end: 8, statement: "Wagner is paid in gold", rationale: "Customs records show bullion", createdById: user.id },
      });
      const comment = await db.claimComment.create({ data: { teamId: team.id, claimId: claim.id, authorId: user.id, body: "Ask the customs office" } });
      const source = await db.source.create({ data: { teamId: team.id, name: "Customs registry", nameKey: "customs registry", kind: "dataset", createdById: user.id } });

      // The search migration alone (later ones are not this test's concern).
      copyMigrations((name) => name === SEARCH_MIGRATION);
      expect(await applyMigrations(database.url, { root })).toEqual([SEARCH_MIGRATION]);

      const hitsFor = async (query: string) => {
        const result = await searchTeam(db, team.id, query);
        if (result.status !== "ok") throw new Error(result.status);
        return Object.fromEntries(result.groups.filter((group) => group.hits.length > 0).map((group) => [group.kind, group.hits.map((hit) => hit.id)]));
      };
      expect(await hitsFor("gold")).toEqual({ claim: [claim.id] });
      expect(await hitsFor("customs")).toEqual({ rationale: [claim.id], comment: [comment.id], source: [source.id] });
      expect(await hitsFor("mercenaries")).toEqual({ article: [article.id] });
      expect(await hitsFor("finances")).toEqual({ claim: [claim.id], article: [article.id] });
    } finally {
      await db.$disconnect();
    }
  }, 60_000);
});
