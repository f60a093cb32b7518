/**
 * One team with every kind of object the entry points name (tests/authz/endpoints.ts), made the
 * way the app makes them. Shared by the in-process matrix (Vitest, a test database) and the HTTP
 * matrix (Playwright, the e2e server's database): it takes the database it writes to.
 */
import { randomUUID } from "node:crypto";
import { hashContent } from "../../lib/articles/content-hash";
import type { Role } from "../../lib/auth/roles";
import { addCitation } from "../../lib/citations/mutations";
import { createClaim, deleteClaim } from "../../lib/claims/mutations";
import type { Db } from "../../lib/config/prisma-client";
import { createSource } from "../../lib/sources/mutations";
import { issueAccountToken } from "../../lib/auth/account-tokens";
import { createInvitation } from "../../lib/teams/invitations";
import { createTeam } from "../../lib/teams/mutations";
import { giveVerdict } from "../../lib/verification/mutations";
import { hashPassword } from "../../lib/auth/password";
import { LINK_PASSWORD, type TeamObjects } from "./endpoints";

/** Hashed once per run: the member's password, which a verification link asks for. */
let linkPasswordHash: Promise<string> | undefined;

export const ARTICLE_TEXT = [
  "The council approved the budget on Monday.",
  "The mayor said the vote was unanimous.",
  "Turnout at the meeting was the highest in a decade.",
  "The city will hire forty new teachers next year.",
  "Critics said the plan ignores the transport deficit.",
].join(" ");

export type SeededUser = { id: string; email: string; name: string };
export type SeededTeam = {
  team: { id: string; slug: string; name: string };
  /** The test's actors in this team, one per role. */
  owner: SeededUser;
  editor: SeededUser;
  viewer: SeededUser;
  /** A second owner who made the content and gave the verdict (so the actors can sign it off, or leave). */
  author: SeededUser;
  /** Not a member: the account whose address the team's open invitation names. */
  invitee: SeededUser;
  objects: TeamObjects;
};

function rangeOf(sentence: string) {
  const start = ARTICLE_TEXT.indexOf(sentence);
  if (start < 0) throw new Error(`Not in the article: ${sentence}`);
  return { start, end: start + sentence.length };
}

/** A team with an owner, an editor, a viewer, a second owner (the author), an editor to manage, and content. */
export async function seedTeam(db: Db, options: { label?: string; passwordHash?: string } = {}): Promise<SeededTeam> {
  const id = randomUUID().slice(0, 8);
  const label = options.label ?? "authz";
  // Verified, as the demo seed's: where mail is set up (the e2e server), an unverified account cannot sign in.
  const makeUser = (role: string) =>
    db.user.create({
      data: {
        name: `${label} ${role} ${id}`,
        email: `${label}-${role}-${id}@authz.test`,
        passwordHash: options.passwordHash,
        emailVerifiedAt: new Date(),
        emailVerifiedVia: "seed",
      },
      select: { id: true, email: true, name: true },
    });
  const [owner, editor, viewer, author, member, invitee] = await Promise.all(["owner", "editor", "viewer", "author", "member", "invitee"].map(makeUser));
  const team = await createTeam(db, { name: `${label} desk ${id}`, userId: owner.id });
  const roles: [SeededUser, Role][] = [[editor, "editor"], [viewer, "viewer"], [author, "owner"], [member, "editor"]];
  const memberships = await Promise.all(
    roles.map(([user, role]) => db.membership.create({ data: { teamId: team.id, userId: user.id, role }, select: { id: true } })),
  );
  for (const user of [editor, viewer, author, member]) await db.user.update({ where: { id: user.id }, data: { lastTeamId: team.id } });
  const actor = { teamId: team.id, userId: author.id };

  const article = await db.article.create({
    data: {
      teamId: team.id, createdById: author.id, title: "Council approves the budget", outlet: `Daily Planet ${id}`,
      url: `https://planet.example/${id}/budget`,
      versions: { create: { number: 1, text: ARTICLE_TEXT, contentHash: hashContent(ARTICLE_TEXT), teamId: team.id, createdById: author.id } },
    },
    select: { id: true },
  });
  const articleId = article.id;
  const first = rangeOf("The council approved the budget on Monday.");
  const claim = await createClaim(db, actor, { articleId, ...first });
  const second = await createClaim(db, actor, { articleId, ...rangeOf("Turnout at the meeting was the highest in a decade.") });
  const deleted = await createClaim(db, actor, { articleId, ...rangeOf("The city will hire forty new teachers next year.") });
  await deleteClaim(db, actor, { claimId: deleted.id });
  const free = rangeOf("Critics said the plan ignores the transport deficit.");

  const sourceName = `Wire Agency ${id}`;
  const source = await createSource(db, actor, { name: sourceName, kind: "outlet", domains: [`wire-${id}.example`] });
  const secondSource = await createSource(db, actor, { name: `Council Record ${id}`, kind: "document", domains: [] });
  const origin = await addCitation(db, actor, {
    claimId: claim.id, sourceId: secondSource.id, relation: "states", isOrigin: true,
    url: `https://records.example/${id}/minutes`, passage: "The budget was approved.",
  });
  const relay = await addCitation(db, actor, {
    claimId: claim.id, sourceId: source.id, relation: "states", isOrigin: false, viaCitationId: origin.id, url: `https://wire-${id}.example/budget`,
  });
  const { revision } = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { revision: true } });
  await giveVerdict(db, actor, { claimId: claim.id, revision, verdict: "not_checkable", rationale: "The minutes are not published; nobody can check." });
  const capture = await db.sourceCapture.create({
    data: {
      teamId: team.id, citationId: origin.id, url: `https://records.example/${id}/minutes`, fetchedById: author.id,
      httpStatus: 200, contentType: "text/html", text: "Minutes. The budget was approved.", sha256: "a".repeat(64), passageState: "found",
    },
    select: { id: true },
  });
  const invitation = await createInvitation(db, { teamId: team.id, role: "viewer", email: invitee.email, actorId: owner.id });
  linkPasswordHash ??= hashPassword(LINK_PASSWORD);
  await db.user.update({ where: { id: member.id }, data: { passwordHash: await linkPasswordHash } });
  const link = (purpose: "reset_password" | "verify_email") =>
    issueAccountToken(db, { userId: member.id, email: member.email, purpose, via: "operator" }).then((issued) => issued!.token);
  const [resetToken, verifyToken] = [await link("reset_password"), await link("verify_email")];

  const [claimNow, relayNow, sourceNow] = await Promise.all([
    db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { revision: true } }),
    db.citation.findUniqueOrThrow({ where: { id: relay.id }, select: { revision: true } }),
    db.source.findUniqueOrThrow({ where: { id: source.id }, select: { revision: true } }),
  ]);
  return {
    team,
    owner,
    editor,
    viewer,
    author,
    invitee,
    objects: {
      slug: team.slug,
      articleId,
      freeStart: free.start,
      freeEnd: free.end,
      claimId: claim.id,
      claimRevision: claimNow.revision,
      claimSplitAt: first.start + "The council approved".length,
      secondClaimId: second.id,
      deletedClaimId: deleted.id,
      sourceId: source.id,
      sourceName,
      sourceRevision: sourceNow.revision,
      secondSourceId: secondSource.id,
      citationId: origin.id,
      relayCitationId: relay.id,
      relayCitationRevision: relayNow.revision,
      captureId: capture.id,
      invitationId: invitation.id,
      invitationToken: invitation.token,
      resetToken,
      verifyToken,
      memberUserId: member.id,
      memberMembershipId: memberships[3].id,
    },
  };
}
