import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { loadSessionUser, startSession } from "@/lib/auth/sessions";
import { timeStepAt, totpCodeAt } from "@/lib/auth/totp";
import { createClaim } from "@/lib/claims/mutations";
import { createTeam } from "@/lib/teams/mutations";
import { changePassword } from "./change-password";
import { deleteAccount } from "./delete-account";
import { changePasswordSchema } from "./schema";
import { endAllSessions, endSession } from "./sessions";
import { cancelTwoStepSetup, confirmTwoStepSetup, startTwoStepSetup, turnOffTwoStep } from "./two-step";

const db = setUpTestDatabase();
const PASSWORD = "correct horse battery";
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

async function createPerson() {
  const user = await createTestUser(db, { passwordHash });
  const sessions = await Promise.all([1, 2].map(() => startSession(db, { userId: user.id, method: "password" })));
  return { user, actor: { ...user, sessionId: sessions[0] }, otherSession: sessions[1] };
}

async function turnOnTwoStep(user: { id: string; email: string }) {
  await startTwoStepSetup(db, user);
  const { secret } = await db.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
  const earlier = new Date(Date.now() - 60_000);
  const recoveryCodes = await confirmTwoStepSetup(db, user, totpCodeAt(secret, timeStepAt(earlier)), earlier);
  return { recoveryCodes, currentCode: () => totpCodeAt(secret, timeStepAt(new Date())) };
}

const events = (userId: string, type: string) => db.auditEvent.findMany({ where: { userId, type } });

describe("changePassword", () => {
  it("sets the new password, ends every other session, keeps this one, and records it", async () => {
    const { user, actor, otherSession } = await createPerson();
    const input = changePasswordSchema.parse({ currentPassword: PASSWORD, newPassword: "lantern orchard 42" });
    expect(await changePassword(db, actor, input, "192.0.2.40")).toEqual({ sessionsEnded: 1 });
    const { passwordHash: stored } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored!, "lantern orchard 42")).toBe(true);
    expect(await loadSessionUser(db, otherSession)).toBeNull();
    expect(await loadSessionUser(db, actor.sessionId)).not.toBeNull();
    expect(await events(user.id, "auth.password_changed")).toMatchObject([{ ip: "192.0.2.40" }]);
  });

  it("refuses a wrong current password as a failed sign-in, changing nothing", async () => {
    const { user, actor, otherSession } = await createPerson();
    const input = changePasswordSchema.parse({ currentPassword: "not my password", newPassword: "lantern orchard 42" });
    await expect(changePassword(db, actor, input, null)).rejects.toMatchObject({ fieldErrors: { currentPassword: ["That is not your current password."] } });
    expect(await db.auditEvent.count({ where: { type: "auth.sign_in_failed", email: user.email } })).toBe(1);
    expect(await loadSessionUser(db, otherSession)).not.toBeNull();
  });

  it("refuses a common password, or one made of the person's email or name", async () => {
    const { user, actor } = await createPerson();
    const common = changePasswordSchema.safeParse({ currentPassword: PASSWORD, newPassword: "qwertyuiop123" });
    expect(common.error?.issues.map((issue) => issue.message)).toEqual([expect.stringContaining("common or breached")]);
    const personal = changePasswordSchema.parse({ currentPassword: PASSWORD, newPassword: `${user.email.split("@")[0]} forever` });
    await expect(changePassword(db, actor, personal, null)).rejects.toMatchObject({ fieldErrors: { newPassword: ["Do not use your email address in your password."] } });
  });

  it("asks for a code when two-step verification is on", async () => {
    const { user, actor } = await createPerson();
    const { currentCode } = await turnOnTwoStep(user);
    const input = changePasswordSchema.parse({ currentPassword: PASSWORD, newPassword: "lantern orchard 42" });
    await expect(changePassword(db, actor, input, null)).rejects.toMatchObject({ fieldErrors: { code: [expect.stringContaining("6-digit code")] } });
    await expect(changePassword(db, actor, { ...input, code: currentCode() }, null)).resolves.toEqual({ sessionsEnded: 1 });
  });
});

describe("sessions on the account page", () => {
  it("ends one of the person's sessions, not someone else's", async () => {
    const { actor, otherSession } = await createPerson();
    const stranger = await createPerson();
    await expect(endSession(db, actor, stranger.otherSession)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await endSession(db, actor, otherSession);
    expect(await loadSessionUser(db, otherSession)).toBeNull();
    expect(await loadSessionUser(db, stranger.otherSession)).not.toBeNull();
  });

  it("signs out everywhere, this session included", async () => {
    const { user, actor, otherSession } = await createPerson();
    expect(await endAllSessions(db, actor)).toBe(2);
    expect(await loadSessionUser(db, actor.sessionId)).toBeNull();
    expect(await loadSessionUser(db, otherSession)).toBeNull();
    expect(await events(user.id, "auth.signed_out_everywhere")).toHaveLength(1);
  });
});

describe("two-step verification", () => {
  it("stays off until a code from the app confirms the secret", async () => {
    const { user } = await createPerson();
    await startTwoStepSetup(db, user);
    await expect(confirmTwoStepSetup(db, user, "000000")).rejects.toMatchObject({ fieldErrors: { code: [expect.stringContaining("does not match")] } });
    expect(await db.totpFactor.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ confirmedAt: null });
    await cancelTwoStepSetup(db, user);
    expect(await db.totpFactor.count({ where: { userId: user.id } })).toBe(0);
  });

  it("keeps only hashes of the ten recovery codes", async () => {
    const { user } = await createPerson();
    const { recoveryCodes } = await turnOnTwoStep(user);
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[A-Z2-7]{5}-[A-Z2-7]{5}$/);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    expect(stored.map((row) => row.codeHash).join()).not.toContain(recoveryCodes[0].slice(0, 5));
    expect(await events(user.id, "auth.mfa_enabled")).toHaveLength(1);
  });

  it("turns off only with the password and a code", async () => {
    const { user } = await createPerson();
    const { currentCode } = await turnOnTwoStep(user);
    await expect(turnOffTwoStep(db, user, { password: PASSWORD }, null)).rejects.toMatchObject({ fieldErrors: { code: [expect.any(String)] } });
    await expect(turnOffTwoStep(db, user, { password: "wrong password", code: currentCode() }, null)).rejects.toMatchObject({
      fieldErrors: { password: ["That is not your current password."] },
    });
    await turnOffTwoStep(db, user, { password: PASSWORD, code: currentCode() }, null);
    expect(await db.totpFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await events(user.id, "auth.mfa_disabled")).toHaveLength(1);
  });
});

describe("deleteAccount", () => {
  async function seedWork(teamId: string, userId: string) {
    const article = await db.article.create({
      data: {
        teamId,
        createdById: userId,
        title: "A report",
        versions: { create: { number: 1, text: "The mayor said the bridge cost four million.", contentHash: randomUUID(), teamId, createdById: userId } },
      },
    });
    return createClaim(db, { teamId, userId }, { articleId: article.id, start: 0, end: 20 });
  }

  it("refuses while the person is the only owner of a team with other members", async () => {
    const { user, actor } = await createPerson();
    const team = await createTeam(db, { name: "Shared Desk", userId: user.id });
    const colleague = await createTestUser(db);
    await db.membership.create({ data: { userId: colleague.id, teamId: team.id, role: "editor" } });
    await expect(deleteAccount(db, actor, { password: PASSWORD }, null)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("You are the only owner of “Shared Desk”"),
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).deletedAt).toBeNull();
  });

  it("refuses a wrong password, and asks for the code with two-step verification on", async () => {
    const { user, actor } = await createPerson();
    await expect(deleteAccount(db, actor, { password: "wrong password" }, null)).rejects.toMatchObject({ fieldErrors: { password: [expect.any(String)] } });
    await turnOnTwoStep(user);
    await expect(deleteAccount(db, actor, { password: PASSWORD }, null)).rejects.toMatchObject({ fieldErrors: { code: [expect.any(String)] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).deletedAt).toBeNull();
  });

  it("anonymises the person and keeps their work in the shared team's history", async () => {
    const { user, actor } = await createPerson();
    const owner = await createTestUser(db);
    const team = await createTeam(db, { name: "Metro Desk", userId: owner.id });
    await db.membership.create({ data: { userId: user.id, teamId: team.id, role: "editor" } });
    await db.externalIdentity.create({ data: { provider: "https://sso.example.test", subject: randomUUID(), userId: user.id } });
    const claim = await seedWork(team.id, user.id);
    const { currentCode } = await turnOnTwoStep(user);

    await deleteAccount(db, actor, { password: PASSWORD, code: currentCode() }, "192.0.2.50");

    const deleted = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(deleted).toMatchObject({ name: "Deleted user", email: `deleted-${user.id}@deleted.invalid`, passwordHash: null, lastTeamId: null });
    expect(deleted.deletedAt).toBeInstanceOf(Date);
    for (const table of ["externalIdentity", "membership", "session", "totpFactor", "recoveryCode"] as const) {
      expect(await (db[table] as unknown as { count: (args: unknown) => Promise<number> }).count({ where: { userId: user.id } }), table).toBe(0);
    }
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { createdBy: { select: { name: true } } } })).toEqual({ createdBy: { name: "Deleted user" } });
    expect(await db.claimEvent.count({ where: { claimId: claim.id, actorId: user.id } })).toBeGreaterThan(0);
    expect(await events(user.id, "auth.account_deleted")).toMatchObject([{ ip: "192.0.2.50", email: null }]);
    expect(await loadSessionUser(db, actor.sessionId)).toBeNull();
  });

  it("deletes a team the person was alone in, with its work", async () => {
    const { user, actor } = await createPerson();
    const team = await createTeam(db, { name: "Solo Desk", userId: user.id });
    await seedWork(team.id, user.id);
    await deleteAccount(db, actor, { password: PASSWORD }, null);
    expect(await db.team.count({ where: { id: team.id } })).toBe(0);
    expect(await db.article.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("asks an account without a password to type its email", async () => {
    const user = await createTestUser(db);
    const actor = { ...user, sessionId: await startSession(db, { userId: user.id, method: "sso" }) };
    await expect(deleteAccount(db, actor, { confirmEmail: "someone@else.test" }, null)).rejects.toMatchObject({ fieldErrors: { confirmEmail: [expect.any(String)] } });
    await deleteAccount(db, actor, { confirmEmail: user.email }, null);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Deleted user");
  });
});
