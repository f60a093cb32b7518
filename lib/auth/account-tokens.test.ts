import { describe, expect, it } from "vitest";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import {
  ACCOUNT_TOKEN_LIFETIME_MS,
  consumeAccountToken,
  findAccountToken,
  getAccountTokenStatus,
  hashAccountToken,
  isMailAllowed,
  issueAccountToken,
  MAIL_THROTTLE,
} from "./account-tokens";

const db = setUpTestDatabase();
const now = new Date("2026-05-01T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("isMailAllowed", () => {
  it("allows one mailed link a minute and five a day", () => {
    expect(isMailAllowed(now, [])).toBe(true);
    expect(isMailAllowed(now, [ago(MAIL_THROTTLE.gapMs - 1)])).toBe(false);
    expect(isMailAllowed(now, [ago(MAIL_THROTTLE.gapMs)])).toBe(true);
    const hours = (count: number) => Array.from({ length: count }, (_, i) => ago((i + 1) * 60 * 60_000));
    expect(isMailAllowed(now, hours(4))).toBe(true);
    expect(isMailAllowed(now, hours(5))).toBe(false);
    expect(isMailAllowed(now, [...hours(4), ago(25 * 60 * 60_000)])).toBe(true);
  });
});

describe("getAccountTokenStatus", () => {
  const row = { usedAt: null, expiresAt: new Date(now.getTime() + 1), email: "a@x.test" };
  it("is valid until used, expired, or the account's address changed", () => {
    expect(getAccountTokenStatus(row, "a@x.test", now)).toBe("valid");
    expect(getAccountTokenStatus({ ...row, usedAt: now }, "a@x.test", now)).toBe("used");
    expect(getAccountTokenStatus({ ...row, expiresAt: now }, "a@x.test", now)).toBe("expired");
    expect(getAccountTokenStatus(row, "b@x.test", now)).toBe("stale");
  });
});

describe("account links", () => {
  it("stores only the hash, expires by purpose, and works once", async () => {
    const user = await createTestUser(db);
    const issued = await issueAccountToken(db, { userId: user.id, email: user.email, purpose: "verify_email", via: "mail", now });
    expect(issued!.expiresAt.getTime() - now.getTime()).toBe(ACCOUNT_TOKEN_LIFETIME_MS.verify_email);
    const row = await db.accountToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).toBe(hashAccountToken(issued!.token));
    expect(JSON.stringify(row)).not.toContain(issued!.token);

    await expect(findAccountToken(db, issued!.token, "verify_email", now)).resolves.toMatchObject({ status: "valid", email: user.email });
    // The wrong purpose does not know it.
    await expect(findAccountToken(db, issued!.token, "reset_password", now)).resolves.toMatchObject({ status: "missing" });
    await db.$transaction((tx) => consumeAccountToken(tx, issued!.token, "verify_email", now));
    await expect(db.$transaction((tx) => consumeAccountToken(tx, issued!.token, "verify_email", now))).rejects.toThrow(/already been used/);
  });

  it("lets one of two simultaneous uses through", async () => {
    const user = await createTestUser(db);
    const issued = await issueAccountToken(db, { userId: user.id, email: user.email, purpose: "reset_password", via: "operator" });
    const results = await Promise.allSettled([0, 1].map(() => db.$transaction((tx) => consumeAccountToken(tx, issued!.token, "reset_password"))));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses an expired link, a link for an old address and an unknown one", async () => {
    const user = await createTestUser(db);
    const issued = await issueAccountToken(db, { userId: user.id, email: user.email, purpose: "reset_password", via: "mail", now });
    const later = new Date(now.getTime() + ACCOUNT_TOKEN_LIFETIME_MS.reset_password);
    await expect(db.$transaction((tx) => consumeAccountToken(tx, issued!.token, "reset_password", later))).rejects.toThrow(/expired/);

    const fresh = await issueAccountToken(db, { userId: user.id, email: user.email, purpose: "verify_email", via: "operator" });
    await db.user.update({ where: { id: user.id }, data: { email: `moved-${user.email}` } });
    await expect(db.$transaction((tx) => consumeAccountToken(tx, fresh!.token, "verify_email"))).rejects.toThrow(/no longer has/);
    await expect(db.$transaction((tx) => consumeAccountToken(tx, "no-such-link-at-all", "verify_email"))).rejects.toThrow(/not valid/);
  });

  it("throttles mailed links per account and purpose, not an operator's", async () => {
    const user = await createTestUser(db);
    const issue = (purpose: "verify_email" | "reset_password", via: "mail" | "operator", at: Date) =>
      issueAccountToken(db, { userId: user.id, email: user.email, purpose, via, now: at });
    expect(await issue("verify_email", "mail", now)).not.toBeNull();
    expect(await issue("verify_email", "mail", new Date(now.getTime() + 30_000))).toBeNull();
    expect(await issue("reset_password", "mail", new Date(now.getTime() + 30_000))).not.toBeNull();
    expect(await issue("verify_email", "operator", new Date(now.getTime() + 30_000))).not.toBeNull();
    expect(await issue("verify_email", "mail", new Date(now.getTime() + 61_000))).not.toBeNull();
  });
});
