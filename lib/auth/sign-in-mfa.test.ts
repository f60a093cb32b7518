import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { confirmTwoStepSetup, startTwoStepSetup } from "@/lib/account/two-step";
import { authenticateWithPassword } from "./authenticate";
import { CODE_REQUIRED_MESSAGE, WRONG_CODE_MESSAGE } from "./error-messages";
import { hashPassword } from "./password";
import { timeStepAt, totpCodeAt } from "./totp";

const db = setUpTestDatabase();
const PASSWORD = "correct horse battery";
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

/** A person with two-step verification on, set up a minute ago (so the current code is unused). */
async function createPersonWithTwoStep() {
  const user = await createTestUser(db, { passwordHash });
  await startTwoStepSetup(db, user);
  const { secret } = await db.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
  const aMinuteAgo = new Date(Date.now() - 60_000);
  const recoveryCodes = await confirmTwoStepSetup(db, user, totpCodeAt(secret, timeStepAt(aMinuteAgo)), aMinuteAgo);
  const currentCode = () => totpCodeAt(secret, timeStepAt(new Date()));
  return { user, recoveryCodes, currentCode };
}

/** The account's budget by default (RATE_LIMIT_SIGN_INS_PER_ACCOUNT = 5/15m,20/1d): five at once. */
const ACCOUNT_BURST = 5;

const failures = (email: string) => db.auditEvent.count({ where: { type: "auth.sign_in_failed", email } });

describe("sign-in with two-step verification", () => {
  it("asks for the code only once the password is right, and counts no failure for asking", async () => {
    const { user } = await createPersonWithTwoStep();
    const wrong = await authenticateWithPassword(db, { email: user.email, password: "not the password" }, null);
    expect(wrong).toMatchObject({ ok: false, code: "INVALID_CREDENTIALS", message: "Wrong email or password." });
    const right = await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, null);
    expect(right).toEqual({ ok: false, code: "CODE_REQUIRED", message: CODE_REQUIRED_MESSAGE });
    expect(await failures(user.email)).toBe(1);
    expect(await db.auditEvent.count({ where: { type: "auth.signed_in", email: user.email } })).toBe(0);
  });

  it("signs in with the current code, and refuses the same code a second time", async () => {
    const { user, currentCode } = await createPersonWithTwoStep();
    const code = currentCode();
    expect(await authenticateWithPassword(db, { email: user.email, password: PASSWORD, code }, null)).toMatchObject({ ok: true, user: { id: user.id } });
    const replay = await authenticateWithPassword(db, { email: user.email, password: PASSWORD, code }, "192.0.2.30");
    expect(replay).toEqual({ ok: false, code: "INVALID_CODE", message: WRONG_CODE_MESSAGE });
    expect(await db.auditEvent.findMany({ where: { type: "auth.sign_in_failed", email: user.email } })).toMatchObject([
      { userId: user.id, ip: "192.0.2.30", detail: JSON.stringify({ factor: "totp" }) },
    ]);
  });

  it("lets only one of two sign-ins racing with the same code through", async () => {
    const { user, currentCode } = await createPersonWithTwoStep();
    const code = currentCode();
    const results = await Promise.all([1, 2].map(() => authenticateWithPassword(db, { email: user.email, password: PASSWORD, code }, null)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it("counts wrong codes as failed sign-ins: after five, even the right code is refused", async () => {
    const { user, currentCode } = await createPersonWithTwoStep();
    for (let attempt = 0; attempt < ACCOUNT_BURST; attempt++) {
      const result = await authenticateWithPassword(db, { email: user.email, password: PASSWORD, code: String(100000 + attempt) }, null);
      expect(result).toMatchObject({ code: "INVALID_CODE" });
    }
    const limited = await authenticateWithPassword(db, { email: user.email, password: PASSWORD, code: currentCode() }, null);
    expect(limited).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  });

  it("does not forgive wrong codes when the password alone is sent again (being asked for the code resets nothing)", async () => {
    const { user, currentCode } = await createPersonWithTwoStep();
    for (let attempt = 0; attempt < ACCOUNT_BURST - 1; attempt++) {
      expect(await authenticateWithPassword(db, { email: user.email, password: PASSWORD, code: String(200000 + attempt) }, null)).toMatchObject({ code: "INVALID_CODE" });
      expect(await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, null)).toMatchObject({ code: "CODE_REQUIRED" });
    }
    expect(await authenticateWithPassword(db, { email: user.email, password: PASSWORD, code: "299999" }, null)).toMatchObject({ code: "INVALID_CODE" });
    expect(await authenticateWithPassword(db, { email: user.email, password: PASSWORD, code: currentCode() }, null)).toMatchObject({ code: "RATE_LIMITED" });
  });

  it("takes a recovery code once, typed in any case and without its dash", async () => {
    const { user, recoveryCodes } = await createPersonWithTwoStep();
    expect(recoveryCodes).toHaveLength(10);
    const typed = recoveryCodes[3].replace("-", "").toLowerCase();
    expect(await authenticateWithPassword(db, { email: user.email, password: PASSWORD, code: typed }, null)).toMatchObject({ ok: true });
    expect(await authenticateWithPassword(db, { email: user.email, password: PASSWORD, code: recoveryCodes[3] }, null)).toMatchObject({ code: "INVALID_CODE" });
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
  });

  it("does not ask a person without two-step verification for a code", async () => {
    const user = await createTestUser(db, { passwordHash });
    expect(await authenticateWithPassword(db, { email: user.email, password: PASSWORD }, null)).toMatchObject({ ok: true });
  });
});
