import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { getEnv } from "@/lib/env";
import { bucketsFor } from "@/lib/limits/rate-limiter";
import { authenticateWithPassword, WRONG_CREDENTIALS_MESSAGE } from "./authenticate";
import { hashPassword } from "./password";

const PER_ACCOUNT = getEnv().RATE_LIMIT_SIGN_INS_PER_ACCOUNT[0].count;
const PER_ADDRESS = getEnv().RATE_LIMIT_SIGN_INS_PER_ADDRESS[0].count;
const RATE_LIMITED = /^Too many failed sign-in attempts\. For your security, try again in \d+ minutes?\./;

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
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name }, deviceToken: expect.stringMatching(/^[\w-]{43}$/) });
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
    for (let attempt = 0; attempt < PER_ACCOUNT; attempt++) {
      const result = await authenticateWithPassword(db, { email: user.email, password: `wrong ${attempt}` }, `198.51.100.${attempt}`);
      expect(result).toMatchObject({ code: "INVALID_CREDENTIALS" });
    }
    const sixth = await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, "198.51.100.200");
    expect(sixth).toEqual({
      ok: false,
      code: "RATE_LIMITED",
      message: "Too many failed sign-in attempts. For your security, try again in 3 minutes. A browser you have signed in with before can still sign in.",
    });
    // A refused attempt is not recorded as a sign-in.
    expect(await db.auditEvent.count({ where: { type: "auth.signed_in", email: user.email } })).toBe(0);
  });

  it("also limits per address: thirty failures from one address over different emails block a thirty-first email", async () => {
    const ip = "203.0.113.50";
    for (let attempt = 0; attempt < PER_ADDRESS; attempt++) {
      const result = await authenticateWithPassword(db, { email: `spray-${attempt}@example.test`, password: "guess" }, ip);
      expect(result).toMatchObject({ code: "INVALID_CREDENTIALS" });
    }
    const user = await createUserWithPassword();
    const fromSameAddress = await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, ip);
    expect(fromSameAddress).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
      message: expect.stringMatching(/Too many failed sign-in attempts\. .* Many sign-ins from your network failed\.$/),
    });

    const fromElsewhere = await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, "203.0.113.51");
    expect(fromElsewhere).toMatchObject({ ok: true, user: { id: user.id } });
  });
});

/** Waits until `units` sign-ins to the account have been counted (its first rate's bucket). */
async function untilUnitsTaken(email: string, units: number) {
  const [bucket] = bucketsFor("sign-in:account", getEnv().RATE_LIMIT_SIGN_INS_PER_ACCOUNT, email);
  const interval = bucket.rate.windowMs / bucket.rate.count;
  for (const started = Date.now(); Date.now() - started < 10_000; await new Promise((resolve) => setTimeout(resolve, 2))) {
    const row = await db.rateLimit.findUnique({ where: { key: bucket.key } });
    if (row && Number(row.readyAt) - Date.now() > (units - 0.5) * interval) return;
  }
  throw new Error(`the guesses did not take ${units} units within 10 s`);
}

describe("the sign-in limit under concurrency", () => {
  it("counts before checking: of forty wrong passwords sent at once, at most five are checked", async () => {
    const user = await createUserWithPassword();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, index) => authenticateWithPassword(db, { email: user.email, password: `guess ${index}` }, null)),
    );
    const checked = results.filter((result) => !result.ok && result.code === "INVALID_CREDENTIALS");
    expect(checked.length).toBeLessThanOrEqual(PER_ACCOUNT);
    expect(results.filter((result) => !result.ok && result.code === "RATE_LIMITED")).toHaveLength(40 - checked.length);
    expect(await db.auditEvent.count({ where: { type: "auth.sign_in_failed", email: user.email } })).toBe(checked.length);
  });

  it("refuses the right password while wrong ones sent just before it are still being checked", async () => {
    const user = await createUserWithPassword();
    const guesses = Array.from({ length: 9 }, (_, index) => authenticateWithPassword(db, { email: user.email, password: `guess ${index}` }, null));
    // The right password goes out as soon as the guesses have taken the account's units, while
    // they are still being checked. (Sent merely tenth, it could reach PostgreSQL first: requests
    // sent together run side by side there, in any order.)
    let answeredWrong = 0;
    for (const guess of guesses) void guess.then((result) => (answeredWrong += !result.ok && result.code === "INVALID_CREDENTIALS" ? 1 : 0));
    await untilUnitsTaken(user.email, PER_ACCOUNT);
    // Counted before checked: the units are gone before most guesses have been answered (each
    // check takes ~50 ms). Counting after checking, they would go only as checks end.
    expect(answeredWrong).toBeLessThan(PER_ACCOUNT - 1);
    const right = authenticateWithPassword(db, { email: user.email, password: PASSWORD }, null);
    const [answer] = await Promise.all([right, ...guesses]);
    expect(answer).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await db.auditEvent.count({ where: { type: "auth.signed_in", email: user.email } })).toBe(0);
  });
});

describe("known devices", () => {
  it("let the owner's right password through from a browser that signed in before, while the account is throttled for others", async () => {
    const user = await createUserWithPassword();
    const first = await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, "192.0.2.30");
    if (!first.ok) throw new Error(first.message);
    // An attacker uses up the account's budget from elsewhere.
    for (let attempt = 0; attempt < PER_ACCOUNT + 3; attempt++) {
      await authenticateWithPassword(db, { email: user.email, password: `guess ${attempt}` }, "198.51.100.66");
    }
    const elsewhere = await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, "192.0.2.31");
    expect(elsewhere).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    const known = await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, "192.0.2.31", { deviceToken: first.deviceToken });
    expect(known).toMatchObject({ ok: true, user: { id: user.id }, deviceToken: first.deviceToken });
    // The attacker's budget was not reset by the owner's sign-in.
    const attacker = await authenticateWithPassword(db, { email: user.email, password: "guess again" }, "198.51.100.66");
    expect(attacker).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  });

  it("are known to the account they signed in to only: another account's cookie or a made-up one counts as unknown", async () => {
    const [owner, other] = [await createUserWithPassword(), await createUserWithPassword()];
    const signedIn = await authenticateWithPassword(db, { email: other.email, password: PASSWORD }, null);
    if (!signedIn.ok) throw new Error(signedIn.message);
    for (let attempt = 0; attempt < PER_ACCOUNT; attempt++) await authenticateWithPassword(db, { email: owner.email, password: `guess ${attempt}` }, null);
    for (const deviceToken of [signedIn.deviceToken, "A".repeat(43), "not a token", null]) {
      const result = await authenticateWithPassword(db, { email: owner.email, password: PASSWORD }, null, { deviceToken });
      expect(result, String(deviceToken)).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    }
  });

  it("have a budget of their own: wrong passwords from a known browser throttle that browser alone", async () => {
    const user = await createUserWithPassword();
    const first = await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, null);
    if (!first.ok) throw new Error(first.message);
    const fromDevice = (password: string) => authenticateWithPassword(db, { email: user.email, password }, null, { deviceToken: first.deviceToken });
    for (let attempt = 0; attempt < PER_ACCOUNT; attempt++) expect(await fromDevice(`guess ${attempt}`)).toMatchObject({ code: "INVALID_CREDENTIALS" });
    expect(await fromDevice(PASSWORD)).toMatchObject({ ok: false, message: expect.stringMatching(RATE_LIMITED) });
    // Everyone else still has the account's budget.
    expect(await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, null)).toMatchObject({ ok: true });
  });

  it("store only a hash of the cookie's token, and a browser keeps one token for every account it signs in to", async () => {
    const [one, two] = [await createUserWithPassword(), await createUserWithPassword()];
    const first = await authenticateWithPassword(db, { email: one.email, password: PASSWORD }, null);
    if (!first.ok) throw new Error(first.message);
    const second = await authenticateWithPassword(db, { email: two.email, password: PASSWORD }, null, { deviceToken: first.deviceToken });
    expect(second).toMatchObject({ ok: true, deviceToken: first.deviceToken });
    const rows = await db.knownDevice.findMany({ where: { userId: { in: [one.id, two.id] } }, select: { tokenHash: true } });
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.tokenHash !== first.deviceToken && /^[0-9a-f]{64}$/.test(row.tokenHash))).toBe(true);
  });
});

describe("the per-address limit", () => {
  it("does not apply when the address is unknown", async () => {
    for (let attempt = 0; attempt < PER_ADDRESS + 2; attempt++) {
      await authenticateWithPassword(db, { email: `unknown-address-${attempt}@example.test`, password: "guess" }, null);
    }
    const user = await createUserWithPassword();
    expect(await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, null)).toMatchObject({ ok: true });
  });

  it("counts an IPv6 client by its /64, so rotating addresses inside it does not help", async () => {
    for (let attempt = 0; attempt < PER_ADDRESS; attempt++) {
      await authenticateWithPassword(db, { email: `rotating-${attempt}@example.test`, password: "guess" }, `2001:db8:5:6::${(attempt + 1).toString(16)}`);
    }
    const user = await createUserWithPassword();
    expect(await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, "2001:db8:5:6:ffff::1")).toMatchObject({ code: "RATE_LIMITED" });
    expect(await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, "2001:db8:5:7::1")).toMatchObject({ ok: true });
  });

  it("gives a successful sign-in's unit back, so colleagues signing in behind one address never meet it", async () => {
    const ip = "192.0.2.77";
    for (let index = 0; index < PER_ADDRESS + 5; index++) {
      const user = await createUserWithPassword();
      expect(await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, ip)).toMatchObject({ ok: true });
    }
  });
});
