/**
 * THE list of every entry point: pages, route handlers (with their methods) and server actions,
 * each with the access it is designed to need and a valid sample input built from one team's
 * objects. `lib/auth/authz-list.test.ts` fails when app/ has an entry point that is not here (or
 * this names one that is gone); `lib/auth/authz-actions.test.ts` (actions, in process) and
 * `e2e/authz.spec.ts` (pages and routes, over HTTP) call each as anonymous, as a member of
 * another team, as viewer, editor and owner, and with another team's object ids.
 *
 * Adding an endpoint: add it here with the permission it checks (lib/auth/roles.ts) and an input
 * that succeeds for an allowed caller on the fixture of tests/authz/world.ts.
 */
import type { Permission } from "../../lib/auth/roles";
import type { Db } from "../../lib/config/prisma-client";
import { accountCallers } from "./account-callers";

/**
 * `public`: anyone; `signed-in`: any signed-in user; `invitee`: the signed-in account whose address
 * the invitation names (anyone else is refused, FORBIDDEN); a permission: a team member whose role has it.
 */
export type Access = "public" | "signed-in" | "invitee" | Permission;

/** One team's objects (tests/authz/world.ts makes them); sample inputs and URLs name them. */
export type TeamObjects = {
  slug: string;
  articleId: string;
  /** A passage of the article that no claim covers yet: [freeStart, freeEnd). */
  freeStart: number;
  freeEnd: number;
  /** The first claim: two citations (the second relays the first), a verdict by another editor. */
  claimId: string;
  claimRevision: number;
  /** An article offset inside the first claim's quote, where it can be split. */
  claimSplitAt: number;
  secondClaimId: string;
  deletedClaimId: string;
  sourceId: string;
  sourceName: string;
  sourceRevision: number;
  secondSourceId: string;
  /** The first claim's origin citation: it has a URL, a passage and a capture. */
  citationId: string;
  /** The first claim's second citation, relayed via `citationId`. */
  relayCitationId: string;
  relayCitationRevision: number;
  captureId: string;
  invitationId: string;
  invitationToken: string;
  /** A single-use password-reset link and email-verification link for a member of the team. */
  resetToken: string;
  verifyToken: string;
  /** An editor of the team who is not one of the test's actors: the one assigned, re-roled, removed. */
  memberUserId: string;
  memberMembershipId: string;
};

/** The password of the member the reset and verification links are for (tests/authz/world.ts). */
export const LINK_PASSWORD = "the member's own password";

/** The keys that hold ids of a team's objects: each is tried with another team's id. */
export const OBJECT_ID_KEYS = [
  "articleId",
  "claimId",
  "secondClaimId",
  "deletedClaimId",
  "sourceId",
  "secondSourceId",
  "citationId",
  "relayCitationId",
  "captureId",
  "invitationId",
  "memberUserId",
  "memberMembershipId",
] as const satisfies readonly (keyof TeamObjects)[];
export type ObjectIdKey = (typeof OBJECT_ID_KEYS)[number];

/** What a page does for a caller it lets in, when that is not simply showing itself (200). */
export type PageAnswer = { redirect: RegExp };

export type PageEntry = {
  kind: "page";
  /** The URL pattern, as the folder names it without route groups: `/t/[team]/sources/[sourceId]`. */
  route: string;
  access: Exclude<Access, "invitee">;
  /** Designed answers that are not "200" for an allowed caller (the front door and sign-in redirect). */
  anonymous?: PageAnswer;
  signedIn?: PageAnswer;
};

export type RouteEntry = {
  kind: "route";
  route: string;
  methods: readonly HttpMethod[];
  access: Exclude<Access, "invitee">;
  query?: string;
  /** The status an allowed caller gets per method, when not 200. */
  status?: Partial<Record<HttpMethod, number>>;
};

export type ActionEntry = {
  kind: "action";
  /** The "use server" module, from the repository root. */
  module: string;
  name: string;
  access: Access;
  /** A valid input for a caller the action lets in (the team slug is added for team actions). */
  input: (team: TeamObjects) => Record<string, unknown>;
  /**
   * A list of ids where another team's ids are skipped (reported back), not refused: the call
   * may succeed for the caller's own ids, but must leave the other team's rows alone.
   */
  skipsForeignIds?: boolean;
  /**
   * For an action on the caller's own account: prepares what its input needs for this caller
   * (tests/authz/account-callers.ts) and returns the fields that name it, added to `input`.
   */
  prepareForCaller?: (db: Db, caller: { id: string; email: string }) => Promise<Record<string, unknown>>;
};

export type EndpointEntry = PageEntry | RouteEntry | ActionEntry;

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

const signInRedirect: PageAnswer = { redirect: /^\/sign-in(\?|$)/ };

export const pages: PageEntry[] = [
  { kind: "page", route: "/", access: "public", anonymous: signInRedirect, signedIn: { redirect: /^\/(t\/[^/?]+|teams\/new)(\?|$)/ } },
  { kind: "page", route: "/sign-in", access: "public", signedIn: { redirect: /^\/$/ } },
  { kind: "page", route: "/sign-up", access: "public", signedIn: { redirect: /^\/$/ } },
  { kind: "page", route: "/forgot-password", access: "public", signedIn: { redirect: /^\/$/ } },
  { kind: "page", route: "/reset-password/[token]", access: "public" },
  { kind: "page", route: "/verify-email/[token]", access: "public" },
  { kind: "page", route: "/invite/[token]", access: "public" },
  { kind: "page", route: "/teams/new", access: "signed-in" },
  { kind: "page", route: "/account", access: "signed-in" },
  { kind: "page", route: "/t/[team]", access: "team:read" },
  { kind: "page", route: "/t/[team]/my-claims", access: "team:read" },
  { kind: "page", route: "/t/[team]/notifications", access: "team:read" },
  { kind: "page", route: "/t/[team]/reports", access: "team:read" },
  { kind: "page", route: "/t/[team]/settings/members", access: "team:read" },
  { kind: "page", route: "/t/[team]/settings/verification", access: "member:manage" },
  { kind: "page", route: "/t/[team]/sources", access: "team:read" },
  { kind: "page", route: "/t/[team]/sources/new", access: "content:write" },
  { kind: "page", route: "/t/[team]/sources/[sourceId]", access: "team:read" },
  { kind: "page", route: "/t/[team]/captures/[captureId]", access: "team:read" },
  { kind: "page", route: "/t/[team]/articles/new", access: "content:write" },
  { kind: "page", route: "/t/[team]/articles/[articleId]", access: "team:read" },
  { kind: "page", route: "/t/[team]/articles/[articleId]/new-version", access: "content:write" },
  { kind: "page", route: "/t/[team]/articles/[articleId]/report", access: "report:export" },
  { kind: "page", route: "/t/[team]/articles/[articleId]/sources", access: "team:read" },
  { kind: "page", route: "/t/[team]/articles/[articleId]/claims/[claimId]", access: "team:read" },
];

export const routes: RouteEntry[] = [
  // next-auth's own endpoints; /api/auth/session stands for all of them. A POST without the CSRF
  // token (as a forged cross-site form would send it) is refused with 400 whoever sends it.
  { kind: "route", route: "/api/health", methods: ["GET"], access: "public" },
  { kind: "route", route: "/api/auth/[...nextauth]", methods: ["GET", "POST"], access: "public", status: { POST: 400 } },
  { kind: "route", route: "/api/t/[team]/articles/[articleId]/report", methods: ["GET"], access: "report:export", query: "format=json" },
  { kind: "route", route: "/api/t/[team]/reports/export", methods: ["GET"], access: "report:export", query: "format=json" },
  // The live stream; `once=1` answers what there is and ends, which a request that reads the whole answer needs.
  { kind: "route", route: "/api/t/[team]/live", methods: ["GET"], access: "team:read", query: "once=1" },
  // An open page's presence (lib/presence): the heartbeat and the leave, each answered 204.
  { kind: "route", route: "/api/t/[team]/articles/[articleId]/presence", methods: ["POST", "DELETE"], access: "team:read", query: "tab=authz-matrix-page&activity=viewing", status: { POST: 204, DELETE: 204 } },
];

const ARTICLE_PAGE = "app/(app)/t/[team]/articles/[articleId]";
const claimActions = `${ARTICLE_PAGE}/actions.ts`;
const citationActions = `${ARTICLE_PAGE}/citation-actions.ts`;
const verificationActions = `${ARTICLE_PAGE}/verification-actions.ts`;
const liveActions = `${ARTICLE_PAGE}/live-actions.ts`;
const importActions = "app/(app)/t/[team]/articles/new/actions.ts";
const captureActions = "app/(app)/t/[team]/captures/actions.ts";
const sourceActions = "app/(app)/t/[team]/sources/actions.ts";
const memberActions = "app/(app)/t/[team]/settings/members/actions.ts";
const settingsActions = "app/(app)/t/[team]/settings/verification/actions.ts";
const accountActions = "app/(app)/account/actions.ts";
const notificationActions = "app/(app)/t/[team]/notifications/actions.ts";

const RATIONALE = "Nobody can check this: the only record is private.";
const NEW_VERSION_TEXT = "The council approved the budget on Monday. The mayor said the vote was unanimous. A new paragraph was added later.";

function action(module: string, name: string, access: Access, input: ActionEntry["input"], extra: Partial<ActionEntry> = {}): ActionEntry {
  return { kind: "action", module, name, access, input, ...extra };
}

export const actions: ActionEntry[] = [
  // The article workspace: claims.
  action(claimActions, "createClaimAction", "content:write", (t) => ({ articleId: t.articleId, start: t.freeStart, end: t.freeEnd })),
  action(claimActions, "updateClaimAction", "content:write", (t) => ({ claimId: t.claimId, revision: t.claimRevision, statement: "The council approved the budget." })),
  action(claimActions, "deleteClaimAction", "content:write", (t) => ({ claimId: t.claimId })),
  action(claimActions, "restoreClaimAction", "content:write", (t) => ({ claimId: t.deletedClaimId })),
  action(claimActions, "splitClaimAction", "content:write", (t) => ({ claimId: t.claimId, revision: t.claimRevision, at: t.claimSplitAt })),
  action(claimActions, "mergeClaimsAction", "content:write", (t) => ({ claimIds: [t.claimId, t.secondClaimId] })),
  action(claimActions, "moveClaimAction", "content:write", (t) => ({ claimId: t.secondClaimId, direction: "up" })),
  action(claimActions, "dismissSuggestionAction", "content:write", (t) => ({ articleId: t.articleId, sentence: "The mayor said the vote was unanimous." })),
  action(claimActions, "suggestClaimsAction", "content:write", (t) => ({ articleId: t.articleId })),
  action(claimActions, "markAnchorReviewedAction", "content:write", (t) => ({ claimId: t.claimId, revision: t.claimRevision })),
  // Citations.
  action(citationActions, "addCitationAction", "content:write", (t) => ({
    claimId: t.claimId, sourceId: t.secondSourceId, relation: "states", url: "https://wire.example/story", relaysForId: t.citationId, isOrigin: false,
  })),
  action(citationActions, "updateCitationAction", "content:write", (t) => ({
    citationId: t.relayCitationId, revision: t.relayCitationRevision, sourceId: t.sourceId, relation: "corroborates", viaCitationId: t.citationId, isOrigin: false,
  })),
  action(citationActions, "removeCitationAction", "content:write", (t) => ({ citationId: t.citationId })),
  action(citationActions, "citeArticleOutletAction", "content:write", (t) => ({ claimId: t.secondClaimId })),
  action(
    citationActions,
    "bulkCiteOutletAction",
    "content:write",
    (t) => ({ articleId: t.articleId, claimIds: [t.claimId, t.secondClaimId] }),
    { skipsForeignIds: true },
  ),
  action(citationActions, "reuseCitationsAction", "content:write", (t) => ({ claimId: t.secondClaimId, fromClaimId: t.claimId })),
  // Verification.
  action(verificationActions, "setClaimStatusAction", "content:write", (t) => ({ claimId: t.claimId, revision: t.claimRevision, status: "needs_review" })),
  action(verificationActions, "giveVerdictAction", "content:write", (t) => ({ claimId: t.claimId, revision: t.claimRevision, verdict: "not_checkable", rationale: RATIONALE })),
  action(verificationActions, "signOffVerdictAction", "content:write", (t) => ({ claimId: t.claimId, revision: t.claimRevision })),
  action(verificationActions, "withdrawVerdictAction", "content:write", (t) => ({ claimId: t.claimId, revision: t.claimRevision, note: "Sent back for more checking." })),
  action(verificationActions, "assignClaimAction", "content:write", (t) => ({ claimId: t.claimId, assigneeId: t.memberUserId })),
  action(
    verificationActions,
    "bulkUpdateClaimsAction",
    "content:write",
    (t) => ({ articleId: t.articleId, claimIds: [t.claimId, t.secondClaimId], assigneeId: t.memberUserId }),
    { skipsForeignIds: true },
  ),
  action(
    verificationActions,
    "bulkSignOffAction",
    "content:write",
    (t) => ({ articleId: t.articleId, claims: [{ claimId: t.claimId, revision: t.claimRevision }, { claimId: t.secondClaimId, revision: 1 }] }),
    { skipsForeignIds: true },
  ),
  action(verificationActions, "addCommentAction", "content:write", (t) => ({ claimId: t.claimId, body: "Ask the council for the minutes." })),
  action(liveActions, "readClaimStatesAction", "team:read", (t) => ({ claimIds: [t.claimId, t.secondClaimId] })),
  action(liveActions, "readDecidedSuggestionsAction", "team:read", (t) => ({ articleId: t.articleId })),
  action(liveActions, "readWorkspaceRowsAction", "team:read", (t) => ({ articleId: t.articleId, claimIds: [t.claimId, t.secondClaimId, t.deletedClaimId] })),
  // The caller's own inbox (each acts on the caller's notifications alone: lib/notifications/create.test.ts).
  action(notificationActions, "readUnreadCountAction", "team:read", () => ({})),
  action(notificationActions, "markNotificationsReadAction", "team:read", () => ({})),
  action(notificationActions, "setEmailPreferencesAction", "team:read", () => ({ kinds: ["mentioned", "assigned"] })),
  // Import.
  action(importActions, "previewImportAction", "content:write", () => ({ mode: "paste", text: NEW_VERSION_TEXT })),
  action(importActions, "saveImportAction", "content:write", (t) => ({
    articleId: t.articleId, title: "Council approves the budget", text: NEW_VERSION_TEXT, removedLines: "[]", source: "paste",
  })),
  // Page capture.
  action(captureActions, "captureCitationAction", "content:write", (t) => ({ citationId: t.citationId })),
  // The source registry.
  action(sourceActions, "createSourceAction", "content:write", () => ({ name: "Harbour Gazette", kind: "outlet", domains: "harbourgazette.example" })),
  action(sourceActions, "updateSourceAction", "content:write", (t) => ({
    sourceId: t.sourceId, revision: t.sourceRevision, name: t.sourceName, kind: "document", notes: "Published every Monday.",
  })),
  action(sourceActions, "mergeSourcesAction", "content:write", (t) => ({ keepId: t.sourceId, mergeIds: [t.secondSourceId] })),
  action(sourceActions, "searchSourcesAction", "team:read", () => ({ q: "Record" })),
  // Members and settings.
  action(memberActions, "createInvitationAction", "member:manage", () => ({ role: "editor", email: "new.colleague@authz.test", days: "7" })),
  action(memberActions, "revokeInvitationAction", "member:manage", (t) => ({ invitationId: t.invitationId })),
  action(memberActions, "changeRoleAction", "member:manage", (t) => ({ membershipId: t.memberMembershipId, role: "viewer" })),
  action(memberActions, "removeMemberAction", "member:manage", (t) => ({ membershipId: t.memberMembershipId })),
  action(memberActions, "confirmMemberEmailAction", "member:manage", (t) => ({ membershipId: t.memberMembershipId })),
  action(memberActions, "leaveTeamAction", "team:read", () => ({})),
  action(settingsActions, "updateVerificationSettingsAction", "member:manage", () => ({
    revision: 1, accurateNeeds: "one_citation", requireSignOff: "on", label_false: "Wrong", rating_false: "1", rating_accurate: "5",
  })),
  // Outside any one team. An invitation's token works only for the address it names.
  action("app/(app)/teams/new/actions.ts", "createTeamAction", "signed-in", () => ({ name: "Evening Desk" })),
  action("app/(auth)/invite/[token]/actions.ts", "acceptInvitationAction", "invitee", (t) => ({ token: t.invitationToken })),
  // The account links: the token is the capability, for anyone who holds it; the rest answer alike for every address.
  action("app/(auth)/sign-in/actions.ts", "resendVerificationAction", "public", () => ({ email: "waiting@authz.test" })),
  action("app/(auth)/forgot-password/actions.ts", "requestPasswordResetAction", "public", () => ({ email: "forgetful@authz.test" })),
  action("app/(auth)/reset-password/[token]/actions.ts", "resetPasswordAction", "public", (t) => ({ token: t.resetToken, password: "a brand new password" })),
  action("app/(auth)/verify-email/[token]/actions.ts", "confirmEmailAction", "public", (t) => ({ token: t.verifyToken, password: LINK_PASSWORD })),
  // The account page: the caller's own sessions, password, two-step verification and account.
  action(accountActions, "changePasswordAction", "signed-in", () => ({ newPassword: "a fresh lantern orchard" }), { prepareForCaller: accountCallers.withPassword }),
  action(accountActions, "endSessionAction", "signed-in", () => ({}), { prepareForCaller: accountCallers.withSession }),
  action(accountActions, "signOutEverywhereAction", "signed-in", () => ({})),
  action(accountActions, "startTwoStepAction", "signed-in", () => ({}), { prepareForCaller: accountCallers.withPassword }),
  action(accountActions, "confirmTwoStepAction", "signed-in", () => ({}), { prepareForCaller: accountCallers.withPendingAuthenticator }),
  action(accountActions, "cancelTwoStepAction", "signed-in", () => ({})),
  action(accountActions, "turnOffTwoStepAction", "signed-in", () => ({}), { prepareForCaller: accountCallers.withAuthenticator }),
  action(accountActions, "deleteAccountAction", "signed-in", () => ({}), { prepareForCaller: accountCallers.withEmailTyped }),
  action("app/(auth)/sign-up/actions.ts", "signUpAction", "public", (t) => ({
    name: "New Reporter", email: `new-${t.invitationId.slice(-8).toLowerCase()}-${Date.now()}@example.test`, password: "a long enough password",
  })),
];

export const endpoints: EndpointEntry[] = [...pages, ...routes, ...actions];

/** Param names in a route pattern, and the object each stands for. */
const ROUTE_PARAMS: Record<string, (team: TeamObjects) => string> = {
  team: (t) => t.slug,
  articleId: (t) => t.articleId,
  claimId: (t) => t.claimId,
  sourceId: (t) => t.sourceId,
  captureId: (t) => t.captureId,
  token: (t) => t.invitationToken,
  nextauth: () => "session",
};

/** The route's URL for one team's objects: `/t/[team]/sources/[sourceId]` -> `/t/desk-1/sources/c…`. */
export function fillRoute(route: string, team: TeamObjects): string {
  return route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_match, name: string) => {
    const value = ROUTE_PARAMS[name];
    if (!value) throw new Error(`No sample value for [${name}] in ${route}: add it to ROUTE_PARAMS in tests/authz/endpoints.ts`);
    return encodeURIComponent(value(team));
  });
}

/** The object-id params of a route (besides the team), e.g. ["articleId", "claimId"]. */
export function listRouteObjectKeys(route: string): ObjectIdKey[] {
  const names = [...route.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1]);
  return names.filter((name): name is ObjectIdKey => (OBJECT_ID_KEYS as readonly string[]).includes(name));
}

/** The object-id keys an action's sample input reads, found by building it once. */
export function listInputObjectKeys(entry: ActionEntry, sample: TeamObjects): ObjectIdKey[] {
  const read = new Set<string>();
  const spy = new Proxy(sample, {
    get(target, key) {
      if (typeof key === "string") read.add(key);
      return target[key as keyof TeamObjects];
    },
  });
  entry.input(spy);
  return OBJECT_ID_KEYS.filter((key) => read.has(key));
}

/**
 * Inputs that name another team's objects: each object id swapped for the other team's one at a
 * time (a foreign source on one's own claim), and all of them at once.
 */
export function buildCrossTeamInputs(entry: ActionEntry, own: TeamObjects, other: TeamObjects) {
  const keys = listInputObjectKeys(entry, own);
  const variants = keys.map((key) => ({ label: `another team's ${key}`, objects: { ...own, [key]: other[key] } }));
  if (keys.length > 1) variants.push({ label: "all ids of another team", objects: { ...other, slug: own.slug } });
  return variants.map(({ label, objects }) => ({ label, input: entry.input(objects) }));
}
