import { describe, expect, it } from "vitest";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { createInvitation } from "./invitations";
import { createTeam } from "./mutations";
import { findHomeTeamSlug, listOpenInvitations } from "./queries";

const db = setUpTestDatabase();

/** Adds a viewer membership dated `minutes` after now, so join order is unambiguous. */
function joinLater(userId: string, teamId: string, minutes: number) {
  return db.membership.create({ data: { userId, teamId, role: "viewer", createdAt: new Date(Date.now() + minutes * 60_000) } });
}

describe("findHomeTeamSlug", () => {
  it("returns the team used last while the user is still a member", async () => {
    const user = await createTestUser(db);
    await createTeam(db, { name: "Home First", userId: user.id });
    const second = await createTeam(db, { name: "Home Second", userId: user.id });
    await createTeam(db, { name: "Home Third", userId: user.id });
    await db.user.update({ where: { id: user.id }, data: { lastTeamId: second.id } });
    await expect(findHomeTeamSlug(db, user.id)).resolves.toBe(second.slug);
  });

  it("falls back to the first team joined when the user left the last one", async () => {
    // An older team (created first by someone else) that the user joins after making their own.
    const owner = await createTestUser(db);
    const olderTeam = await createTeam(db, { name: "Fallback Older", userId: owner.id });
    const left = await createTeam(db, { name: "Fallback Left", userId: owner.id });
    const user = await createTestUser(db);
    const own = await createTeam(db, { name: "Fallback Own", userId: user.id });
    await joinLater(user.id, olderTeam.id, 1);
    await joinLater(user.id, left.id, 2);
    await db.user.update({ where: { id: user.id }, data: { lastTeamId: left.id } });
    await db.membership.delete({ where: { userId_teamId: { userId: user.id, teamId: left.id } } });
    await expect(findHomeTeamSlug(db, user.id)).resolves.toBe(own.slug);
  });

  it("falls back to the first team joined when the last team no longer exists", async () => {
    const owner = await createTestUser(db);
    const olderTeam = await createTeam(db, { name: "Gone Older", userId: owner.id });
    const user = await createTestUser(db);
    const own = await createTeam(db, { name: "Gone Own", userId: user.id });
    await joinLater(user.id, olderTeam.id, 1);
    await db.user.update({ where: { id: user.id }, data: { lastTeamId: "deleted-team-id" } });
    await expect(findHomeTeamSlug(db, user.id)).resolves.toBe(own.slug);
  });

  it("uses the first team joined when none was remembered", async () => {
    const owner = await createTestUser(db);
    const olderTeam = await createTeam(db, { name: "Unremembered Older", userId: owner.id });
    const user = await createTestUser(db);
    const own = await createTeam(db, { name: "Unremembered Own", userId: user.id });
    await joinLater(user.id, olderTeam.id, 1);
    await db.user.update({ where: { id: user.id }, data: { lastTeamId: null } });
    await expect(findHomeTeamSlug(db, user.id)).resolves.toBe(own.slug);
  });

  it("returns null for a user without teams", async () => {
    const user = await createTestUser(db);
    await expect(findHomeTeamSlug(db, user.id)).resolves.toBeNull();
  });
});

describe("listOpenInvitations", () => {
  it("lists only invitations that are neither accepted, withdrawn nor expired, newest first", async () => {
    const owner = await createTestUser(db);
    const team = await createTeam(db, { name: "Invite Desk", userId: owner.id });
    const invite = (role: "editor" | "viewer") => createInvitation(db, { teamId: team.id, role, email: `${role}@invite.test`, actorId: owner.id });
    const older = await invite("viewer");
    const accepted = await invite("editor");
    const revoked = await invite("editor");
    const expired = await invite("viewer");
    const newer = await invite("editor");
    await db.invitation.update({ where: { id: older.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    await db.invitation.update({ where: { id: accepted.id }, data: { acceptedAt: new Date(), acceptedById: owner.id } });
    await db.invitation.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    await db.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const otherOwner = await createTestUser(db);
    const otherTeam = await createTeam(db, { name: "Other Invite Desk", userId: otherOwner.id });
    await createInvitation(db, { teamId: otherTeam.id, role: "viewer", email: "viewer@invite.test", actorId: otherOwner.id });

    const open = await listOpenInvitations(db, team.id);
    expect(open.map((invitation) => invitation.id)).toEqual([newer.id, older.id]);
    expect(open[0]).toMatchObject({ role: "editor", createdBy: { name: owner.name } });
    expect(open[0]).not.toHaveProperty("tokenHash");
  });

  it("treats an invitation as expired from its expiry time on", async () => {
    const owner = await createTestUser(db);
    const team = await createTeam(db, { name: "Expiry Desk", userId: owner.id });
    const invitation = await createInvitation(db, { teamId: team.id, role: "viewer", email: "viewer@invite.test", actorId: owner.id });
    await expect(listOpenInvitations(db, team.id, new Date(invitation.expiresAt.getTime() - 1))).resolves.toHaveLength(1);
    await expect(listOpenInvitations(db, team.id, invitation.expiresAt)).resolves.toHaveLength(0);
  });
});
