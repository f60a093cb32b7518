import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/tests/test-db";
import { recordAuditEvent } from "@/lib/audit/record";
import { checkSignInLimit, decideSignInLimit, SIGN_IN_LIMITS } from "./rate-limit";

const now = new Date("2025-03-01T12:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const failuresAt = (...minutes: number[]) => minutes.map(minutesAgo);

describe("decideSignInLimit", () => {
  it("allows a sign-in below the per-account limit", () => {
    const decision = decideSignInLimit({ now, accountFailures: failuresAt(1, 2, 3, 4), addressFailures: [] });
    expect(decision).toEqual({ isAllowed: true });
  });

  it("refuses at the per-account limit until the limit-th newest failure leaves the window", () => {
    // Newest first: 1, 2, 3, 4, 10 minutes ago. The 5th newest (10 min ago) leaves the 15-minute window in 5 minutes.
    const decision = decideSignInLimit({ now, accountFailures: failuresAt(4, 10, 1, 3, 2), addressFailures: [] });
    expect(decision).toEqual({ isAllowed: false, retryAfterMinutes: 5 });
  });

  it("counts from the limit-th newest failure, not the oldest one, when there are more than the limit", () => {
    // Newest first: 1, 2, 3, 4, 6, 12. The 5th newest is 6 minutes old, so 9 minutes remain.
    const decision = decideSignInLimit({ now, accountFailures: failuresAt(12, 1, 2, 3, 4, 6), addressFailures: [] });
    expect(decision).toEqual({ isAllowed: false, retryAfterMinutes: 9 });
  });

  it("rounds a partial minute up and never asks to wait less than one minute", () => {
    const almostOut = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs + 10_000);
    const decision = decideSignInLimit({ now, accountFailures: [...failuresAt(1, 2, 3, 4), almostOut], addressFailures: [] });
    expect(decision).toEqual({ isAllowed: false, retryAfterMinutes: 1 });

    const partial = decideSignInLimit({
      now,
      accountFailures: [...failuresAt(1, 2, 3, 4), new Date(now.getTime() - 10 * 60_000 - 30_000)],
      addressFailures: [],
    });
    expect(partial).toEqual({ isAllowed: false, retryAfterMinutes: 5 });
  });

  it("ignores failures older than the window", () => {
    const decision = decideSignInLimit({ now, accountFailures: failuresAt(1, 2, 3, 4, 15, 20, 30), addressFailures: [] });
    expect(decision).toEqual({ isAllowed: true });
  });

  it("applies the per-address limit independently of the per-account limit", () => {
    const thirty = Array.from({ length: SIGN_IN_LIMITS.perAddress }, (_, index) => minutesAgo(index % 5));
    expect(decideSignInLimit({ now, accountFailures: [], addressFailures: thirty })).toMatchObject({ isAllowed: false });
    // Five failures from one address are far below its limit, and do not count against an account.
    expect(decideSignInLimit({ now, accountFailures: [], addressFailures: failuresAt(1, 2, 3, 4, 5) })).toEqual({ isAllowed: true });
    expect(decideSignInLimit({ now, accountFailures: [], addressFailures: thirty.slice(1) })).toEqual({ isAllowed: true });
  });

  it("waits for the later of the two blocks when both limits are reached", () => {
    const addressFailures = Array.from({ length: SIGN_IN_LIMITS.perAddress }, () => minutesAgo(1));
    const decision = decideSignInLimit({ now, accountFailures: failuresAt(10, 10, 10, 10, 10), addressFailures });
    expect(decision).toEqual({ isAllowed: false, retryAfterMinutes: 14 });
  });

  it("honours custom limits", () => {
    const limits = { windowMs: 60_000, perAccount: 2, perAddress: 3 } as unknown as typeof SIGN_IN_LIMITS;
    expect(decideSignInLimit({ now, accountFailures: [minutesAgo(0.5)], addressFailures: [], limits })).toEqual({ isAllowed: true });
    expect(decideSignInLimit({ now, accountFailures: [minutesAgo(0.5), minutesAgo(0.25)], addressFailures: [], limits })).toEqual({
      isAllowed: false,
      retryAfterMinutes: 1,
    });
  });
});

describe("checkSignInLimit", () => {
  const db = setUpTestDatabase();
  let counter = 0;
  const uniqueEmail = () => `limit-${++counter}-${Date.now()}@example.test`;

  async function recordAt(type: "auth.sign_in_failed" | "auth.signed_in", email: string, ip: string | null, createdAt: Date) {
    await db.auditEvent.create({ data: { type, email, ip, createdAt } });
  }

  it("allows an account with fewer failures than the limit", async () => {
    const email = uniqueEmail();
    for (const minutes of [1, 2, 3, 4]) await recordAt("auth.sign_in_failed", email, null, minutesAgo(minutes));
    await expect(checkSignInLimit(db, email, null, now)).resolves.toEqual({ isAllowed: true });
  });

  it("refuses an account with five recent failures and says how long to wait", async () => {
    const email = uniqueEmail();
    for (const minutes of [1, 2, 3, 4, 10]) await recordAt("auth.sign_in_failed", email, null, minutesAgo(minutes));
    await expect(checkSignInLimit(db, email, null, now)).resolves.toEqual({ isAllowed: false, retryAfterMinutes: 5 });
  });

  it("does not count failures older than the window", async () => {
    const email = uniqueEmail();
    for (const minutes of [1, 2, 3, 4, 16, 20]) await recordAt("auth.sign_in_failed", email, null, minutesAgo(minutes));
    await expect(checkSignInLimit(db, email, null, now)).resolves.toEqual({ isAllowed: true });
  });

  it("does not count failures before the account's last successful sign-in", async () => {
    const email = uniqueEmail();
    for (const minutes of [6, 7, 8, 9]) await recordAt("auth.sign_in_failed", email, null, minutesAgo(minutes));
    await recordAt("auth.signed_in", email, null, minutesAgo(5));
    await recordAt("auth.sign_in_failed", email, null, minutesAgo(1));
    await expect(checkSignInLimit(db, email, null, now)).resolves.toEqual({ isAllowed: true });

    // Without the success in between the same five failures would block.
    const other = uniqueEmail();
    for (const minutes of [1, 6, 7, 8, 9]) await recordAt("auth.sign_in_failed", other, null, minutesAgo(minutes));
    await expect(checkSignInLimit(db, other, null, now)).resolves.toMatchObject({ isAllowed: false });
  });

  it("counts failures after the last successful sign-in", async () => {
    const email = uniqueEmail();
    await recordAt("auth.signed_in", email, null, minutesAgo(10));
    for (const minutes of [1, 2, 3, 4, 5]) await recordAt("auth.sign_in_failed", email, null, minutesAgo(minutes));
    await expect(checkSignInLimit(db, email, null, now)).resolves.toEqual({ isAllowed: false, retryAfterMinutes: 10 });
  });

  it("refuses any email from an address with thirty recent failures, and a success elsewhere does not reset it", async () => {
    const ip = "203.0.113.7";
    for (let index = 0; index < SIGN_IN_LIMITS.perAddress; index++) {
      await recordAt("auth.sign_in_failed", uniqueEmail(), ip, minutesAgo(1));
    }
    const fresh = uniqueEmail();
    await recordAt("auth.signed_in", fresh, ip, minutesAgo(0.5));
    await expect(checkSignInLimit(db, fresh, ip, now)).resolves.toEqual({ isAllowed: false, retryAfterMinutes: 14 });
    await expect(checkSignInLimit(db, fresh, "198.51.100.1", now)).resolves.toEqual({ isAllowed: true });
    await expect(checkSignInLimit(db, fresh, null, now)).resolves.toEqual({ isAllowed: true });
  });

  it("reads the failures that recordAuditEvent writes", async () => {
    const email = uniqueEmail();
    for (let index = 0; index < SIGN_IN_LIMITS.perAccount; index++) {
      await recordAuditEvent(db, { type: "auth.sign_in_failed", email, ip: "192.0.2.1" });
    }
    await expect(checkSignInLimit(db, email, "192.0.2.99")).resolves.toMatchObject({ isAllowed: false, retryAfterMinutes: 15 });
  });
});
