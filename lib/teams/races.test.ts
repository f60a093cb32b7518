import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { countFulfilled, race, refusalsOf, ROUNDS } from "@/tests/race";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { acceptInvitation, createInvitation, revokeInvitation } from "./invitations";
import { changeMemberRole, createTeam, leaveTeam, removeMember } from "./mutations";

// Two requests at the same moment on a team's members (docs/decisions/0013-concurrent-writes.md):
// on PostgreSQL they run side by side, and the team's row lock makes them one after the other.
const db = setUpTestDatabase();

/** A team with two owners and an editor. */
async function setUpTwoOwners() {
  const first = await createTestUser(db);
  const second = await createTestUser(db);
  const editor = await createTestUser(db);
  const team = await createTeam(db, { name: "Metro Desk", userId: first.id });
  await db.membership.createMany({ data: [{ userId: second.id, teamId: team.id, role: "owner" }, { userId: editor.id, teamId: team.id, role: "editor" }] });
  const memberships = await db.membership.findMany({ where: { teamId: team.id } });
  const membershipOf = (userId: string) => memberships.find((membership) => membership.userId === userId)!.id;
  return { team, first, second, editor, firstMembership: membershipOf(first.id), secondMembership: membershipOf(second.id), editorMembership: membershipOf(editor.id) };
}

const ownersOf = (teamId: string) => db.membership.count({ where: { teamId, role: "owner" } });
const LAST_OWNER = "A team needs at least one owner. Make someone else an owner first.";

describe("the last owner, under concurrent changes", () => {
  it("stays when the two owners demote each other at the same moment", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { team, first, second, firstMembership, secondMembership } = await setUpTwoOwners();
      const results = await race(
        () => changeMemberRole(db, { teamId: team.id, membershipId: secondMembership, role: "editor", actorId: first.id }),
        () => changeMemberRole(db, { teamId: team.id, membershipId: firstMembership, role: "editor", actorId: second.id }),
      );
      expect(refusalsOf(results)).toEqual([LAST_OWNER]);
      expect(await ownersOf(team.id)).toBe(1);
    }
  });

  it("stays when both owners leave at the same moment", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { team, first, second } = await setUpTwoOwners();
      const results = await race(() => leaveTeam(db, { teamId: team.id, userId: first.id }), () => leaveTeam(db, { teamId: team.id, userId: second.id }));
      expect(refusalsOf(results)).toEqual([LAST_OWNER]);
      expect(await ownersOf(team.id)).toBe(1);
    }
  });

  it("stays when one owner is removed while the other steps down", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { team, first, firstMembership, secondMembership } = await setUpTwoOwners();
      const results = await race(
        () => removeMember(db, { teamId: team.id, membershipId: secondMembership, actorId: first.id }),
        () => changeMemberRole(db, { teamId: team.id, membershipId: firstMembership, role: "viewer", actorId: first.id }),
      );
      expect(refusalsOf(results)).toEqual([LAST_OWNER]);
      expect(await ownersOf(team.id)).toBe(1);
    }
  });
});

describe("one member, two requests", () => {
  it("removed twice at once: one removal, recorded once; the other is told the member is gone", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { team, first, second, editorMembership } = await setUpTwoOwners();
      const results = await race(
        () => removeMember(db, { teamId: team.id, membershipId: editorMembership, actorId: first.id }),
        () => removeMember(db, { teamId: team.id, membershipId: editorMembership, actorId: second.id }),
      );
      expect(refusalsOf(results)).toEqual(["That member is no longer in this team."]);
      expect(await db.auditEvent.count({ where: { teamId: team.id, type: "member.removed" } })).toBe(1);
    }
  });

  it("two invitations to one team accepted at once: one membership; the other is told they are a member", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { team, first, second } = await setUpTwoOwners();
      const email = `guest-${randomUUID().slice(0, 8)}@newsroom.test`;
      const guest = await createTestUser(db, { email });
      const invitations = [
        await createInvitation(db, { teamId: team.id, role: "editor", email, actorId: first.id }),
        await createInvitation(db, { teamId: team.id, role: "viewer", email, actorId: second.id }),
      ];
      const results = await race(...invitations.map((invitation) => () => acceptInvitation(db, { token: invitation.token, userId: guest.id })));
      expect(refusalsOf(results)).toEqual([expect.stringMatching(/^You are already a member of Metro Desk\.$/)]);
      expect(await db.membership.count({ where: { teamId: team.id, userId: guest.id } })).toBe(1);
      // The refused link is not used up.
      expect(await db.invitation.count({ where: { teamId: team.id, acceptedAt: { not: null } } })).toBe(1);
    }
  });
});

describe("an invitation accepted while it is withdrawn", () => {
  it("is either used or withdrawn, never both", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { team, first } = await setUpTwoOwners();
      const email = `guest-${randomUUID().slice(0, 8)}@newsroom.test`;
      const guest = await createTestUser(db, { email });
      const invitation = await createInvitation(db, { teamId: team.id, role: "editor", email, actorId: first.id });
      const results = await race(
        () => acceptInvitation(db, { token: invitation.token, userId: guest.id }),
        () => revokeInvitation(db, { teamId: team.id, invitationId: invitation.id, actorId: first.id }),
      );
      expect(countFulfilled(results)).toBe(1);
      const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
      const isMember = (await db.membership.count({ where: { teamId: team.id, userId: guest.id } })) === 1;
      expect([Boolean(row.acceptedAt), Boolean(row.revokedAt), isMember]).toEqual(isMember ? [true, false, true] : [false, true, false]);
    }
  });
});

describe("new teams", () => {
  it("of one name, created at the same moment, get different addresses", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const name = `Night Desk ${randomUUID().slice(0, 6)}`;
      const people = [await createTestUser(db), await createTestUser(db)];
      const results = await race(...people.map((person) => () => createTeam(db, { name, userId: person.id })));
      expect(countFulfilled(results)).toBe(2);
      const slugs = results.map((result) => (result.status === "fulfilled" ? result.value.slug : null));
      expect(new Set(slugs).size).toBe(2);
    }
  });
});
