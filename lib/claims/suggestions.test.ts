import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { getTeamDashboard } from "@/lib/reports/dashboard";
import { readReportRange } from "@/lib/reports/date-range";
import { createTeam } from "@/lib/teams/mutations";
import { readLiveChanges, readLiveHead } from "@/lib/live/changes";
import { SUGGESTION_DISMISSED } from "@/lib/live/relevance";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { createClaim, deleteClaim } from "./mutations";
import { getWorkspace, listDecidedSuggestions, readDecidedSuggestions } from "./queries";
import { dismissSuggestion, listSuggestions, requestSuggestions } from "./suggestions";

const db = setUpTestDatabase();
// Check-worthy sentences from the real pages in lib/claims/suggest/__fixtures__.
const TEXT = [
  "In 1997, President Bill Clinton imposed a comprehensive trade embargo against Sudan and blocked the assets of the Sudanese government.",
  "About 50 other people were wounded, according to local news reports.",
  "Tourism is critical to Tunisia’s economy, accounting for 15 percent of its gross domestic product in 2013, according to the World Travel & Tourism Council.",
].join("\n\n");

async function setUp(name = "Desk") {
  const user = await createTestUser(db);
  const team = await createTeam(db, { name, userId: user.id });
  const actor = { teamId: team.id, userId: user.id };
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: "Sudan and Tunisia", text: TEXT, removedLines: [] }));
  return { actor, articleId };
}

function today() {
  const day = new Date().toISOString().slice(0, 10);
  const range = readReportRange({ from: day, to: day });
  if (!range.ok) throw new Error(range.problems.join(" "));
  return range.range;
}

describe("suggestions an editor decides on", () => {
  it("records an accepted suggestion once, and never suggests it again, even after its claim is deleted", async () => {
    const { actor, articleId } = await setUp();
    const [first, ...rest] = await listSuggestions(db, actor, { articleId });
    expect(rest).toHaveLength(2);
    const accept = () => createClaim(db, actor, { articleId, start: first!.start, end: first!.end, statement: first!.draft.statement, fromSuggestion: true });
    const claim = await accept();
    expect(await db.suggestionAcceptance.findMany({ where: { articleId }, select: { claimId: true, acceptedById: true } })).toEqual([
      { claimId: claim.id, acceptedById: actor.userId },
    ]);
    await deleteClaim(db, actor, { claimId: claim.id });
    const after = await listSuggestions(db, actor, { articleId });
    expect(after.map((s) => s.sentence)).toEqual(rest.map((s) => s.sentence));
    await accept(); // the editor takes the passage again from the text: still one acceptance
    expect(await db.suggestionAcceptance.count({ where: { articleId } })).toBe(1);
  });

  it("tells colleagues' open workspaces of a dismissal once, and gives the decided passages to the article's team alone", async () => {
    const { actor, articleId } = await setUp();
    const other = await setUp("Other desk");
    const [first] = await listSuggestions(db, actor, { articleId });
    const head = await readLiveHead(db, actor.teamId);
    await dismissSuggestion(db, actor, { articleId, sentence: first!.sentence });
    await dismissSuggestion(db, actor, { articleId, sentence: first!.sentence });

    const changes = await readLiveChanges(db, actor.teamId, head);
    expect(changes.map(({ kind, articleId: changed, actorId }) => ({ kind, articleId: changed, actorId }))).toEqual([{ kind: SUGGESTION_DISMISSED, articleId, actorId: actor.userId }]);
    expect(await readDecidedSuggestions(db, actor.teamId, articleId)).toEqual([first!.hash]);
    expect(await readDecidedSuggestions(db, other.actor.teamId, articleId)).toBeNull();
  });

  it("does not count a claim the editor selected by hand as an accepted suggestion", async () => {
    const { actor, articleId } = await setUp();
    const [first] = await listSuggestions(db, actor, { articleId });
    await createClaim(db, actor, { articleId, start: first!.start, end: first!.end });
    expect(await db.suggestionAcceptance.count({ where: { articleId } })).toBe(0);
  });

  it("remembers that suggestions were asked for, so the workspace marks them on every load", async () => {
    const { actor, articleId } = await setUp();
    expect((await getWorkspace(db, actor.teamId, articleId))?.article.suggestedAt).toBeNull();
    const suggestions = await requestSuggestions(db, actor, { articleId });
    const workspace = await getWorkspace(db, actor.teamId, articleId);
    const askedAt = workspace?.article.suggestedAt;
    expect(askedAt).toBeInstanceOf(Date);
    await dismissSuggestion(db, actor, { articleId, sentence: suggestions[0]!.sentence });
    await requestSuggestions(db, actor, { articleId });
    const reloaded = await getWorkspace(db, actor.teamId, articleId);
    expect(reloaded?.article.suggestedAt).toEqual(askedAt);
    expect(await listDecidedSuggestions(db, articleId)).toEqual([suggestions[0]!.hash]);
  });

  it("gives the team's dashboard the share of decided suggestions that were accepted, with the counts", async () => {
    const { actor, articleId } = await setUp();
    const other = await setUp("Other desk");
    const [first, second, third] = await listSuggestions(db, actor, { articleId });
    expect((await getTeamDashboard(db, actor.teamId, today())).suggestions).toEqual({ accepted: 0, dismissed: 0, rate: null });
    await createClaim(db, actor, { articleId, start: first!.start, end: first!.end, fromSuggestion: true });
    await createClaim(db, actor, { articleId, start: second!.start, end: second!.end, fromSuggestion: true });
    await dismissSuggestion(db, actor, { articleId, sentence: third!.sentence });
    await dismissSuggestion(db, other.actor, { articleId: other.articleId, sentence: third!.sentence });
    expect((await getTeamDashboard(db, actor.teamId, today())).suggestions).toEqual({ accepted: 2, dismissed: 1, rate: 2 / 3 });
    expect((await getTeamDashboard(db, other.actor.teamId, today())).suggestions).toEqual({ accepted: 0, dismissed: 1, rate: 0 });
  });
});
