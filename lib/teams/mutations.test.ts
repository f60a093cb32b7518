import { describe, expect, it } from "vitest";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import type { Role } from "@/lib/auth/roles";
import { changeMemberRole, createTeam, leaveTeam, removeMember } from "./mutations";

const db = setUpTestDatabase();

/** A team with an owner, plus members with the given roles. */
async function setUpTeam(roles: Role[] = [], name = "Metro Desk") {
  const owner = await createTestUser(db);
  const team = await createTeam(db, { name, userId: owner.id });
  const ownerMembership = await db.membership.findUniqueOrThrow({ where: { userId_teamId: { userId: owner.id, teamId: team.id } } });
  const members = [];
  for (const role of roles) {
    const user = await createTestUser(db);
    const membership = await db.membership.create({ data: { userId: user.id, teamId: team.id, role } });
    members.push({ user, membership });
  }
  return { owner, ownerMembership, team, members };
}

function auditEvents(teamId: string, type: string) {
  return db.auditEvent.findMany({ where: { teamId, type } });
}

describe("createTeam", () => {
  it("makes the creator its owner, remembers it as their last team and records it", async () => {
    const user = await createTestUser(db);
    const team = await createTeam(db, { name: "Fact Desk", userId: user.id });
    expect(team).toMatchObject({ name: "Fact Desk", slug: "fact-desk" });
    expect(await db.membership.findMany({ where: { teamId: team.id } })).toMatchObject([{ userId: user.id, role: "owner" }]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastTeamId).toBe(team.id);
    const [event] = await auditEvents(team.id, "team.created");
    expect(event).toMatchObject({ userId: user.id });
    expect(JSON.parse(event.detail!)).toEqual({ name: "Fact Desk" });
  });

  it("numbers the slug when it is taken", async () => {
    const user = await createTestUser(db);
    const first = await createTeam(db, { name: "Sports Desk", userId: user.id });
    const second = await createTeam(db, { name: "Sports desk!", userId: user.id });
    const third = await createTeam(db, { name: "sports desk", userId: user.id });
    expect([first.slug, second.slug, third.slug]).toEqual(["sports-desk", "sports-desk-2", "sports-desk-3"]);
  });
});

describe("changeMemberRole", () => {
  it("changes the role and records who changed it from what to what", async () => {
    const { owner, team, members } = await setUpTeam(["viewer"]);
    const [viewer] = members;
    const result = await changeMemberRole(db, { teamId: team.id, membershipId: viewer.membership.id, role: "editor", actorId: owner.id });
    expect(result.role).toBe("editor");
    expect((await db.membership.findUniqueOrThrow({ where: { id: viewer.membership.id } })).role).toBe("editor");
    const [event] = await auditEvents(team.id, "member.role_changed");
    expect(event).toMatchObject({ userId: owner.id, email: viewer.user.email });
    expect(JSON.parse(event.detail!)).toEqual({ memberId: viewer.user.id, from: "viewer", to: "editor" });
  });

  it("records nothing when the role does not change", async () => {
    const { owner, team, members } = await setUpTeam(["editor"]);
    await changeMemberRole(db, { teamId: team.id, membershipId: members[0].membership.id, role: "editor", actorId: owner.id });
    expect(await auditEvents(team.id, "member.role_changed")).toHaveLength(0);
  });

  it("refuses to demote the last owner", async () => {
    const { owner, ownerMembership, team } = await setUpTeam(["editor"]);
    await expect(
      changeMemberRole(db, { teamId: team.id, membershipId: ownerMembership.id, role: "editor", actorId: owner.id }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("at least one owner") });
    expect((await db.membership.findUniqueOrThrow({ where: { id: ownerMembership.id } })).role).toBe("owner");
    expect(await auditEvents(team.id, "member.role_changed")).toHaveLength(0);
  });

  it("lets an owner step down when another owner remains", async () => {
    const { owner, ownerMembership, team } = await setUpTeam(["owner"]);
    await changeMemberRole(db, { teamId: team.id, membershipId: ownerMembership.id, role: "viewer", actorId: owner.id });
    expect((await db.membership.findUniqueOrThrow({ where: { id: ownerMembership.id } })).role).toBe("viewer");
    const [event] = await auditEvents(team.id, "member.role_changed");
    expect(JSON.parse(event.detail!)).toMatchObject({ from: "owner", to: "viewer" });
  });

  it("does not find a membership of another team", async () => {
    const mine = await setUpTeam([], "Desk A");
    const theirs = await setUpTeam(["viewer"], "Desk B");
    await expect(
      changeMemberRole(db, { teamId: mine.team.id, membershipId: theirs.members[0].membership.id, role: "owner", actorId: mine.owner.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.membership.findUniqueOrThrow({ where: { id: theirs.members[0].membership.id } })).role).toBe("viewer");
  });
});

describe("removeMember", () => {
  it("removes a member and records the removal by the acting owner", async () => {
    const { owner, team, members } = await setUpTeam(["editor"]);
    const [editor] = members;
    await removeMember(db, { teamId: team.id, membershipId: editor.membership.id, actorId: owner.id });
    expect(await db.membership.findUnique({ where: { id: editor.membership.id } })).toBeNull();
    const [event] = await auditEvents(team.id, "member.removed");
    expect(event).toMatchObject({ userId: owner.id, email: editor.user.email });
    expect(JSON.parse(event.detail!)).toEqual({ memberId: editor.user.id, role: "editor" });
  });

  it("refuses to remove the last owner", async () => {
    const { owner, ownerMembership, team, members } = await setUpTeam(["editor"]);
    await expect(
      removeMember(db, { teamId: team.id, membershipId: ownerMembership.id, actorId: members[0].user.id }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.membership.findUnique({ where: { userId_teamId: { userId: owner.id, teamId: team.id } } })).not.toBeNull();
  });

  it("removes an owner when another owner remains", async () => {
    const { owner, ownerMembership, team, members } = await setUpTeam(["owner"]);
    await removeMember(db, { teamId: team.id, membershipId: ownerMembership.id, actorId: members[0].user.id });
    expect(await db.membership.findUnique({ where: { userId_teamId: { userId: owner.id, teamId: team.id } } })).toBeNull();
  });

  it("does not remove a membership of another team", async () => {
    const mine = await setUpTeam([], "Desk C");
    const theirs = await setUpTeam(["editor"], "Desk D");
    await expect(
      removeMember(db, { teamId: mine.team.id, membershipId: theirs.members[0].membership.id, actorId: mine.owner.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.membership.findUnique({ where: { id: theirs.members[0].membership.id } })).not.toBeNull();
  });
});

describe("leaveTeam", () => {
  it("lets a member leave and records that they left", async () => {
    const { team, members } = await setUpTeam(["viewer"]);
    const [viewer] = members;
    await leaveTeam(db, { teamId: team.id, userId: viewer.user.id });
    expect(await db.membership.findUnique({ where: { id: viewer.membership.id } })).toBeNull();
    const [event] = await auditEvents(team.id, "member.left");
    expect(event).toMatchObject({ userId: viewer.user.id, email: viewer.user.email });
    expect(await auditEvents(team.id, "member.removed")).toHaveLength(0);
  });

  it("does not let the last owner leave", async () => {
    const { owner, team } = await setUpTeam(["editor", "viewer"]);
    await expect(leaveTeam(db, { teamId: team.id, userId: owner.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.membership.count({ where: { teamId: team.id, role: "owner" } })).toBe(1);
  });

  it("refuses someone who is not a member", async () => {
    const { team } = await setUpTeam();
    const stranger = await createTestUser(db);
    await expect(leaveTeam(db, { teamId: team.id, userId: stranger.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
