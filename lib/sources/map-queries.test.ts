import { describe, expect, it } from "vitest";
import { deleteClaim } from "@/lib/claims/mutations";
import { getWorkspace } from "@/lib/claims/queries";
import type { Db } from "@/lib/config/prisma-client";
import { articleFixture, type Actor } from "@/tests/article-fixture";
import { countQueries as countStatements, setUpTestDatabase } from "@/tests/test-db";
import { getArticleSourceMap, loadClaimTraceSummaries } from "./map-queries";
import type { CitationRelation, SourceKind } from "./types";

const db = setUpTestDatabase();

const TEXT = [
  "Putin is forming private militias, according to a bill before the Duma.",
  "The Duma noted the bill in July.",
  "The militias will guard against sabotage.",
  "Wagner fighters met little resistance.",
].join("\n\n");

const { setUpArticle, claimOn } = articleFixture(db, TEXT, { editor: "Ana Checker", team: "Politics Desk", title: "Private armies", outlet: "Business Insider" });

async function addSources(actor: Actor, database: Db = db) {
  const make = (name: string, kind: SourceKind, domains: string[] = []) =>
    database.source.create({
      data: { teamId: actor.teamId, name, nameKey: name.toLowerCase(), kind, domains: JSON.stringify(domains), createdById: actor.userId },
    });
  return {
    insider: await make("Business Insider", "outlet", ["businessinsider.com"]),
    beast: await make("The Daily Beast", "outlet", ["thedailybeast.com"]),
    guardian: await make("The Guardian", "outlet"),
    bill: await make("the Duma bill", "document"),
    barents: await make("The Barents Observer", "outlet"),
  };
}

/** Writes a chain given towards the origin: cite(claim, [insider, beast, bill]) makes insider -> beast -> bill. */
async function cite(actor: Actor, claimId: string, sourceIds: string[], options: { isOrigin?: boolean; relation?: CitationRelation } = {}, database: Db = db) {
  let viaCitationId: string | null = null;
  const ids: string[] = [];
  for (const [index, sourceId] of [...sourceIds].reverse().entries()) {
    const citation: { id: string } = await database.citation.create({
      data: {
        teamId: actor.teamId, claimId, sourceId, viaCitationId, createdById: actor.userId,
        relation: options.relation ?? "states",
        isOrigin: index === 0 && (options.isOrigin ?? true),
      },
    });
    viaCitationId = citation.id;
    ids.unshift(citation.id);
  }
  return ids;
}

describe("getArticleSourceMap", () => {
  it("traces every live claim in list order, with the sources most leaned on first", async () => {
    const { actor, articleId } = await setUpArticle();
    const s = await addSources(actor);
    const bill = await claimOn(actor, articleId, "Putin is forming private militias");
    const noted = await claimOn(actor, articleId, "The Duma noted the bill in July.");
    const tasks = await claimOn(actor, articleId, "The militias will guard against sabotage.");
    const wagner = await claimOn(actor, articleId, "Wagner fighters met little resistance.");
    await cite(actor, bill.id, [s.insider.id, s.beast.id, s.bill.id]);
    const [, beastOnNoted] = await cite(actor, noted.id, [s.insider.id, s.beast.id, s.bill.id]);
    await db.citation.create({
      data: { teamId: actor.teamId, claimId: noted.id, sourceId: s.guardian.id, viaCitationId: beastOnNoted, relation: "corroborates", createdById: actor.userId },
    });
    await cite(actor, tasks.id, [s.insider.id, s.barents.id], { isOrigin: false });
    const [removed] = await cite(actor, tasks.id, [s.guardian.id]);
    await db.citation.update({ where: { id: removed }, data: { deletedAt: new Date() } });

    const map = await getArticleSourceMap(db, actor.teamId, articleId);

    expect(map!.article).toEqual({ id: articleId, title: "Private armies", outlet: "Business Insider" });
    expect(map!.claims.map((claim) => [claim.number, claim.id, claim.citationCount, claim.glance.kind, claim.provenance.trace.summary])).toEqual([
      [1, bill.id, 3, "single", "1 origin: the Duma bill"],
      [2, noted.id, 4, "single", "2 outlets, 1 origin: the Duma bill"],
      [3, tasks.id, 2, "none_reached", "No origin reached yet (traced as far as The Barents Observer)"],
      [4, wagner.id, 0, "not_traced", "No sources cited yet"],
    ]);
    expect(map!.sources.map((usage) => [usage.name, usage.claimIds.length])).toEqual([
      ["Business Insider", 3],
      ["The Daily Beast", 2],
      ["the Duma bill", 2],
      ["The Barents Observer", 1],
      ["The Guardian", 1],
    ]);
    expect(map!.sources[0]!.source).toMatchObject({ kind: "outlet", domains: ["businessinsider.com"] });
  });

  it("leaves out deleted claims and gives the team's verdict wording", async () => {
    const { actor, articleId } = await setUpArticle();
    const kept = await claimOn(actor, articleId, "The Duma noted the bill in July.");
    const gone = await claimOn(actor, articleId, "Wagner fighters met little resistance.");
    await deleteClaim(db, actor, { claimId: gone.id });
    await db.claim.update({ where: { id: kept.id }, data: { verdict: "false", status: "needs_review" } });
    await db.team.update({ where: { id: actor.teamId }, data: { verdictLabels: JSON.stringify({ false: { label: "Wrong" } }) } });

    const map = await getArticleSourceMap(db, actor.teamId, articleId);

    expect(map!.claims).toHaveLength(1);
    expect(map!.claims[0]).toMatchObject({ id: kept.id, number: 1, status: "needs_review", verdict: "false", verdictLabel: "Wrong" });
  });

  it("returns null for another team's article", async () => {
    const { articleId } = await setUpArticle();
    const stranger = await setUpArticle();

    expect(await getArticleSourceMap(db, stranger.actor.teamId, articleId)).toBeNull();
  });
});

describe("loadClaimTraceSummaries", () => {
  it("gives each claim its origin count, warnings, verdict label, assignee and whether it cites the article's outlet", async () => {
    const { actor, articleId } = await setUpArticle();
    const s = await addSources(actor);
    const bill = await claimOn(actor, articleId, "Putin is forming private militias");
    const tasks = await claimOn(actor, articleId, "The militias will guard against sabotage.");
    await cite(actor, bill.id, [s.insider.id, s.beast.id, s.bill.id]);
    await cite(actor, bill.id, [s.guardian.id, s.bill.id]);
    await cite(actor, tasks.id, [s.barents.id], { isOrigin: false });
    await db.claim.update({ where: { id: bill.id }, data: { verdict: "accurate", assigneeId: actor.userId } });

    const summaries = await loadClaimTraceSummaries(db, actor.teamId, articleId);

    expect(summaries.get(bill.id)).toMatchObject({
      originCount: 1,
      restsOnSingleOrigin: true,
      glance: { kind: "single", originCount: 1 },
      summary: "2 outlets, 1 origin: the Duma bill",
      warningKinds: ["single_origin"],
      citationCount: 5,
      verdictLabel: "Accurate",
      assignee: { id: actor.userId, name: "Ana Checker" },
      citesOutlet: true,
    });
    expect(summaries.get(tasks.id)).toMatchObject({ glance: { kind: "none_reached" }, warningKinds: ["no_origin_reached"], verdictLabel: null, assignee: null, citesOutlet: false });
  });

  it("finds the outlet as the registry does (case and punctuation aside), and never on an article without one", async () => {
    const { actor, articleId } = await setUpArticle();
    const s = await addSources(actor);
    const claim = await claimOn(actor, articleId, "Putin is forming private militias");
    await cite(actor, claim.id, [s.insider.id]);

    await db.article.update({ where: { id: articleId }, data: { outlet: "  BUSINESS INSIDER Inc. " } });
    expect((await loadClaimTraceSummaries(db, actor.teamId, articleId)).get(claim.id)?.citesOutlet).toBe(true);
    await db.article.update({ where: { id: articleId }, data: { outlet: null } });
    expect((await loadClaimTraceSummaries(db, actor.teamId, articleId)).get(claim.id)?.citesOutlet).toBe(false);
  });
});

describe("source map loaders: queries", () => {
  // A separate database whose client logs every SQL statement it runs.
  const logged = setUpTestDatabase({ logQueries: true });
  const queries = countStatements(logged);

  async function setUpTracedArticle(claimCount: number) {
    const { actor, articleId } = await setUpArticle(logged);
    const s = await addSources(actor, logged);
    const quotes = ["Putin is forming", "The Duma noted", "The militias will", "Wagner fighters"];
    for (let i = 0; i < claimCount; i++) {
      const claim = await claimOn(actor, articleId, quotes[i % quotes.length]!, logged);
      await cite(actor, claim.id, [s.insider.id, s.beast.id, i % 2 ? s.bill.id : s.barents.id], {}, logged);
      await logged.claim.update({ where: { id: claim.id }, data: { assigneeId: actor.userId } });
    }
    return { actor, articleId };
  }

  async function count(load: () => Promise<unknown>) {
    queries.reset();
    await load();
    return queries.count;
  }

  it("runs as many queries for 30 traced claims as for 2", async () => {
    const small = await setUpTracedArticle(2);
    const large = await setUpTracedArticle(30);

    const few = await count(() => getArticleSourceMap(logged, small.actor.teamId, small.articleId));
    const many = await count(() => getArticleSourceMap(logged, large.actor.teamId, large.articleId));
    const fewSummaries = await count(() => loadClaimTraceSummaries(logged, small.actor.teamId, small.articleId));
    const manySummaries = await count(() => loadClaimTraceSummaries(logged, large.actor.teamId, large.articleId));

    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few);
    expect(manySummaries).toBe(fewSummaries);
  });

  it("reads neither the claims nor the article again when the workspace passes them in, and traces them the same", async () => {
    const { actor, articleId } = await setUpTracedArticle(6);
    const workspace = await getWorkspace(logged, actor.teamId, articleId);

    const alone = await count(() => loadClaimTraceSummaries(logged, actor.teamId, articleId));
    const fromWorkspace = await count(() => loadClaimTraceSummaries(logged, actor.teamId, articleId, { of: "article", rows: workspace!.claims }, workspace!.article));

    expect(fromWorkspace).toBe(alone - 2);
    expect(await loadClaimTraceSummaries(logged, actor.teamId, articleId, { of: "article", rows: workspace!.claims }, workspace!.article)).toEqual(await loadClaimTraceSummaries(logged, actor.teamId, articleId));
  });
});
