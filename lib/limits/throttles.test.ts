import { describe, expect, it } from "vitest";
import { getEnv, type Env } from "@/lib/env";
import { setUpTestDatabase } from "@/tests/test-db";
import { parseRates } from "./rate";
import { enforceThrottles, throttleCaptures, throttleSignUp } from "./throttles";

process.env.RATE_LIMIT_SIGN_UPS_PER_ADDRESS = "3/1h";
process.env.RATE_LIMIT_SIGN_UPS = "5/1h";
process.env.RATE_LIMIT_CAPTURES_PER_USER = "2/10m";
process.env.RATE_LIMIT_CAPTURES_PER_TEAM = "3/1h";

const db = setUpTestDatabase();
const rates = (text: string) => {
  const parsed = parseRates(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.rates;
};

describe("sign-up", () => {
  it("is limited per client address and then for everyone, with a message for each", async () => {
    for (let index = 0; index < 3; index++) await throttleSignUp(db, "198.51.100.1");
    await expect(throttleSignUp(db, "198.51.100.1")).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: "Too many accounts were created from your network recently. No account was created; try again in 20 minutes.",
    });
    // Another address still has its own three, but only two are left for everyone.
    await throttleSignUp(db, "198.51.100.2");
    await throttleSignUp(db, null);
    await expect(throttleSignUp(db, "198.51.100.3")).rejects.toMatchObject({
      message: "Too many accounts were created in the last hour, so sign-up is paused. No account was created; try again in 12 minutes.",
    });
  });
});

describe("captures", () => {
  it("are limited per person and per team", async () => {
    const team = "team-captures";
    await throttleCaptures(db, { userId: "ann", teamId: team });
    await throttleCaptures(db, { userId: "ann", teamId: team });
    await expect(throttleCaptures(db, { userId: "ann", teamId: team })).rejects.toMatchObject({
      message: "You have captured many pages in a short time. Nothing was fetched; try again in 5 minutes.",
    });
    await throttleCaptures(db, { userId: "bob", teamId: team });
    await expect(throttleCaptures(db, { userId: "bob", teamId: team })).rejects.toMatchObject({
      message: "Your team has captured many pages in the last hour. Nothing was fetched; try again in 20 minutes.",
    });
    await expect(throttleCaptures(db, { userId: "bob", teamId: "another team" })).resolves.toBeUndefined();
  });
});

describe("enforceThrottles", () => {
  it("takes nothing from a throttle that is off", async () => {
    const env: Env = { ...getEnv(), RATE_LIMIT_WRITES_PER_USER: rates("off") };
    for (let index = 0; index < 50; index++) await expect(enforceThrottles(db, [{ name: "write:user", subject: "off-user" }], env)).resolves.toEqual([]);
  });

  it("says seconds when the wait is short", async () => {
    const env: Env = { ...getEnv(), RATE_LIMIT_WRITES_PER_USER: rates("2/10s") };
    await enforceThrottles(db, [{ name: "write:user", subject: "quick" }], env);
    await enforceThrottles(db, [{ name: "write:user", subject: "quick" }], env);
    await expect(enforceThrottles(db, [{ name: "write:user", subject: "quick" }], env)).rejects.toMatchObject({
      message: expect.stringMatching(/^You have made a great many changes in a short time, more than anyone makes by hand\. Nothing was changed; try again in [1-5] seconds?\.$/),
    });
  });
});
