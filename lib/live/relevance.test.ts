import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { citeArticleOutlet } from "@/lib/citations/mutations";
import { createClaim } from "@/lib/claims/mutations";
import { updateSource } from "@/lib/sources/mutations";
import { updateSourceSchema } from "@/lib/sources/schema";
import { createTeam } from "@/lib/teams/mutations";
import { assignClaim } from "@/lib/verification/assignment";
import { addComment } from "@/lib/verification/comments";
import { setClaimStatus } from "@/lib/verification/mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { readLiveChanges, readLiveHead } from "./changes";
import { ARTICLE_IMPORTED, isChangeShown, NOTIFIED, SOURCE_UPDATED, type LiveScope } from "./relevance";

const db = setUpTestDatabase();
const TEXT = "The Duma bill lets firms keep private armies. Kartapolov backed it. Sokov doubts it will pass.";

/** A change as the feed hands it to a page. */
const change = (kind: string, articleId: string | null, claimId: string | null = null, people: { actorId?: string; recipientId?: string } = {}) => ({
  kind,
  articleId,
  claimId,
  actorId: people.actorId ?? "colleague",
  recipientId: people.recipientId ?? null,
});

describe("the article list", () => {
  const list: LiveScope = { page: "articles", articleIds: ["a1", "a2"], mayGainArticles: false };

  it("fetches again when a claim of an article it shows changes state or comes or goes", () => {
    for (const kind of ["status_changed", "created", "split", "merged", "deleted", "restored"]) expect(isChangeShown(list, change(kind, "a1", "c1")), kind).toBe(true);
  });

  it("leaves out what its counts do not show, and articles it does not list", () => {
    for (const kind of ["edited", "assigned", "commented", "citation_added", "verdict_given", "reordered", "reanchored", "notified"]) expect(isChangeShown(list, change(kind, "a1", "c1")), kind).toBe(false);
    expect(isChangeShown(list, change("status_changed", "a3", "c9"))).toBe(false);
    expect(isChangeShown(list, change("status_changed", null, "c9"))).toBe(false);
  });

  it("under a progress filter, takes any article's count change: it may now match", () => {
    expect(isChangeShown({ ...list, mayGainArticles: true }, change("status_changed", "a3", "c9"))).toBe(true);
    expect(isChangeShown({ ...list, mayGainArticles: true }, change("commented", "a3", "c9"))).toBe(false);
  });

  it("takes an imported article or version, listed or not", () => {
    expect(isChangeShown(list, change(ARTICLE_IMPORTED, "a9"))).toBe(true);
  });
});

describe("My claims", () => {
  const mine: LiveScope = { page: "my-claims", personId: "me", claimIds: ["c1"], listsSignOffs: false };

  it("fetches again on any shown change to a claim it lists", () => {
    for (const kind of ["edited", "status_changed", "verdict_given", "assigned", "deleted", "citation_added"]) expect(isChangeShown(mine, change(kind, "a1", "c1")), kind).toBe(true);
    expect(isChangeShown(mine, change("commented", "a1", "c1"))).toBe(false);
  });

  it("takes a claim it does not list when a colleague's assignment notifies me, or I assigned it myself, or it is restored", () => {
    expect(isChangeShown(mine, change(NOTIFIED, null, "c2", { recipientId: "me" }))).toBe(true);
    expect(isChangeShown(mine, change("assigned", "a1", "c2", { actorId: "me" }))).toBe(true);
    expect(isChangeShown(mine, change("restored", "a1", "c2"))).toBe(true);
    expect(isChangeShown(mine, change("status_changed", "a1", "c2"))).toBe(false);
  });

  it("leaves out a colleague's assignment of a claim it does not list to someone else, and others' notifications", () => {
    expect(isChangeShown(mine, change("assigned", "a1", "c2"))).toBe(false);
    expect(isChangeShown(mine, change(NOTIFIED, null, "c2", { recipientId: "someone else" }))).toBe(false);
  });

  it("takes any verdict and sign-off change only while it lists verdicts awaiting sign-off", () => {
    expect(isChangeShown(mine, change("verdict_given", "a1", "c2"))).toBe(false);
    for (const kind of ["verdict_given", "verdict_signed_off", "sign_off_withdrawn", "verdict_withdrawn"]) {
      expect(isChangeShown({ ...mine, listsSignOffs: true }, change(kind, "a1", "c2")), kind).toBe(true);
    }
  });
});

describe("a source map", () => {
  const map: LiveScope = { page: "source-map", articleId: "a1" };

  it("fetches again on its article's citations, claims and their states, not on assignments or comments", () => {
    for (const kind of ["citation_added", "citation_edited", "citation_removed", "citation_captured", "created", "deleted", "reordered", "edited", "status_changed", "verdict_given"]) {
      expect(isChangeShown(map, change(kind, "a1", "c1")), kind).toBe(true);
    }
    for (const kind of ["assigned", "commented", "notified"]) expect(isChangeShown(map, change(kind, "a1", "c1")), kind).toBe(false);
    expect(isChangeShown(map, change("citation_added", "a2", "c5"))).toBe(false);
  });

  it("fetches again when any source of the team is renamed or re-described (the feed does not say which)", () => {
    expect(isChangeShown(map, change(SOURCE_UPDATED, null))).toBe(true);
    expect(isChangeShown({ page: "articles", articleIds: ["a1"], mayGainArticles: true }, change(SOURCE_UPDATED, null))).toBe(false);
  });
});

describe("changes as the feed carries them", () => {
  it("reach the pages that show them: state to the list, assignment to My claims, a citation to the map", async () => {
    const owner = await createTestUser(db, { name: "Relevance Owner" });
    const team = await createTeam(db, { name: "Relevance", userId: owner.id });
    const actor = { teamId: team.id, userId: owner.id };
    const before = await readLiveHead(db, team.id);
    const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: "Armies", text: TEXT, removedLines: [], outlet: "Meduza" }));
    const claim = await createClaim(db, actor, { articleId, start: 0, end: TEXT.indexOf(".") + 1 });
    const other = await saveImport(db, actor, saveImportSchema.parse({ title: "Elsewhere", text: "Another text entirely.", removedLines: [] }));
    const head = await readLiveHead(db, team.id);
    await setClaimStatus(db, actor, { claimId: claim.id, revision: 1, status: "in_progress" });
    await assignClaim(db, actor, { claimId: claim.id, assigneeId: owner.id });
    await citeArticleOutlet(db, actor, { claimId: claim.id });
    await addComment(db, actor, { claimId: claim.id, body: "Seen." });
    const source = await db.source.findFirstOrThrow({ where: { teamId: team.id }, select: { id: true, revision: true } });
    await updateSource(db, actor, updateSourceSchema.parse({ sourceId: source.id, revision: source.revision, name: "Meduza (Riga)", kind: "outlet" }));
    const changes = await readLiveChanges(db, team.id, head);
    const kindsShown = (scope: LiveScope) => changes.filter((one) => isChangeShown(scope, one)).map((one) => one.kind);

    expect(kindsShown({ page: "articles", articleIds: [articleId], mayGainArticles: false })).toEqual(["status_changed"]);
    expect(kindsShown({ page: "articles", articleIds: [other.articleId], mayGainArticles: false })).toEqual([]);
    expect(kindsShown({ page: "my-claims", personId: owner.id, claimIds: [], listsSignOffs: false })).toEqual(["assigned"]);
    expect(kindsShown({ page: "my-claims", personId: "a colleague", claimIds: [], listsSignOffs: false })).toEqual([]);
    expect(kindsShown({ page: "source-map", articleId })).toEqual(expect.arrayContaining(["status_changed", "citation_added"]));
    expect(kindsShown({ page: "source-map", articleId })).not.toContain("assigned");
    expect(kindsShown({ page: "source-map", articleId })).toContain(SOURCE_UPDATED);
    expect(kindsShown({ page: "source-map", articleId: other.articleId })).toEqual([SOURCE_UPDATED]);
    // Imports are announced to the article list, each with its article.
    const imports = (await readLiveChanges(db, team.id, before)).filter((one) => one.kind === ARTICLE_IMPORTED);
    expect(imports.map((one) => one.articleId)).toEqual([articleId, other.articleId]);
  });
});

describe("an assignment as the feed carries it", () => {
  it("reaches the assignee's My claims through their notification, and no third person's", async () => {
    const ana = await createTestUser(db, { name: "Relevance Ana" });
    const ben = await createTestUser(db, { name: "Relevance Ben" });
    const cleo = await createTestUser(db, { name: "Relevance Cleo" });
    const team = await createTeam(db, { name: "Relevance Desk", userId: ana.id });
    await db.membership.createMany({ data: [{ teamId: team.id, userId: ben.id, role: "editor" }, { teamId: team.id, userId: cleo.id, role: "editor" }] });
    const actor = { teamId: team.id, userId: ana.id };
    const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: "Armies", text: TEXT, removedLines: [] }));
    const claim = await createClaim(db, actor, { articleId, start: 0, end: TEXT.indexOf(".") + 1 });
    const head = await readLiveHead(db, team.id);
    await assignClaim(db, actor, { claimId: claim.id, assigneeId: ben.id });
    const changes = await readLiveChanges(db, team.id, head);
    const isShownTo = (person: { id: string }) => changes.some((one) => isChangeShown({ page: "my-claims", personId: person.id, claimIds: [], listsSignOffs: false }, one));

    expect(changes.map((one) => one.kind).sort()).toEqual(["assigned", NOTIFIED]);
    expect(isShownTo(ben)).toBe(true);
    expect(isShownTo(cleo)).toBe(false);
  });
});
