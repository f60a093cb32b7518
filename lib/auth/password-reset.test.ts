import { describe, expect, it } from "vitest";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { hashPassword, verifyPassword } from "./password";
import { issuePasswordResetLink, resetPassword } from "./password-reset";
import { loadSessionUser, startSession } from "./sessions";

const db = setUpTestDatabase();

describe("password reset", () => {
  it("sets the new password, verifies the address, ends every session and every other reset link", async () => {
    const user = await createTestUser(db, { passwordHash: await hashPassword("the old password") });
    const session = await startSession(db, { userId: user.id, method: "password" });
    const first = await issuePasswordResetLink(db, user.email, "mail");
    const second = await issuePasswordResetLink(db, user.email, "operator");
    await expect(resetPassword(db, { token: second!.token, password: "the new password" }, "192.0.2.40")).resolves.toEqual({ email: user.email });

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    await expect(verifyPassword(stored.passwordHash!, "the new password")).resolves.toBe(true);
    await expect(verifyPassword(stored.passwordHash!, "the old password")).resolves.toBe(false);
    expect(stored).toMatchObject({ emailVerifiedVia: "operator" });
    expect(await loadSessionUser(db, session)).toBeNull();
    await expect(resetPassword(db, { token: first!.token, password: "another password" }, null)).rejects.toThrow(/already been used/);
    await expect(resetPassword(db, { token: second!.token, password: "another password" }, null)).rejects.toThrow(/already been used/);
    const event = await db.auditEvent.findFirstOrThrow({ where: { type: "auth.password_reset", userId: user.id } });
    expect(event).toMatchObject({ email: user.email, ip: "192.0.2.40" });
  });

  it("a mailed link proves the mailbox", async () => {
    const user = await createTestUser(db, { passwordHash: await hashPassword("the old password") });
    const link = await issuePasswordResetLink(db, user.email, "mail");
    await resetPassword(db, { token: link!.token, password: "the new password" }, null);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedVia).toBe("mail");
  });

  it("makes no link for an unknown address, and none a second time within a minute by mail", async () => {
    await expect(issuePasswordResetLink(db, "nobody@example.test", "mail")).resolves.toBeNull();
    const user = await createTestUser(db);
    expect(await issuePasswordResetLink(db, user.email, "mail")).not.toBeNull();
    await expect(issuePasswordResetLink(db, user.email, "mail")).resolves.toBeNull();
  });

  it("leaves the password alone when the link fails", async () => {
    const passwordHash = await hashPassword("the old password");
    const user = await createTestUser(db, { passwordHash });
    await expect(resetPassword(db, { token: "not-a-real-reset-link", password: "the new password" }, null)).rejects.toThrow(/not valid/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(passwordHash);
  });
});
