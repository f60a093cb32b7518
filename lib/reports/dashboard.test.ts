import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { addCitation } from "@/lib/citations/mutations";
import { addCitationSchema } from "@/lib/citations/schema";
import { createClaim, deleteClaim } from "@/lib/claims/mutations";
import { createTeam } from "@/lib/teams/mutations";
import { giveVerdict, setClaimStatus, signOffVerdict } from "@/lib/verification/mutations";
import { verificationSettingsSchema } from "@/lib/verification/schema";
import { updateVerificationSettings } from "@/lib/verification/settings-mutations";
import { countQueries, createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { getTeamDashboard } from "./dashboard";
import { readReportRange } from "./date-range";
import { tallyVerifiers } from "./verifiers";

const db = setUpTestDatabase({ logQueries: true });
const queries = countQueries(db);
const TEXT = "The Duma bill lets firms keep private armies. Kartapolov backed it. Sokov doubts it will pass.";
const RATIONALE = "The committee transcript records the opposite.";
const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

function lastThreeDays() {
  const result = readReportRange({ from: day(-2), to: day(0) });
  if (!result.ok) throw new Error(result.problems.join(" "));
  return result.range;
}

async function addArticle(actor: { teamId: string; userId: string }, title: string, text = TEXT) {
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title, text, removedLines: [] }));
  const claimIds: string[] = [];
  for (const sentence of text.split(/(?<=\.) /)) {
    const start = text.indexOf(sentence);
    claimIds.push((await createClaim(db, actor, { articleId, start, end: start + sentence.length })).id);
  }
  return { articleId, claimIds };
}

async function setUp() {
  const owner = await createTestUser(db, { name: "Olga Owner" });
  const second = await createTestUser(db, { name: "Sam Second" });
  const team = await createTeam(db, { name: "Desk", userId: owner.id });
  await db.membership.create({ data: { teamId: team.id, userId: second.id, role: "editor" } });
  const actor = { teamId: team.id, userId: owner.id };
  await updateVerificationSettings(db, actor, verificationSettingsSchema.parse({ revision: 1, accurateNeeds: "one_citation", requireSignOff: "on", label_false: "Wrong" }));
  return { team, actor, secondActor: { teamId: team.id, userId: second.id } };
}

const revisionOf = async (claimId: string) => (await db.claim.findUniqueOrThrow({ where: { id: claimId } })).revision;

async function judge(actor: { teamId: string; userId: string }, claimId: string) {
  await addCitation(db, actor, addCitationSchema.parse({ claimId, relation: "contradicts", sourceName: "Committee transcript" }));
  await giveVerdict(db, actor, { claimId, revision: await revisionOf(claimId), verdict: "false", rationale: RATIONALE });
}

describe("getTeamDashboard", () => {
  it("shows the work in progress, what waits for sign-off and who verified what", async () => {
    const { team, actor, secondActor } = await setUp();
    const { articleId, claimIds: [first, second, third] } = await addArticle(actor, "Armies");
    await judge(actor, first);
    await judge(actor, second);
    await signOffVerdict(db, secondActor, { claimId: second, revision: await revisionOf(second) });
    await setClaimStatus(db, actor, { claimId: second, revision: await revisionOf(second), status: "done" });
    await deleteClaim(db, actor, { claimId: third });
    const finished = await addArticle(actor, "Finished", "One short claim here.");
    await deleteClaim(db, actor, { claimId: finished.claimIds[0] });
    const stranger = await setUp();
    await addArticle(stranger.actor, "Someone else's");

    const dashboard = await getTeamDashboard(db, team.id, lastThreeDays());
    expect(dashboard.articlesInProgress.map((article) => [article.title, article.counts, article.isStarted])).toEqual([
      ["Armies", { unchecked: 0, in_progress: 0, needs_review: 1, done: 1 }, true],
    ]);
    expect(dashboard.awaitingSignOff).toEqual([
      expect.objectContaining({ id: first, article: { id: articleId, title: "Armies" }, verdictLabel: "Wrong", verdictBy: "Olga Owner" }),
    ]);
    expect(dashboard.awaitingSignOffCount).toBe(1);
    const rows = dashboard.verifiers.map((row) => [row.name, row.role, row.given, row.signedOff, row.byVerdict.false]);
    expect(rows).toEqual([["Olga Owner", "owner", 2, 0, 2], ["Sam Second", "editor", 0, 1, 0]]);
    expect(dashboard.statusSeries.at(-1)).toMatchObject({ date: day(0), counts: { needs_review: 1, done: 1 }, total: 2 });
  });

  it("rebuilds claims by status per day from the history", async () => {
    const { team, actor } = await setUp();
    const { claimIds } = await addArticle(actor, "Armies");
    await setClaimStatus(db, actor, { claimId: claimIds[0], revision: 1, status: "in_progress" });
    // Move the story back in time: claims made two days ago, the status change yesterday.
    const twoDaysAgo = new Date(Date.now() - 2 * DAY_MS);
    await db.claim.updateMany({ where: { id: { in: claimIds } }, data: { createdAt: twoDaysAgo } });
    await db.claimEvent.updateMany({ where: { claimId: { in: claimIds }, type: "created" }, data: { createdAt: twoDaysAgo } });
    await db.claimEvent.updateMany({ where: { claimId: claimIds[0], type: "status_changed" }, data: { createdAt: new Date(Date.now() - DAY_MS) } });

    const { statusSeries } = await getTeamDashboard(db, team.id, lastThreeDays());
    expect(statusSeries.map((point) => [point.date, point.counts.unchecked, point.counts.in_progress])).toEqual([
      [day(-2), 3, 0], [day(-1), 2, 1], [day(0), 2, 1],
    ]);
  });

  it("takes the same number of queries however much there is", async () => {
    const { team, actor } = await setUp();
    await addArticle(actor, "One");
    queries.reset();
    await getTeamDashboard(db, team.id, lastThreeDays());
    const few = queries.count;
    for (const title of ["Two", "Three", "Four"]) {
      const { claimIds } = await addArticle(actor, title);
      await judge(actor, claimIds[0]);
    }
    queries.reset();
    await getTeamDashboard(db, team.id, lastThreeDays());
    expect(few).toBeGreaterThanOrEqual(8);
    expect(queries.count).toBe(few);
  });
});

describe("tallyVerifiers", () => {
  it("maps recorded labels back to verdicts, old and renamed ones included, and keeps people who left", () => {
    const members = [{ role: "owner", user: { id: "u1", name: "Ana" } }, { role: "viewer", user: { id: "u2", name: "Ben" } }];
    const events = [
      { actorId: "u1", type: "verdict_given", toValue: "False", actor: { name: "Ana" } },
      { actorId: "u1", type: "verdict_given", toValue: "Wrong", actor: { name: "Ana" } },
      { actorId: "u1", type: "verdict_given", toValue: "Bogus", actor: { name: "Ana" } },
      { actorId: "u3", type: "verdict_signed_off", toValue: "Wrong", actor: { name: "Cleo" } },
    ];
    const rows = tallyVerifiers(members, events, { false: { label: "Wrong" } });
    expect(rows.map((row) => [row.name, row.role, row.given, row.signedOff, row.byVerdict.false, row.byVerdict.other])).toEqual([
      ["Ana", "owner", 3, 0, 2, 1], ["Cleo", null, 0, 1, 0, 0], ["Ben", "viewer", 0, 0, 0, 0],
    ]);
  });
});
