import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import type { Db } from "@/lib/config/prisma-client";
import { createTeam } from "@/lib/teams/mutations";
import { countQueries, createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { loadReportData } from "./queries";
import { setUpReportArticle } from "./test-fixtures";
import { seedManyClaims } from "./test-seed";

const db = setUpTestDatabase();

async function setUpArticle(database: Db, claimCount: number) {
  const user = await createTestUser(database);
  const team = await createTeam(database, { name: "Size Desk", userId: user.id });
  const { articleId } = await saveImport(database, { teamId: team.id, userId: user.id }, saveImportSchema.parse({ title: "Sizes", text: "Some text.", removedLines: [] }));
  await seedManyClaims(database, { teamId: team.id, userId: user.id, articleId, count: claimCount });
  return { teamId: team.id, articleId };
}

describe("loadReportData", () => {
  it("loads the live claims in order with their citations, latest captures, history and comments", async () => {
    const { team, articleId, claimIds } = await setUpReportArticle(db);
    const data = await loadReportData(db, team.id, articleId);

    expect(data?.article.title).toBe("Putin's private armies");
    expect(data?.version).toMatchObject({ number: 1, createdBy: { name: "Olga Owner" } });
    expect(data?.claims.map((claim) => claim.id)).toEqual(claimIds);
    expect(data?.citations.filter((citation) => citation.claimId === claimIds[0]).map((citation) => citation.source.name)).toEqual(["Business Insider", "The Daily Beast", "Duma bill", "Reuters"]);
    expect(data?.events.length).toBeGreaterThan(10);
    expect(data?.comments).toHaveLength(1);
  });

  it("skips history and comments when they are left out", async () => {
    const { team, articleId } = await setUpReportArticle(db);
    const data = await loadReportData(db, team.id, articleId, { history: false, comments: false });
    expect(data?.events).toEqual([]);
    expect(data?.comments).toEqual([]);
  });

  it("returns null for another team's article or an unknown one", async () => {
    const { articleId } = await setUpReportArticle(db);
    const stranger = await setUpReportArticle(db);
    expect(await loadReportData(db, stranger.team.id, articleId)).toBeNull();
    expect(await loadReportData(db, stranger.team.id, "no-such-article")).toBeNull();
  });
});

describe("loadReportData: queries", () => {
  const logged = setUpTestDatabase({ logQueries: true });
  const queries = countQueries(logged);

  it("runs as many queries for 120 claims as for 2", async () => {
    const small = await setUpArticle(logged, 2);
    const large = await setUpArticle(logged, 120);

    queries.reset();
    const few = await loadReportData(logged, small.teamId, small.articleId);
    const fewQueries = queries.count;
    queries.reset();
    const many = await loadReportData(logged, large.teamId, large.articleId);

    expect(few?.claims).toHaveLength(2);
    expect(many?.claims).toHaveLength(120);
    expect(many?.citations).toHaveLength(360);
    expect(fewQueries).toBeGreaterThan(0);
    expect(queries.count).toBe(fewQueries);
  });
});
