import type { Db } from "@/lib/config/prisma-client";
import { getEnv, type Env } from "@/lib/env";
import { addressBlock } from "@/lib/http/ip";
import { describeWait } from "@/lib/limits/rate";
import { bucketsFor, clear, refund, reserve, type Bucket } from "@/lib/limits/rate-limiter";

type LimiterDb = Pick<Db, "rateLimit" | "$transaction">;

/**
 * Who a sign-in attempt counts against. From a browser that signed in to this account before
 * (`deviceId`, lib/auth/known-device.ts), only that browser's own budget: an attacker hammering
 * the account or the network cannot lock its owner out there. Otherwise the account's budget
 * (shared by everyone without such a browser, the attacker included), and the address's budget
 * when the address is known for sure (lib/http/client-address.ts).
 */
export type SignInSubject = { email: string; ip: string | null; deviceId: string | null };

export type SignInAttempt =
  | {
      isAllowed: true;
      /** The password was right: forgive this browser's or account's failures, give the address its unit back. */
      succeed(): Promise<void>;
      /** The attempt neither failed nor succeeded (a code is still needed): give its units back, forgive nothing. */
      release(): Promise<void>;
    }
  | { isAllowed: false; message: string };

/**
 * Counts the attempt before the password is checked, atomically (lib/limits/rate-limiter.ts), so
 * forty guesses sent at once get as many checks as five sent one by one. A wrong password keeps
 * its unit; a refused attempt takes none, so hammering does not lengthen the wait.
 */
export async function reserveSignInAttempt(db: LimiterDb, subject: SignInSubject, env: Env = getEnv()): Promise<SignInAttempt> {
  const own = subject.deviceId
    ? bucketsFor("sign-in:device", env.RATE_LIMIT_SIGN_INS_PER_ACCOUNT, subject.deviceId)
    : bucketsFor("sign-in:account", env.RATE_LIMIT_SIGN_INS_PER_ACCOUNT, subject.email);
  const address = subject.ip && !subject.deviceId ? bucketsFor("sign-in:address", env.RATE_LIMIT_SIGN_INS_PER_ADDRESS, addressBlock(subject.ip)) : [];
  const reservation = await reserve(db, [...own, ...address]);
  if (!reservation.isAllowed) return { isAllowed: false, message: describeRefusal(reservation, { own, subject }) };
  return {
    isAllowed: true,
    async succeed() {
      await clear(db, own);
      await refund(db, address);
    },
    async release() {
      await refund(db, [...own, ...address]);
    },
  };
}

function describeRefusal(reservation: { retryAfterMs: number; refusedBy: Bucket }, context: { own: Bucket[]; subject: SignInSubject }): string {
  // Minutes: a sign-in form that says "try again in 20 seconds" invites a countdown of guesses.
  const base = `Too many failed sign-in attempts. For your security, try again in ${describeWait(Math.max(60_000, reservation.retryAfterMs))}.`;
  if (context.subject.deviceId) return base;
  if (!context.own.includes(reservation.refusedBy)) return `${base} Many sign-ins from your network failed.`;
  return `${base} A browser you have signed in with before can still sign in.`;
}
