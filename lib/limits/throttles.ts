import type { Db } from "@/lib/config/prisma-client";
import { getEnv, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { addressBlock } from "@/lib/http/ip";
import { describeWait } from "./rate";
import { bucketsFor, reserve, type Bucket } from "./rate-limiter";

type LimiterDb = Pick<Db, "rateLimit" | "$transaction">;

/**
 * The throttles other than sign-in's (lib/auth/sign-in-limit.ts), each with its rates from the
 * environment and the message a refused person reads. Every message says nothing was done and
 * how long to wait.
 */
const THROTTLES = {
  "sign-up:address": {
    rates: (env: Env) => env.RATE_LIMIT_SIGN_UPS_PER_ADDRESS,
    message: (wait: string) => `Too many accounts were created from your network recently. No account was created; try again in ${wait}.`,
  },
  "sign-up:all": {
    rates: (env: Env) => env.RATE_LIMIT_SIGN_UPS,
    message: (wait: string) => `Too many accounts were created in the last hour, so sign-up is paused. No account was created; try again in ${wait}.`,
  },
  "write:user": {
    rates: (env: Env) => env.RATE_LIMIT_WRITES_PER_USER,
    message: (wait: string) => `You have made a great many changes in a short time, more than anyone makes by hand. Nothing was changed; try again in ${wait}.`,
  },
  "capture:user": {
    rates: (env: Env) => env.RATE_LIMIT_CAPTURES_PER_USER,
    message: (wait: string) => `You have captured many pages in a short time. Nothing was fetched; try again in ${wait}.`,
  },
  "capture:team": {
    rates: (env: Env) => env.RATE_LIMIT_CAPTURES_PER_TEAM,
    message: (wait: string) => `Your team has captured many pages in the last hour. Nothing was fetched; try again in ${wait}.`,
  },
  "presence:user": {
    rates: (env: Env) => env.RATE_LIMIT_PRESENCE_PER_USER,
    message: (wait: string) => `Your pages have told colleagues where you are a great many times in a short time. They will again in ${wait}.`,
  },
} as const;

export type ThrottleName = keyof typeof THROTTLES;

/**
 * Takes one unit from each named throttle for its subject, or refuses with the message of the
 * throttle that holds the request longest (RATE_LIMITED, nothing taken). Returns what was taken,
 * for a caller that may give it back.
 */
export async function enforceThrottles(db: LimiterDb, checks: Array<{ name: ThrottleName; subject: string }>, env = getEnv()): Promise<Bucket[]> {
  const named = checks.flatMap(({ name, subject }) => bucketsFor(name, THROTTLES[name].rates(env), subject).map((bucket) => ({ name, bucket })));
  if (named.length === 0) return [];
  const reservation = await reserve(db, named.map(({ bucket }) => bucket));
  if (reservation.isAllowed) return reservation.buckets;
  const { name } = named.find(({ bucket }) => bucket === reservation.refusedBy)!;
  throw new AppError("RATE_LIMITED", THROTTLES[name].message(describeWait(reservation.retryAfterMs)));
}

/**
 * Every change a signed-in person asks for (each server action with a writing permission,
 * lib/auth/action.ts) counts against their own budget, whichever team it is in.
 */
export async function throttleWrites(db: LimiterDb, userId: string): Promise<void> {
  await enforceThrottles(db, [{ name: "write:user", subject: userId }]);
}

/** A page capture makes the server fetch someone else's page: counted per person and per team, before anything is fetched. */
export async function throttleCaptures(db: LimiterDb, actor: { userId: string; teamId: string }): Promise<void> {
  await enforceThrottles(db, [
    { name: "capture:user", subject: actor.userId },
    { name: "capture:team", subject: actor.teamId },
  ]);
}

/**
 * A page telling colleagues it arrived or does something new (lib/presence), per person: a
 * heartbeat that only renews costs one UPDATE and is not counted; a flood of changes is.
 */
export async function throttlePresence(db: LimiterDb, userId: string): Promise<void> {
  await enforceThrottles(db, [{ name: "presence:user", subject: userId }]);
}

/**
 * Sign-ups that create a team, counted per client address (when it is known) and for the whole
 * server. A sign-up through an invitation is not counted: each needs its own single-use link.
 */
export async function throttleSignUp(db: LimiterDb, ip: string | null): Promise<void> {
  const byAddress = ip ? [{ name: "sign-up:address" as const, subject: addressBlock(ip) }] : [];
  await enforceThrottles(db, [...byAddress, { name: "sign-up:all", subject: "all" }]);
}
