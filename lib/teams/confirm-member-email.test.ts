import { describe, expect, it } from "vitest";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { confirmMemberEmail } from "./confirm-member-email";
import { createTeam } from "./mutations";

const db = setUpTestDatabase();

async function setUp() {
  const owner = await createTestUser(db);
  const team = await createTeam(db, { name: "Confirm Desk", userId: owner.id });
  const member = await createTestUser(db);
  const membership = await db.membership.create({ data: { teamId: team.id, userId: member.id, role: "editor" } });
  return { owner, team, member, membership };
}

describe("confirmMemberEmail", () => {
  it("records the owner's word for the member's address, audited with the owner", async () => {
    const { owner, team, member, membership } = await setUp();
    await expect(confirmMemberEmail(db, { teamId: team.id, membershipId: membership.id, actorId: owner.id })).resolves.toMatchObject({
      email: member.email,
      isChanged: true,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ emailVerifiedVia: "owner" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { type: "auth.email_verified", teamId: team.id } });
    expect(event).toMatchObject({ userId: owner.id, email: member.email });
    expect(JSON.parse(event.detail!)).toEqual({ accountId: member.id, via: "owner" });
    await expect(confirmMemberEmail(db, { teamId: team.id, membershipId: membership.id, actorId: owner.id })).resolves.toMatchObject({ isChanged: false });
  });

  it("does not weaken a mailbox proof, vouch for oneself, or reach another team's member", async () => {
    const { owner, team, member, membership } = await setUp();
    await db.user.update({ where: { id: member.id }, data: { emailVerifiedAt: new Date(), emailVerifiedVia: "mail" } });
    await confirmMemberEmail(db, { teamId: team.id, membershipId: membership.id, actorId: owner.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).emailVerifiedVia).toBe("mail");

    const own = await db.membership.findFirstOrThrow({ where: { teamId: team.id, userId: owner.id } });
    await expect(confirmMemberEmail(db, { teamId: team.id, membershipId: own.id, actorId: owner.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await setUp();
    await expect(confirmMemberEmail(db, { teamId: team.id, membershipId: other.membership.id, actorId: owner.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: other.member.id } })).emailVerifiedAt).toBeNull();
  });
});
