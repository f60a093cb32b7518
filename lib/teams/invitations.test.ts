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

describe("invitations", () => {
  it("joins the invited user with the invitation's role, once", async () => {
    const { owner, team } = await setUpTeam();
    const invitation = await createInvitation(db, { teamId: team.id, role: "editor", actorId: owner.id });
    const guest = await createTestUser(db);
    await acceptInvitation(db, { token: invitation.token, userId: guest.id });
    const membership = await db.membership.findUnique({ where: { userId_teamId: { userId: guest.id, teamId: team.id } } });
    expect(membership?.role).toBe("editor");

    const second = await createTestUser(db);
    await expect(acceptInvitation(db, { token: invitation.token, userId: second.id })).rejects.toMatchObject({ code: "GONE" });
    expect((await findInvitation(db, invitation.token))?.status).toBe("accepted");
  });

  it("stores only a hash of the token", async () => {
    const { owner, team } = await setUpTeam();
    const invitation = await createInvitation(db, { teamId: team.id, role: "viewer", actorId: owner.id });
    const rows = await db.invitation.findMany({ where: { teamId: team.id } });
    expect(rows.map((row) => row.tokenHash)).not.toContain(invitation.token);
  });

  it("refuses an expired link", async () => {
    const { owner, team } = await setUpTeam();
    const invitation = await createInvitation(db, { teamId: team.id, role: "viewer", actorId: owner.id });
    await db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const guest = await createTestUser(db);
    await expect(acceptInvitation(db, { token: invitation.token, userId: guest.id })).rejects.toThrow(/expired/);
  });

  it("refuses a withdrawn link and records the withdrawal", async () => {
    const { owner, team } = await setUpTeam();
    const invitation = await createInvitation(db, { teamId: team.id, role: "viewer", actorId: owner.id });
    await revokeInvitation(db, { teamId: team.id, invitationId: invitation.id, actorId: owner.id });
    const guest = await createTestUser(db);
    await expect(acceptInvitation(db, { token: invitation.token, userId: guest.id })).rejects.toThrow(/withdrawn/);
    expect(await db.auditEvent.count({ where: { teamId: team.id, type: "invitation.revoked" } })).toBe(1);
  });

  it("lets exactly one of two simultaneous acceptances through", async () => {
    const { owner, team } = await setUpTeam();
    const invitation = await createInvitation(db, { teamId: team.id, role: "editor", actorId: owner.id });
    const [first, second] = await Promise.all([createTestUser(db), createTestUser(db)]);
    const results = await Promise.allSettled([
      acceptInvitation(db, { token: invitation.token, userId: first.id }),
      acceptInvitation(db, { token: invitation.token, userId: second.id }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { teamId: team.id } })).toBe(2);
  });
});
