/**
 * Bad input through the real server actions (app/**\/actions.ts), each wrapped by teamAction:
 * malformed and foreign ids, wrong types, oversize text. Every call must come back as a refusal
 * an editor can read (never a raw Prisma/SQLite message, never the generic "went wrong" fallback),
 * and the database must be exactly as before.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/config/prisma-client";

// This file sends a few hundred calls as one editor within seconds to probe each action's input
// checks, far past the per-person write throttle; the throttle has its own test
// (lib/auth/action-throttle.test.ts), so here it is off.
process.env.RATE_LIMIT_WRITES_PER_USER = "off";

const state = vi.hoisted(() => ({ db: undefined as unknown as Db, user: null as SessionUser | null }));
vi.mock("@/lib/db", () => ({
  get db() {
    return state.db;
  },
}));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => state.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const { createTestUser, setUpTestDatabase } = await import("@/tests/test-db");
const { saveImport } = await import("@/lib/articles/mutations");
const { saveImportSchema } = await import("@/lib/articles/schema");
const { createClaim } = await import("@/lib/claims/mutations");
const { addCitation } = await import("@/lib/citations/mutations");
const { addCitationSchema } = await import("@/lib/citations/schema");
const { createSource } = await import("@/lib/sources/mutations");
const { createSourceSchema } = await import("@/lib/sources/schema");
const { createTeam } = await import("@/lib/teams/mutations");
const { createInvitation } = await import("@/lib/teams/invitations");
state.db = setUpTestDatabase();

const claimActions = await import("@/app/(app)/t/[team]/articles/[articleId]/actions");
const citationActions = await import("@/app/(app)/t/[team]/articles/[articleId]/citation-actions");
const verificationActions = await import("@/app/(app)/t/[team]/articles/[articleId]/verification-actions");
const importActions = await import("@/app/(app)/t/[team]/articles/new/actions");
const sourceActions = await import("@/app/(app)/t/[team]/sources/actions");
const captureActions = await import("@/app/(app)/t/[team]/captures/actions");
const memberActions = await import("@/app/(app)/t/[team]/settings/members/actions");
const settingsActions = await import("@/app/(app)/t/[team]/settings/verification/actions");
const teamActions = await import("@/app/(app)/teams/new/actions");
const inviteActions = await import("@/app/(auth)/invite/[token]/actions");
const signUpActions = await import("@/app/(auth)/sign-up/actions");

/** What an editor must never be shown: database, driver or runtime text. */
const RAW_ERROR = /prisma|invalid `|sqlite|constraint failed|unique constraint|\bat \S+ \(|TypeError|SyntaxError|RangeError|\[object Object\]|went wrong on our side/i;

/** Ids a forged request may carry instead of a real one. */
const MALFORMED_IDS: [string, unknown][] = [
  ["empty", ""],
  ["blank", "   "],
  ["10 kB", "c".repeat(10_240)],
  ["path", "../../etc/passwd"],
  ["SQL", "' OR '1'='1"],
  ["null byte", "abc\u0000def"],
  ["emoji", "👩‍👩‍👧"],
  ["number", 42],
  ["null", null],
  ["array", ["x", "y"]],
  ["object", { id: "x" }],
];

/** Every row of every table, to prove a refused call left the database as it was. */
async function snapshotDatabase(db: Db) {
  const tables = await Promise.all([
    db.user.findMany({ orderBy: { id: "asc" } }), db.team.findMany({ orderBy: { id: "asc" } }),
    db.membership.findMany({ orderBy: { id: "asc" } }), db.invitation.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.findMany({ orderBy: { id: "asc" } }), db.article.findMany({ orderBy: { id: "asc" } }),
    db.articleVersion.findMany({ orderBy: { id: "asc" } }), db.claim.findMany({ orderBy: { id: "asc" } }),
    db.claimEvent.findMany({ orderBy: { id: "asc" } }), db.suggestionDismissal.findMany({ orderBy: { id: "asc" } }),
    db.source.findMany({ orderBy: { id: "asc" } }), db.citation.findMany({ orderBy: { id: "asc" } }),
    db.sourceCapture.findMany({ orderBy: { id: "asc" } }), db.claimComment.findMany({ orderBy: { id: "asc" } }),
  ]);
  // BigInt columns (a team's storage) as text: JSON has no integers that large.
  return JSON.parse(JSON.stringify(tables, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value)));
}

/** console.error is where teamAction reports an unexpected failure ("Server action failed"). */
function spyOnServerErrors() {
  const logged: string[] = [];
  const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg))).join(" ").slice(0, 1500));
  });
  afterAll(() => spy.mockRestore());
  return { reset: () => void logged.splice(0), messages: () => [...logged] };
}

const TEXT = "Officials said the bridge will open in 2026. Critics said the cost rose to 90 million euros.";

/** A team with an article, two claims, a citation, two sources, a member and invitations. */
async function seedTeam(db: Db, label: string) {
  const user = await createTestUser(db, { name: `${label} Owner` });
  const team = await createTeam(db, { name: `${label} Desk`, userId: user.id });
  const actor = { teamId: team.id, userId: user.id };
  const imported = await saveImport(db, actor, saveImportSchema.parse({ title: `${label} article`, outlet: `${label} Times`, text: `${label}: ${TEXT}`, removedLines: [] }));
  const articleId = imported.articleId;
  const claim = await createClaim(db, actor, { articleId, start: 0, end: label.length + 30 });
  const otherClaim = await createClaim(db, actor, { articleId, start: label.length + 47, end: label.length + 2 + TEXT.length - 1 });
  const source = await createSource(db, actor, createSourceSchema.parse({ name: `${label} Gazette`, kind: "outlet" }));
  const otherSource = await createSource(db, actor, createSourceSchema.parse({ name: `${label} Courier`, kind: "person" }));
  const citation = await addCitation(db, actor, addCitationSchema.parse({ claimId: claim.id, sourceId: source.id, relation: "states" }));
  const member = await createTestUser(db, { name: `${label} Member` });
  const membership = await db.membership.create({ data: { teamId: team.id, userId: member.id, role: "editor" } });
  const invitation = await createInvitation(db, { teamId: team.id, role: "editor", email: user.email, actorId: user.id });
  const expired = await createInvitation(db, { teamId: team.id, role: "owner", email: user.email, actorId: user.id });
  await db.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
  const revoked = await createInvitation(db, { teamId: team.id, role: "owner", email: user.email, actorId: user.id });
  await db.invitation.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
  const used = await createInvitation(db, { teamId: team.id, role: "owner", email: user.email, actorId: user.id });
  await db.invitation.update({ where: { id: used.id }, data: { acceptedAt: new Date(), acceptedById: member.id } });
  return {
    user: { id: user.id, email: user.email, name: user.name }, team, articleId, claimId: claim.id, otherClaimId: otherClaim.id,
    citationId: citation.id, sourceId: source.id, otherSourceId: otherSource.id, invitationId: invitation.id,
    memberMembershipId: membership.id, membershipId: membership.id,
    expiredToken: expired.token, revokedToken: revoked.token, usedToken: used.token,
  };
}

async function seedTwoTeams(db: Db) {
  return { mine: await seedTeam(db, "Mine"), theirs: await seedTeam(db, "Theirs") };
}

type Seed = Awaited<ReturnType<typeof seedTwoTeams>>;
type AnyAction = (input: Record<string, unknown>) => Promise<ActionResult<unknown>>;
let seed: Seed;
const errors = spyOnServerErrors();

beforeAll(async () => {
  seed = await seedTwoTeams(state.db);
  state.user = seed.mine.user;
});
afterAll(() => {
  state.user = null;
});

/** Calls an action; a redirect (Next's way of saying "done") counts as success. */
async function call(action: AnyAction, input: Record<string, unknown>): Promise<ActionResult<unknown>> {
  try {
    return await action(input);
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return { ok: true, data: digest };
    throw error;
  }
}

/** The action refused, said so readably, logged no server error, and changed nothing. */
async function expectRefusal(action: AnyAction, input: Record<string, unknown>) {
  const before = await snapshotDatabase(state.db);
  errors.reset();
  const result = await call(action, input);
  expect(result.ok, `accepted: ${JSON.stringify(result).slice(0, 300)}`).toBe(false);
  if (result.ok) return result;
  const shown = [result.message, ...Object.values(result.fieldErrors ?? {}).flat()].join(" ");
  expect(shown).toMatch(/[A-Za-z]{3}/);
  expect(shown, `${JSON.stringify(input).slice(0, 200)} logged: ${errors.messages().join(" / ")}`).not.toMatch(RAW_ERROR);
  expect(errors.messages(), "the refusal was an unexpected server error").toEqual([]);
  expect(await snapshotDatabase(state.db)).toEqual(before);
  return result;
}

/** A refusal that is about `field`: the field's own error, or "that … does not exist". */
function expectAbout(result: ActionResult<unknown>, field: string) {
  if (result.ok) return;
  const fieldErrors = Object.keys(result.fieldErrors ?? {});
  const isNotFound = /no longer exists|does not exist|not in your team|no longer in this team|already used or withdrawn|same claim|members of this team/i.test(result.message);
  expect(fieldErrors.includes(field) || isNotFound, `${field}: ${result.message} ${JSON.stringify(result.fieldErrors)}`).toBe(true);
}

type Case = {
  name: string;
  action: () => AnyAction;
  input: () => Record<string, unknown>;
  field: string;
  /** Another team's id of the same kind. */
  foreign: () => unknown;
  /** Blank and null mean "none" for this field (optional ids): not a malformed value. */
  isOptional?: boolean;
  /** The field holds a list of ids; the bad one is put next to a good one. */
  list?: () => string;
};

const team = () => seed.mine.team.slug;
const mine = () => seed.mine;
const theirs = () => seed.theirs;

const CASES: Case[] = [
  { name: "createClaim", action: () => claimActions.createClaimAction, field: "articleId", foreign: () => theirs().articleId, input: () => ({ team: team(), articleId: mine().articleId, start: 0, end: 12 }) },
  { name: "updateClaim", action: () => claimActions.updateClaimAction, field: "claimId", foreign: () => theirs().claimId, input: () => ({ team: team(), claimId: mine().claimId, revision: 1, statement: "A new statement." }) },
  { name: "deleteClaim", action: () => claimActions.deleteClaimAction, field: "claimId", foreign: () => theirs().claimId, input: () => ({ team: team(), claimId: mine().claimId }) },
  { name: "restoreClaim", action: () => claimActions.restoreClaimAction, field: "claimId", foreign: () => theirs().claimId, input: () => ({ team: team(), claimId: mine().claimId }) },
  { name: "splitClaim", action: () => claimActions.splitClaimAction, field: "claimId", foreign: () => theirs().claimId, input: () => ({ team: team(), claimId: mine().claimId, revision: 1, at: 5 }) },
  { name: "mergeClaims", action: () => claimActions.mergeClaimsAction, field: "claimIds", foreign: () => theirs().claimId, list: () => mine().claimId, input: () => ({ team: team(), claimIds: [mine().claimId, mine().otherClaimId] }) },
  { name: "moveClaim", action: () => claimActions.moveClaimAction, field: "claimId", foreign: () => theirs().claimId, input: () => ({ team: team(), claimId: mine().otherClaimId, direction: "up" }) },
  { name: "dismissSuggestion", action: () => claimActions.dismissSuggestionAction, field: "articleId", foreign: () => theirs().articleId, input: () => ({ team: team(), articleId: mine().articleId, sentence: "Some sentence." }) },
  { name: "suggestClaims", action: () => claimActions.suggestClaimsAction, field: "articleId", foreign: () => theirs().articleId, input: () => ({ team: team(), articleId: mine().articleId }) },
  { name: "markAnchorReviewed", action: () => claimActions.markAnchorReviewedAction, field: "claimId", foreign: () => theirs().claimId, input: () => ({ team: team(), claimId: mine().claimId, revision: 1 }) },
  { name: "addCitation (claim)", action: () => citationActions.addCitationAction, field: "claimId", foreign: () => theirs().claimId, input: () => ({ team: team(), claimId: mine().claimId, sourceName: "Brand New Outlet", relation: "states" }) },
  { name: "addCitation (source)", action: () => citationActions.addCitationAction, field: "sourceId", foreign: () => theirs().sourceId, isOptional: true, input: () => ({ team: team(), claimId: mine().claimId, sourceId: mine().sourceId, relation: "states" }) },
  { name: "addCitation (via, new source inline)", action: () => citationActions.addCitationAction, field: "viaCitationId", foreign: () => theirs().citationId, isOptional: true, input: () => ({ team: team(), claimId: mine().claimId, sourceName: "Inline Source Never Saved", sourceKind: "person", relation: "states", viaCitationId: mine().citationId }) },
  { name: "addCitation (relays for, new source inline)", action: () => citationActions.addCitationAction, field: "relaysForId", foreign: () => theirs().citationId, isOptional: true, input: () => ({ team: team(), claimId: mine().claimId, sourceName: "Inline Relay Never Saved", relation: "states", relaysForId: mine().citationId }) },
  { name: "updateCitation", action: () => citationActions.updateCitationAction, field: "citationId", foreign: () => theirs().citationId, input: () => ({ team: team(), citationId: mine().citationId, revision: 1, sourceId: mine().sourceId, relation: "states" }) },
  { name: "updateCitation (source)", action: () => citationActions.updateCitationAction, field: "sourceId", foreign: () => theirs().sourceId, input: () => ({ team: team(), citationId: mine().citationId, revision: 1, sourceId: mine().sourceId, relation: "states" }) },
  { name: "removeCitation", action: () => citationActions.removeCitationAction, field: "citationId", foreign: () => theirs().citationId, input: () => ({ team: team(), citationId: mine().citationId }) },
  { name: "citeArticleOutlet", action: () => citationActions.citeArticleOutletAction, field: "claimId", foreign: () => theirs().claimId, input: () => ({ team: team(), claimId: mine().claimId }) },
  { name: "setClaimStatus", action: () => verificationActions.setClaimStatusAction, field: "claimId", foreign: () => theirs().claimId, input: () => ({ team: team(), claimId: mine().claimId, revision: 1, status: "in_progress" }) },
  { name: "giveVerdict", action: () => verificationActions.giveVerdictAction, field: "claimId", foreign: () => theirs().claimId, input: () => ({ team: team(), claimId: mine().claimId, revision: 1, verdict: "not_checkable", rationale: "It is an opinion." }) },
  { name: "signOffVerdict", action: () => verificationActions.signOffVerdictAction, field: "claimId", foreign: () => theirs().claimId, input: () => ({ team: team(), claimId: mine().claimId, revision: 1 }) },
  { name: "withdrawVerdict", action: () => verificationActions.withdrawVerdictAction, field: "claimId", foreign: () => theirs().claimId, input: () => ({ team: team(), claimId: mine().claimId, revision: 1, note: "Withdrawn for a reason." }) },
  { name: "assignClaim (claim)", action: () => verificationActions.assignClaimAction, field: "claimId", foreign: () => theirs().claimId, input: () => ({ team: team(), claimId: mine().claimId, assigneeId: mine().user.id }) },
  { name: "assignClaim (assignee)", action: () => verificationActions.assignClaimAction, field: "assigneeId", foreign: () => theirs().user.id, isOptional: true, input: () => ({ team: team(), claimId: mine().claimId, assigneeId: mine().user.id }) },
  { name: "bulkUpdateClaims (article)", action: () => verificationActions.bulkUpdateClaimsAction, field: "articleId", foreign: () => theirs().articleId, input: () => ({ team: team(), articleId: mine().articleId, claimIds: [mine().claimId], status: "in_progress" }) },
  { name: "bulkUpdateClaims (assignee)", action: () => verificationActions.bulkUpdateClaimsAction, field: "assigneeId", foreign: () => theirs().user.id, isOptional: true, input: () => ({ team: team(), articleId: mine().articleId, claimIds: [mine().claimId], assigneeId: mine().user.id }) },
  { name: "addComment", action: () => verificationActions.addCommentAction, field: "claimId", foreign: () => theirs().claimId, input: () => ({ team: team(), claimId: mine().claimId, body: "A comment." }) },
  { name: "saveImport (new version of)", action: () => importActions.saveImportAction, field: "articleId", foreign: () => theirs().articleId, isOptional: true, input: () => ({ team: team(), title: "Version two", text: "Entirely new text for a second version.", removedLines: "[]", articleId: mine().articleId }) },
  { name: "updateSource", action: () => sourceActions.updateSourceAction, field: "sourceId", foreign: () => theirs().sourceId, input: () => ({ team: team(), sourceId: mine().sourceId, revision: 1, name: "Renamed Outlet", kind: "outlet" }) },
  { name: "mergeSources (keep)", action: () => sourceActions.mergeSourcesAction, field: "keepId", foreign: () => theirs().sourceId, input: () => ({ team: team(), keepId: mine().sourceId, mergeIds: mine().otherSourceId }) },
  { name: "mergeSources (merged)", action: () => sourceActions.mergeSourcesAction, field: "mergeIds", foreign: () => theirs().sourceId, list: () => mine().otherSourceId, input: () => ({ team: team(), keepId: mine().sourceId, mergeIds: [mine().otherSourceId] }) },
  { name: "captureCitation", action: () => captureActions.captureCitationAction, field: "citationId", foreign: () => theirs().citationId, input: () => ({ team: team(), citationId: mine().citationId }) },
  { name: "revokeInvitation", action: () => memberActions.revokeInvitationAction, field: "invitationId", foreign: () => theirs().invitationId, input: () => ({ team: team(), invitationId: mine().invitationId }) },
  { name: "changeRole", action: () => memberActions.changeRoleAction, field: "membershipId", foreign: () => theirs().membershipId, input: () => ({ team: team(), membershipId: mine().memberMembershipId, role: "viewer" }) },
  { name: "removeMember", action: () => memberActions.removeMemberAction, field: "membershipId", foreign: () => theirs().membershipId, input: () => ({ team: team(), membershipId: mine().memberMembershipId }) },
  { name: "confirmMemberEmail", action: () => memberActions.confirmMemberEmailAction, field: "membershipId", foreign: () => theirs().membershipId, input: () => ({ team: team(), membershipId: mine().memberMembershipId }) },
];

describe("server actions refuse malformed ids and change nothing", () => {
  for (const testCase of CASES) {
    it(`${testCase.name}: ${testCase.field}`, async () => {
      for (const [label, value] of MALFORMED_IDS) {
        if (testCase.isOptional && (value === null || (typeof value === "string" && value.trim() === ""))) continue;
        const bad = testCase.list ? [testCase.list(), value] : value;
        const result = await expectRefusal(testCase.action() as AnyAction, { ...testCase.input(), [testCase.field]: bad });
        expect.soft(result.ok, label).toBe(false);
        expectAbout(result, testCase.field);
      }
    });

    it(`${testCase.name}: another team's ${testCase.field} does not exist`, async () => {
      const foreign = testCase.list ? [testCase.list(), testCase.foreign()] : testCase.foreign();
      const result = await expectRefusal(testCase.action() as AnyAction, { ...testCase.input(), [testCase.field]: foreign });
      expectAbout(result, testCase.field);
    });
  }

  it("every action refuses a team the user is not in, or a malformed team, before reading the input", async () => {
    for (const testCase of CASES) {
      for (const slug of [theirs().team.slug, "no-such-team", "x".repeat(10_000), ["a", "b"], 7, null, "\u0000"]) {
        const result = await expectRefusal(testCase.action() as AnyAction, { ...testCase.input(), team: slug });
        if (!result.ok) expect(result.message).toMatch(/team does not exist|not a member|Check the highlighted fields/);
      }
    }
  });

});

describe("invitation and sign-up actions refuse dead or malformed tokens without leaving an account", () => {
  it("accepting a garbage, unknown, expired, revoked or used token changes nothing", async () => {
    for (const token of ["", "short", "t".repeat(10_000), ["x".repeat(20)], 12345678901, seed.theirs.expiredToken, seed.theirs.revokedToken, seed.theirs.usedToken]) {
      const result = await expectRefusal(inviteActions.acceptInvitationAction as AnyAction, { token });
      if (!result.ok) expect(result.message).toMatch(/not valid|expired|withdrawn|already been used|Check the highlighted fields/);
    }
  });

  it("signing up with a dead invitation leaves no user behind", async () => {
    state.user = null;
    try {
      for (const invitation of [seed.theirs.expiredToken, seed.theirs.revokedToken, seed.theirs.usedToken, "unknown-token-value", "i".repeat(201)]) {
        const result = await expectRefusal(signUpActions.signUpAction as AnyAction, {
          name: "Nadia Newcomer", email: `newcomer-${Math.random().toString(36).slice(2)}@example.test`, password: "long enough password", invitation,
        });
        if (!result.ok) expect(result.message).toMatch(/not valid|expired|withdrawn|already been used|Check the highlighted fields/);
      }
    } finally {
      state.user = seed.mine.user;
    }
  });
});

describe("text fields: wrong types and oversize values are refused by the field", () => {
  const WRONG_TYPES: [string, unknown][] = [["number", 12345], ["array", ["a", "b"]], ["object", { text: "x" }], ["boolean", true]];

  const TEXT_CASES: { name: string; action: () => AnyAction; field: string; input: () => Record<string, unknown>; tooLong: string }[] = [
    { name: "claim statement", action: () => claimActions.updateClaimAction as AnyAction, field: "statement", tooLong: "s".repeat(2_001), input: () => ({ team: team(), claimId: mine().claimId, revision: 1, statement: "ok statement" }) },
    { name: "new claim statement", action: () => claimActions.createClaimAction as AnyAction, field: "statement", tooLong: "s".repeat(2_001), input: () => ({ team: team(), articleId: mine().articleId, start: 0, end: 12, statement: "ok statement" }) },
    { name: "comment", action: () => verificationActions.addCommentAction as AnyAction, field: "body", tooLong: "c".repeat(5_001), input: () => ({ team: team(), claimId: mine().claimId, body: "ok" }) },
    { name: "rationale", action: () => verificationActions.giveVerdictAction as AnyAction, field: "rationale", tooLong: "r".repeat(10_001), input: () => ({ team: team(), claimId: mine().claimId, revision: 1, verdict: "not_checkable", rationale: "ok" }) },
    { name: "source name", action: () => sourceActions.createSourceAction as AnyAction, field: "name", tooLong: "n".repeat(201), input: () => ({ team: team(), name: "Some Outlet", kind: "outlet" }) },
    { name: "source notes", action: () => sourceActions.createSourceAction as AnyAction, field: "notes", tooLong: "n".repeat(5_001), input: () => ({ team: team(), name: "Some Outlet", kind: "outlet" }) },
    { name: "source reliability", action: () => sourceActions.createSourceAction as AnyAction, field: "reliability", tooLong: "n".repeat(2_001), input: () => ({ team: team(), name: "Some Outlet", kind: "outlet" }) },
    { name: "source homepage", action: () => sourceActions.createSourceAction as AnyAction, field: "homepage", tooLong: `https://example.org/${"p".repeat(2_000)}`, input: () => ({ team: team(), name: "Some Outlet", kind: "outlet" }) },
    { name: "citation passage", action: () => citationActions.addCitationAction as AnyAction, field: "passage", tooLong: "p".repeat(5_001), input: () => ({ team: team(), claimId: mine().claimId, sourceId: mine().sourceId, relation: "states" }) },
    { name: "citation note", action: () => citationActions.addCitationAction as AnyAction, field: "note", tooLong: "p".repeat(2_001), input: () => ({ team: team(), claimId: mine().claimId, sourceId: mine().sourceId, relation: "states" }) },
    { name: "citation url", action: () => citationActions.addCitationAction as AnyAction, field: "url", tooLong: `https://example.org/${"p".repeat(2_000)}`, input: () => ({ team: team(), claimId: mine().claimId, sourceId: mine().sourceId, relation: "states" }) },
    { name: "new source name in a citation", action: () => citationActions.addCitationAction as AnyAction, field: "sourceName", tooLong: "n".repeat(201), input: () => ({ team: team(), claimId: mine().claimId, sourceName: "Inline", relation: "states" }) },
    { name: "article title", action: () => importActions.saveImportAction as AnyAction, field: "title", tooLong: "t".repeat(501), input: () => ({ team: team(), title: "A title", text: "Unique text for the title case.", removedLines: "[]" }) },
    { name: "article outlet", action: () => importActions.saveImportAction as AnyAction, field: "outlet", tooLong: "o".repeat(201), input: () => ({ team: team(), title: "A title", text: "Unique text for the outlet case.", removedLines: "[]" }) },
    { name: "article author", action: () => importActions.saveImportAction as AnyAction, field: "author", tooLong: "a".repeat(301), input: () => ({ team: team(), title: "A title", text: "Unique text for the author case.", removedLines: "[]" }) },
    { name: "team name", action: () => teamActions.createTeamAction as AnyAction, field: "name", tooLong: "t".repeat(81), input: () => ({ name: "A team" }) },
    { name: "verdict label", action: () => settingsActions.updateVerificationSettingsAction as AnyAction, field: "labels", tooLong: "l".repeat(61), input: () => ({ team: team(), revision: 1, accurateNeeds: "origin_or_two_independent", requireSignOff: "" }) },
  ];

  for (const textCase of TEXT_CASES) {
    it(`${textCase.name}: too long, or not a string`, async () => {
      const field = textCase.field === "labels" ? "label_false" : textCase.field;
      const tooLong = await expectRefusal(textCase.action(), { ...textCase.input(), [field]: textCase.tooLong });
      expect(Object.keys(tooLong.ok ? {} : (tooLong.fieldErrors ?? {}))).toContain(textCase.field);
      for (const [label, value] of WRONG_TYPES) {
        const result = await expectRefusal(textCase.action(), { ...textCase.input(), [field]: value });
        expect.soft(Object.keys(result.ok ? {} : (result.fieldErrors ?? {})), label).toContain(textCase.field);
      }
    });
  }

  it("a javascript: or data: address is refused wherever an address is typed", async () => {
    const addresses = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "//evil.example/x", "http://"];
    for (const url of addresses) {
      for (const [action, field, input] of [
        [citationActions.addCitationAction, "url", { team: team(), claimId: mine().claimId, sourceId: mine().sourceId, relation: "states" }],
        [citationActions.addCitationAction, "archiveUrl", { team: team(), claimId: mine().claimId, sourceId: mine().sourceId, relation: "states" }],
        [sourceActions.createSourceAction, "homepage", { team: team(), name: "Script Outlet", kind: "outlet" }],
        [importActions.saveImportAction, "url", { team: team(), title: "Script page", text: `Text about ${url} that is new.`, removedLines: "[]" }],
      ] as const) {
        const result = await expectRefusal(action as AnyAction, { ...input, [field]: url });
        expect.soft(Object.keys(result.ok ? {} : (result.fieldErrors ?? {})), `${field} ${url}`).toContain(field);
      }
    }
  });
});

describe("numbers: negative, huge, NaN and non-numbers are refused", () => {
  const NUMBERS: [string, unknown][] = [["negative", -1], ["zero", 0], ["fraction", 1.5], ["NaN", Number.NaN], ["NaN text", "NaN"], ["Infinity", "Infinity"], ["word", "one"], ["above 2^53", 2 ** 60]];

  it("revisions", async () => {
    for (const [label, revision] of NUMBERS) {
      const result = await expectRefusal(claimActions.updateClaimAction as AnyAction, { team: team(), claimId: mine().claimId, revision, statement: "A statement." });
      expect.soft(Object.keys(result.ok ? {} : (result.fieldErrors ?? {})), label).toContain("revision");
    }
  });

  it("a revision beyond a 32-bit integer is refused as a stale save, not a server error", async () => {
    for (const revision of [2 ** 31, 2 ** 40, "9007199254740991"]) {
      const result = await expectRefusal(claimActions.updateClaimAction as AnyAction, { team: team(), claimId: mine().claimId, revision, statement: "A statement." });
      expect(result.ok ? "" : result.message).toMatch(/while you were editing/);
    }
  });

  it("offsets of a new claim and a split", async () => {
    for (const [label, start] of NUMBERS.filter(([label]) => label !== "zero")) {
      const result = await expectRefusal(claimActions.createClaimAction as AnyAction, { team: team(), articleId: mine().articleId, start, end: 12 });
      expect.soft(result.ok, label).toBe(false);
    }
    for (const [start, end] of [[0, 10_000_000], [5, 5], [9, 3], [100_000, 100_010]]) {
      await expectRefusal(claimActions.createClaimAction as AnyAction, { team: team(), articleId: mine().articleId, start, end });
    }
    for (const at of [-1, 0, 1_000_000, Number.NaN, "x"]) {
      await expectRefusal(claimActions.splitClaimAction as AnyAction, { team: team(), claimId: mine().claimId, revision: 1, at });
    }
  });

  it("verdict ratings and invitation days", async () => {
    for (const value of ["0", "6", "2.5", "-3", "NaN", "lots"]) {
      const result = await expectRefusal(settingsActions.updateVerificationSettingsAction as AnyAction, {
        team: team(), revision: 1, accurateNeeds: "origin_or_two_independent", rating_false: value,
      });
      expect.soft(result.ok, value).toBe(false);
    }
    for (const days of ["0", "31", "-1", "1e9", "NaN", "week"]) {
      await expectRefusal(memberActions.createInvitationAction as AnyAction, { team: team(), role: "editor", email: "colleague@example.test", days });
    }
  });

  it("enumerations: unknown verdicts, states, relations, kinds and roles", async () => {
    const calls: [AnyAction, Record<string, unknown>][] = [
      [verificationActions.giveVerdictAction as AnyAction, { team: team(), claimId: mine().claimId, revision: 1, verdict: "pants_on_fire", rationale: "x" }],
      [verificationActions.setClaimStatusAction as AnyAction, { team: team(), claimId: mine().claimId, revision: 1, status: "published" }],
      [citationActions.addCitationAction as AnyAction, { team: team(), claimId: mine().claimId, sourceId: mine().sourceId, relation: "<script>" }],
      [sourceActions.createSourceAction as AnyAction, { team: team(), name: "Kindless", kind: "blog" }],
      [memberActions.changeRoleAction as AnyAction, { team: team(), membershipId: mine().memberMembershipId, role: "admin" }],
      [memberActions.createInvitationAction as AnyAction, { team: team(), role: "superuser", email: "colleague@example.test" }],
      [claimActions.moveClaimAction as AnyAction, { team: team(), claimId: mine().claimId, direction: "sideways" }],
    ];
    for (const [action, input] of calls) await expectRefusal(action, input);
  });
});

describe("the import form's hidden fields", () => {
  // Was a bug: a tampered or truncated `removedLines` threw a SyntaxError out of the schema, and
  // the editor got "Something went wrong on our side".
  it("a removedLines field that is not JSON is a field error", async () => {
    const result = await expectRefusal(importActions.saveImportAction as AnyAction, { team: team(), title: "T", text: "Fresh text.", removedLines: "not json" });
    expect(Object.keys(result.ok ? {} : (result.fieldErrors ?? {}))).toContain("removedLines");
  });

  it("removedLines that are not a list of line numbers, and text that ends up empty, are refused", async () => {
    for (const removedLines of ['{"a":1}', "[-1]", "[1.5]", '["x"]', JSON.stringify(Array.from({ length: 10_001 }, (_, i) => i))]) {
      await expectRefusal(importActions.saveImportAction as AnyAction, { team: team(), title: "T", text: "Fresh text two.", removedLines });
    }
    await expectRefusal(importActions.saveImportAction as AnyAction, { team: team(), title: "T", text: "Only line", removedLines: "[0]" });
    await expectRefusal(importActions.saveImportAction as AnyAction, { team: team(), title: "T", text: "", removedLines: "[]" });
    await expectRefusal(importActions.saveImportAction as AnyAction, { team: team(), title: "T", text: "x".repeat(2_200_001), removedLines: "[]" });
  });

  it("a preview of a paste or upload that is too big, binary or not UTF-8 is refused by the field", async () => {
    const file = (bytes: Uint8Array<ArrayBuffer>, name: string, type = "text/plain") => new File([bytes], name, { type });
    const inputs: Record<string, unknown>[] = [
      { mode: "paste", text: "a".repeat(5 * 1024 * 1024 + 1) },
      { mode: "paste", text: "   \n\t  " },
      { mode: "paste", text: ["not", "a", "string"] },
      { mode: "file", file: file(new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61), "huge.txt") },
      { mode: "file", file: file(new Uint8Array([0xc3, 0x28, 0xa0, 0xa1, 0x61, 0x62]), "latin.txt") },
      { mode: "file", file: file(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), "report.pdf.txt") },
      { mode: "file", file: file(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]), "program.txt") },
      { mode: "file", file: file(new Uint8Array([0x61]), "archive.zip", "application/zip") },
      { mode: "file", file: "not a file" },
      { mode: "file" },
      { mode: "fax", text: "hello" },
    ];
    for (const input of inputs) {
      const result = await expectRefusal(importActions.previewImportAction as AnyAction, { team: team(), ...input });
      expect.soft(result.ok ? "" : result.message, JSON.stringify(input).slice(0, 80)).not.toBe("");
    }
  });
  it("an empty file is named as empty; a form sent without a file asks for one", async () => {
    const empty = await expectRefusal(importActions.previewImportAction as AnyAction, { team: team(), mode: "file", file: new File([], "empty.txt", { type: "text/plain" }) });
    expect(empty.ok ? "" : empty.message).toBe('"empty.txt" is empty.');
    // What a browser sends when no file was chosen: a nameless, empty file.
    const none = await expectRefusal(importActions.previewImportAction as AnyAction, { team: team(), mode: "file", file: new File([], "", { type: "application/octet-stream" }) });
    expect(none.ok ? "" : none.message).toMatch(/Choose a .* file to upload/);
  });
});

describe("bulk and list inputs", () => {
  it("too many, too few, duplicated and malformed ids in lists", async () => {
    const many = Array.from({ length: 1_001 }, (_, i) => `claim-${i}`);
    await expectRefusal(verificationActions.bulkUpdateClaimsAction as AnyAction, { team: team(), articleId: mine().articleId, claimIds: many, status: "in_progress" });
    await expectRefusal(verificationActions.bulkUpdateClaimsAction as AnyAction, { team: team(), articleId: mine().articleId, claimIds: [], status: "in_progress" });
    await expectRefusal(verificationActions.bulkUpdateClaimsAction as AnyAction, { team: team(), articleId: mine().articleId, claimIds: "not-a-list", status: "in_progress" });
    await expectRefusal(verificationActions.bulkUpdateClaimsAction as AnyAction, { team: team(), articleId: mine().articleId, claimIds: [mine().claimId] });
    await expectRefusal(claimActions.mergeClaimsAction as AnyAction, { team: team(), claimIds: [mine().claimId] });
    await expectRefusal(claimActions.mergeClaimsAction as AnyAction, { team: team(), claimIds: Array.from({ length: 51 }, () => mine().claimId) });
    await expectRefusal(sourceActions.mergeSourcesAction as AnyAction, { team: team(), keepId: mine().sourceId, mergeIds: mine().sourceId });
    await expectRefusal(sourceActions.mergeSourcesAction as AnyAction, { team: team(), keepId: mine().sourceId, mergeIds: Array.from({ length: 21 }, (_, i) => `s${i}`) });
  });

  // Was a bug: one claim's id twice passed the schema's min(2), and the "merge" rewrote that claim
  // and recorded "Merged 0 claim(s) into this one".
  it("merging a claim with itself is refused and writes nothing", async () => {
    await expectRefusal(claimActions.mergeClaimsAction as AnyAction, { team: team(), claimIds: [mine().otherClaimId, mine().otherClaimId] });
  });
});

describe("ill-formed Unicode (a lone surrogate, only possible in a forged request)", () => {
  // A string holding a lone surrogate ("\uD800") can come in a forged action request (React
  // encodes action arguments as JSON); Prisma cannot send it ("JSON Error: unexpected end of hex
  // escape"). The action wrappers refuse it before any query, whatever the field.
  it("a lone surrogate in an id is refused readably", async () => {
    const result = await expectRefusal(claimActions.updateClaimAction as AnyAction, { team: team(), claimId: "\uD800x", revision: 1, statement: "A statement." });
    expectAbout(result, "claimId");
  });

  it("a lone surrogate in a text field is refused readably", async () => {
    const result = await expectRefusal(verificationActions.addCommentAction as AnyAction, { team: team(), claimId: mine().claimId, body: "broken \uDC00 text" });
    expectAbout(result, "body");
  });

  it("a lone surrogate in the team field is refused readably", async () => {
    const result = await expectRefusal(verificationActions.addCommentAction as AnyAction, { team: "\uD800", claimId: mine().claimId, body: "text" });
    expectAbout(result, "team");
  });
});

describe("the fixture", () => {
  it("the base inputs are valid: the same calls with good ids succeed", async () => {
    // Proves the refusals above are about the bad field, not a mistake in the fixture.
    for (const name of ["createClaim", "updateClaim", "addComment", "addCitation (via, new source inline)", "assignClaim (assignee)", "updateSource"]) {
      const testCase = CASES.find((entry) => entry.name === name)!;
      const result = await call(testCase.action() as AnyAction, testCase.input());
      expect(result, name).toMatchObject({ ok: true });
    }
  });
});
