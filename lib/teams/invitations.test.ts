import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { createTeam } from "./mutations";
import { acceptInvitation, createInvitation, findInvitation, revokeInvitation } from "./invitations";

const db = setUpTestDatabase();

async function setUpTeam() {
  const owner = await createTestUser(db);
  const team = await createTeam(db, { name: "Metro Desk", userId: owner.id });
  return { owner, team };
}

const newAddress = () => `guest-${randomUUID().slice(0, 8)}@newsroom.test`;

/** An invitation for a new address, and the account that has that address. */
async function inviteSomeone(teamId: string, ownerId: string, role: "editor" | "viewer" = "editor") {
  const email = newAddress();
  const invitation = await createInvitation(db, { teamId, role, email, actorId: ownerId });
  const guest = await createTestUser(db, { email });
  return { invitation, guest };
}

describe("invitations", () => {
  it("joins the invited user with the invitation's role, once", async () => {
    const { owner, team } = await setUpTeam();
    const { invitation, guest } = await inviteSomeone(team.id, owner.id);
    await acceptInvitation(db, { token: invitation.token, userId: guest.id });
    const membership = await db.membership.findUnique({ where: { userId_teamId: { userId: guest.id, teamId: team.id } } });
    expect(membership?.role).toBe("editor");

    await expect(acceptInvitation(db, { token: invitation.token, userId: guest.id })).rejects.toMatchObject({ code: "GONE" });
    expect((await findInvitation(db, invitation.token))?.status).toBe("accepted");
  });

  it("stores only a hash of the token", async () => {
    const { owner, team } = await setUpTeam();
    const invitation = await createInvitation(db, { teamId: team.id, role: "viewer", email: newAddress(), actorId: owner.id });
    const rows = await db.invitation.findMany({ where: { teamId: team.id } });
    expect(rows.map((row) => row.tokenHash)).not.toContain(invitation.token);
  });

  it("refuses an expired link", async () => {
    const { owner, team } = await setUpTeam();
    const { invitation, guest } = await inviteSomeone(team.id, owner.id, "viewer");
    await db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(acceptInvitation(db, { token: invitation.token, userId: guest.id })).rejects.toThrow(/expired/);
  });

  it("refuses a withdrawn link and records the withdrawal", async () => {
    const { owner, team } = await setUpTeam();
    const { invitation, guest } = await inviteSomeone(team.id, owner.id, "viewer");
    await revokeInvitation(db, { teamId: team.id, invitationId: invitation.id, actorId: owner.id });
    await expect(acceptInvitation(db, { token: invitation.token, userId: guest.id })).rejects.toThrow(/withdrawn/);
    expect(await db.auditEvent.count({ where: { teamId: team.id, type: "invitation.revoked" } })).toBe(1);
  });

  it("lets exactly one of two simultaneous acceptances through", async () => {
    const { owner, team } = await setUpTeam();
    const { invitation, guest } = await inviteSomeone(team.id, owner.id);
    const results = await Promise.allSettled([
      acceptInvitation(db, { token: invitation.token, userId: guest.id }),
      acceptInvitation(db, { token: invitation.token, userId: guest.id }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { teamId: team.id } })).toBe(2);
  });
});

describe("an invitation is bound to the address it names", () => {
  it("refuses another address, saying which one it is for, and stays usable for the right person", async () => {
    const { owner, team } = await setUpTeam();
    const { invitation, guest } = await inviteSomeone(team.id, owner.id);
    const stranger = await createTestUser(db, { email: "stranger@elsewhere.test" });
    const refusal = acceptInvitation(db, { token: invitation.token, userId: stranger.id });
    await expect(refusal).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(refusal).rejects.toThrow(`This invitation is for ${guest.email[0]}…@newsroom.test: sign in with that address`);
    expect(await db.membership.count({ where: { userId: stranger.id } })).toBe(0);
    expect((await findInvitation(db, invitation.token))?.status).toBe("valid");

    await acceptInvitation(db, { token: invitation.token, userId: guest.id });
    expect(await db.membership.count({ where: { userId: guest.id, teamId: team.id } })).toBe(1);
  });

  it("refuses a link made before invitations named an address", async () => {
    const { owner, team } = await setUpTeam();
    const { invitation, guest } = await inviteSomeone(team.id, owner.id);
    await db.invitation.update({ where: { id: invitation.id }, data: { email: null } });
    await expect(acceptInvitation(db, { token: invitation.token, userId: guest.id })).rejects.toThrow(/names no email address/);
    expect(await db.membership.count({ where: { userId: guest.id } })).toBe(0);
  });

  it("verifies an unverified address on the owner's word, or by mail when the link came through the mail", async () => {
    const { owner, team } = await setUpTeam();
    const byOwner = await inviteSomeone(team.id, owner.id);
    await acceptInvitation(db, { token: byOwner.invitation.token, userId: byOwner.guest.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: byOwner.guest.id } })).toMatchObject({ emailVerifiedVia: "owner", emailVerifiedAt: expect.any(Date) });

    const byMail = await inviteSomeone(team.id, owner.id);
    await acceptInvitation(db, { token: byMail.invitation.token, userId: byMail.guest.id, isMailed: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: byMail.guest.id } })).toMatchObject({ emailVerifiedVia: "mail" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { type: "auth.email_verified", userId: byMail.guest.id } });
    expect(JSON.parse(event.detail!)).toMatchObject({ via: "mail", invitationId: byMail.invitation.id });
  });

  it("never weakens a mailbox proof the account already has", async () => {
    const { owner, team } = await setUpTeam();
    const { invitation, guest } = await inviteSomeone(team.id, owner.id);
    const provenAt = new Date("2026-01-02T03:04:05Z");
    await db.user.update({ where: { id: guest.id }, data: { emailVerifiedAt: provenAt, emailVerifiedVia: "mail" } });
    await acceptInvitation(db, { token: invitation.token, userId: guest.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: guest.id } })).toMatchObject({ emailVerifiedAt: provenAt, emailVerifiedVia: "mail" });
  });
});
