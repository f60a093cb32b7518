import { describe, expect, it } from "vitest";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { loadSessionUser, startSession } from "@/lib/auth/sessions";
import { createTeam, leaveTeam, removeMember } from "./mutations";

const db = setUpTestDatabase();

async function setUpMemberWithSession(extraTeam: boolean) {
  const owner = await createTestUser(db);
  const team = await createTeam(db, { name: "Metro Desk", userId: owner.id });
  const member = await createTestUser(db);
  const membership = await db.membership.create({ data: { userId: member.id, teamId: team.id, role: "editor" } });
  if (extraTeam) await createTeam(db, { name: "Side Desk", userId: member.id });
  const sessionId = await startSession(db, { userId: member.id, method: "password" });
  return { owner, team, member, membership, sessionId };
}

describe("removal from a team", () => {
  it("ends the person's sessions when an owner removes them from their last team", async () => {
    const { owner, team, membership, sessionId } = await setUpMemberWithSession(false);
    await removeMember(db, { teamId: team.id, membershipId: membership.id, actorId: owner.id });
    expect(await loadSessionUser(db, sessionId)).toBeNull();
  });

  it("keeps them signed in while they are still in another team, or when they leave by themselves", async () => {
    const kept = await setUpMemberWithSession(true);
    await removeMember(db, { teamId: kept.team.id, membershipId: kept.membership.id, actorId: kept.owner.id });
    expect(await loadSessionUser(db, kept.sessionId)).not.toBeNull();

    const leaving = await setUpMemberWithSession(false);
    await leaveTeam(db, { teamId: leaving.team.id, userId: leaving.member.id });
    expect(await loadSessionUser(db, leaving.sessionId)).not.toBeNull();
  });
});
