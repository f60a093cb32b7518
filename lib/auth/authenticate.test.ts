import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { authenticateWithPassword, readClientAddress, WRONG_CREDENTIALS_MESSAGE } from "./authenticate";
import { hashPassword } from "./password";
import { SIGN_IN_LIMITS } from "./rate-limit";

const db = setUpTestDatabase();
const PASSWORD = "correct horse battery";
let passwordHash: string;
let counter = 0;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

async function createUserWithPassword(email = `reader-${++counter}-${Date.now()}@example.test`) {
  return createTestUser(db, { email, passwordHash });
}

describe("authenticateWithPassword", () => {
  it("signs in with the right password and records the sign-in", async () => {
    const user = await createUserWithPassword();
    const result = await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, "192.0.2.10");
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: 0 } });
    const events = await db.auditEvent.findMany({ where: { type: "auth.signed_in", email: user.email } });
    expect(events).toMatchObject([{ userId: user.id, ip: "192.0.2.10" }]);
  });

  it("with mail set up, lets no password account in before its address is verified, and says so only to the right password", async () => {
    const user = await createUserWithPassword();
    const mail = { isMailEnabled: true };
    const refused = await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, "192.0.2.13", mail);
    expect(refused).toEqual({
      ok: false,
      code: "EMAIL_UNVERIFIED",
      message: `Confirm your email address: we sent a link to ${user.email}. Open it, then sign in. No mail? Check your spam folder, or send it again.`,
    });
    expect(await db.auditEvent.count({ where: { type: "auth.signed_in", email: user.email } })).toBe(0);
    const wrong = await authenticateWithPassword(db, { email: user.email, password: "not the password" }, "192.0.2.13", mail);
    expect(wrong).toMatchObject({ code: "INVALID_CREDENTIALS" });

    // Without mail there is no way to verify it: usable. Verified (even on an owner's word): usable with mail.
    await expect(authenticateWithPassword(db, { email: user.email, password: PASSWORD }, null)).resolves.toMatchObject({ ok: true });
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date(), emailVerifiedVia: "owner" } });
    await expect(authenticateWithPassword(db, { email: user.email, password: PASSWORD }, null, mail)).resolves.toMatchObject({ ok: true });
  });

  it("refuses a wrong password with a generic message and records the failure with email and address", async () => {
    const user = await createUserWithPassword();
    const result = await authenticateWithPassword(db, { email: user.email, password: "not the password" }, "192.0.2.11");
    expect(result).toEqual({ ok: false, code: "INVALID_CREDENTIALS", message: "Wrong email or password." });
    const failures = await db.auditEvent.findMany({ where: { type: "auth.sign_in_failed", email: user.email } });
    expect(failures).toMatchObject([{ email: user.email, ip: "192.0.2.11", userId: user.id }]);
    expect(await db.auditEvent.count({ where: { type: "auth.signed_in", email: user.email } })).toBe(0);
  });

  it("gives an unknown email the same answer as a wrong password, and records it too", async () => {
    const email = `nobody-${Date.now()}@example.test`;
    const result = await authenticateWithPassword(db, { email, password: PASSWORD }, "192.0.2.12");
    expect(result).toEqual({ ok: false, code: "INVALID_CREDENTIALS", message: WRONG_CREDENTIALS_MESSAGE });
    expect(WRONG_CREDENTIALS_MESSAGE).toBe("Wrong email or password.");
    const failures = await db.auditEvent.findMany({ where: { type: "auth.sign_in_failed", email } });
    expect(failures).toMatchObject([{ email, ip: "192.0.2.12", userId: null }]);
  });

  it("refuses an account without a password (single sign-on only) as wrong credentials", async () => {
    const user = await createTestUser(db);
    const result = await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, null);
    expect(result).toMatchObject({ ok: false, code: "INVALID_CREDENTIALS", message: WRONG_CREDENTIALS_MESSAGE });
  });

  it("refuses missing or malformed input without touching the audit log", async () => {
    const before = await db.auditEvent.count();
    await expect(authenticateWithPassword(db, {}, null)).resolves.toMatchObject({ ok: false, code: "INVALID_INPUT" });
    await expect(authenticateWithPassword(db, { email: "not-an-email", password: PASSWORD }, null)).resolves.toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    await expect(authenticateWithPassword(db, { email: "a@example.test", password: "" }, null)).resolves.toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("finds the account whatever the case and spacing of the email typed", async () => {
    const user = await createUserWithPassword(`owner-${Date.now()}@x.test`);
    const typed = `  ${user.email.replace("owner", "Owner").replace("x.test", "X.test")} `;
    expect(typed.trim()).not.toBe(user.email);
    const result = await authenticateWithPassword(db, { email: typed, password: PASSWORD }, null);
    expect(result).toMatchObject({ ok: true, user: { id: user.id, email: user.email } });
  });

  it("after five failures refuses the sixth attempt, even with the right password", async () => {
    const user = await createUserWithPassword();
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perAccount; attempt++) {
      const result = await authenticateWithPassword(db, { email: user.email, password: `wrong ${attempt}` }, `198.51.100.${attempt}`);
      expect(result).toMatchObject({ code: "INVALID_CREDENTIALS" });
    }
    const sixth = await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, "198.51.100.200");
    expect(sixth).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
      message: expect.stringMatching(/^Too many failed sign-in attempts\..* try again in 15 minutes\.$/),
    });
    // A refused attempt is not recorded as a sign-in.
    expect(await db.auditEvent.count({ where: { type: "auth.signed_in", email: user.email } })).toBe(0);
  });

  it("also limits per address: thirty failures from one address over different emails block a thirty-first email", async () => {
    const ip = "203.0.113.50";
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perAddress; attempt++) {
      const result = await authenticateWithPassword(db, { email: `spray-${attempt}@example.test`, password: "guess" }, ip);
      expect(result).toMatchObject({ code: "INVALID_CREDENTIALS" });
    }
    const user = await createUserWithPassword();
    const fromSameAddress = await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, ip);
    expect(fromSameAddress).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
      message: expect.stringContaining("Too many failed sign-in attempts"),
    });

    const fromElsewhere = await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, "203.0.113.51");
    expect(fromElsewhere).toMatchObject({ ok: true, user: { id: user.id } });
  });
});

describe("readClientAddress", () => {
  it("takes the rightmost X-Forwarded-For hop from a Headers object", () => {
    const headers = new Headers({ "x-forwarded-for": "10.0.0.1, 172.16.0.2 ,  203.0.113.9" });
    expect(readClientAddress(headers)).toBe("203.0.113.9");
  });

  it("takes the rightmost hop from a plain header record, as next-auth passes it", () => {
    expect(readClientAddress({ "x-forwarded-for": "1.1.1.1, 203.0.113.10" })).toBe("203.0.113.10");
    expect(readClientAddress({ "x-forwarded-for": ["1.1.1.1", "203.0.113.11"] })).toBe("203.0.113.11");
  });

  it("returns a single hop as it is", () => {
    expect(readClientAddress(new Headers({ "x-forwarded-for": "203.0.113.12" }))).toBe("203.0.113.12");
  });

  it("returns null without a usable header", () => {
    expect(readClientAddress(undefined)).toBeNull();
    expect(readClientAddress(new Headers())).toBeNull();
    expect(readClientAddress({})).toBeNull();
    expect(readClientAddress({ "x-forwarded-for": " , " })).toBeNull();
    expect(readClientAddress({ "x-forwarded-for": 42 })).toBeNull();
  });
});
