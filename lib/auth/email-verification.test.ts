import { describe, expect, it } from "vitest";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { issueAccountToken } from "./account-tokens";
import { hashPassword } from "./password";
import { confirmEmailByOperator, confirmEmailWithToken, issueVerificationLink, listUnprovenPasswordAccounts } from "./email-verification";

const db = setUpTestDatabase();
const PASSWORD = "the password chosen";
const withPassword = async () => createTestUser(db, { passwordHash: await hashPassword(PASSWORD) });

describe("email verification", () => {
  it("a mailed link, with the account's password, verifies the address by mail, once, and is audited", async () => {
    const user = await withPassword();
    const link = await issueVerificationLink(db, user.email);
    expect(link).toMatchObject({ email: user.email, name: user.name });
    await expect(confirmEmailWithToken(db, { token: link!.token, password: PASSWORD }, null)).resolves.toEqual({ email: user.email });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ emailVerifiedVia: "mail", emailVerifiedAt: expect.any(Date) });
    const event = await db.auditEvent.findFirstOrThrow({ where: { type: "auth.email_verified", userId: user.id } });
    expect(JSON.parse(event.detail!)).toEqual({ accountId: user.id, via: "mail" });
    await expect(confirmEmailWithToken(db, { token: link!.token, password: PASSWORD }, null)).rejects.toThrow(/already been used/);
  });

  it("without the account's password the link confirms nothing, stays usable, and counts as a failed sign-in", async () => {
    // Whoever reads the mailbox may not be who signed up with the address.
    const user = await withPassword();
    const link = await issueVerificationLink(db, user.email);
    const attempt = confirmEmailWithToken(db, { token: link!.token, password: "a guess" }, "192.0.2.60");
    await expect(attempt).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { password: [expect.stringContaining("not the password")] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { type: "auth.sign_in_failed", email: user.email, ip: "192.0.2.60" } })).toBe(1);
    await expect(confirmEmailWithToken(db, { token: link!.token, password: PASSWORD }, null)).resolves.toEqual({ email: user.email });
  });

  it("upgrades an owner's word to a mail proof", async () => {
    const user = await withPassword();
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date(), emailVerifiedVia: "owner" } });
    const issued = await issueAccountToken(db, { userId: user.id, email: user.email, purpose: "verify_email", via: "mail" });
    await confirmEmailWithToken(db, { token: issued!.token, password: PASSWORD }, null);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedVia).toBe("mail");
  });

  it("makes no new link for an unknown address, a verified one or one without a password, and none twice in a minute", async () => {
    await expect(issueVerificationLink(db, "nobody@example.test")).resolves.toBeNull();
    const verified = await createTestUser(db, { passwordHash: "x" });
    await db.user.update({ where: { id: verified.id }, data: { emailVerifiedAt: new Date(), emailVerifiedVia: "mail" } });
    await expect(issueVerificationLink(db, verified.email)).resolves.toBeNull();
    await expect(issueVerificationLink(db, (await createTestUser(db)).email)).resolves.toBeNull();
    const waiting = await createTestUser(db, { passwordHash: "x" });
    expect(await issueVerificationLink(db, waiting.email)).not.toBeNull();
    await expect(issueVerificationLink(db, waiting.email)).resolves.toBeNull();
  });

  it("the operator's word is a mailbox proof; the list shows the password accounts without one", async () => {
    const [never, vouched] = [await createTestUser(db, { passwordHash: "x" }), await createTestUser(db, { passwordHash: "x" })];
    await db.user.update({ where: { id: vouched.id }, data: { emailVerifiedAt: new Date(), emailVerifiedVia: "owner" } });
    const listed = (await listUnprovenPasswordAccounts(db)).map((account) => account.email);
    expect(listed).toEqual(expect.arrayContaining([never.email, vouched.email]));

    await expect(confirmEmailByOperator(db, vouched.email)).resolves.toEqual({ email: vouched.email, isChanged: true });
    await expect(confirmEmailByOperator(db, vouched.email)).resolves.toEqual({ email: vouched.email, isChanged: false });
    await expect(confirmEmailByOperator(db, "nobody@example.test")).resolves.toBeNull();
    expect((await listUnprovenPasswordAccounts(db)).map((account) => account.email)).not.toContain(vouched.email);
  });
});
