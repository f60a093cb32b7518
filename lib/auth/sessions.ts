import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/config/prisma-client";
import { getEnv } from "@/lib/env";
import { describeDevice } from "./device-label";

export type SessionPolicy = { idleMs: number; lifetimeMs: number };
export type SessionMethod = "password" | "sso";
export type ActiveSessionUser = { id: string; email: string; name: string; sessionId: string };

/** Last-seen is written at most this often, so most requests only read. */
export const SESSION_TOUCH_MS = 5 * 60_000;

type SessionClient = Pick<Db, "session">;

export function readSessionPolicy(env = getEnv()): SessionPolicy {
  return { idleMs: env.SESSION_IDLE_HOURS * 3_600_000, lifetimeMs: env.SESSION_LIFETIME_DAYS * 86_400_000 };
}

/** Pure rule: what a session row must satisfy at `now` to count (not revoked is the third condition). */
export function activeSessionBounds(now: Date, policy: SessionPolicy) {
  return { lastSeenAfter: new Date(now.getTime() - policy.idleMs), expiresAfter: now };
}

function activeWhere(now: Date, policy: SessionPolicy) {
  const bounds = activeSessionBounds(now, policy);
  return { revokedAt: null, expiresAt: { gt: bounds.expiresAfter }, lastSeenAt: { gt: bounds.lastSeenAfter } };
}

/**
 * Records a new sign-in and returns the session id the cookie will carry (256 random bits; the
 * cookie itself is encrypted with NEXTAUTH_SECRET). The person's dead sessions are cleared out.
 */
export async function startSession(
  db: SessionClient,
  input: { userId: string; method: SessionMethod; userAgent?: string | null; now?: Date; policy?: SessionPolicy },
): Promise<string> {
  const now = input.now ?? new Date();
  const policy = input.policy ?? readSessionPolicy();
  const id = randomBytes(32).toString("base64url");
  const bounds = activeSessionBounds(now, policy);
  await db.session.deleteMany({
    where: { userId: input.userId, OR: [{ revokedAt: { not: null } }, { expiresAt: { lte: now } }, { lastSeenAt: { lte: bounds.lastSeenAfter } }] },
  });
  await db.session.create({
    data: {
      id,
      userId: input.userId,
      method: input.method,
      device: describeDevice(input.userAgent),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.lifetimeMs),
    },
  });
  return id;
}

/**
 * The user behind a session id if the session is neither revoked, nor past its absolute end,
 * nor idle too long. A session seen in the last SESSION_TOUCH_MS costs one query (the user,
 * found through the session: Prisma reads a relation with a second query, a filter on one it
 * does not); otherwise it is checked again and its last-seen moved forward.
 */
export async function loadSessionUser(
  db: Pick<Db, "session" | "user">,
  sessionId: string,
  options: { now?: Date; policy?: SessionPolicy; isMailEnabled?: boolean } = {},
): Promise<ActiveSessionUser | null> {
  const now = options.now ?? new Date();
  const active = activeWhere(now, options.policy ?? readSessionPolicy());
  const select = { id: true, email: true, name: true } as const;
  const usable = options.isMailEnabled ? USABLE_WHERE_MAIL_IS_SET_UP : {};
  const recentlySeen = { gt: new Date(now.getTime() - SESSION_TOUCH_MS) };
  const user = await db.user.findFirst({ where: { ...usable, sessions: { some: { id: sessionId, ...active, lastSeenAt: recentlySeen } } }, select });
  if (user) return { ...user, sessionId };
  const row = await db.session.findFirst({ where: { id: sessionId, ...active, user: usable }, select: { user: { select } } });
  if (!row) return null;
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: now } });
  return { ...row.user, sessionId };
}

/**
 * Whether a session still works, without counting this as activity (a long-lived request such as
 * a live stream asks now and then; only the person's own requests keep a session from idling out).
 */
export async function isSessionActive(db: Pick<Db, "session">, sessionId: string, options: { now?: Date; policy?: SessionPolicy } = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  return (await db.session.count({ where: { id: sessionId, ...activeWhere(now, options.policy ?? readSessionPolicy()) } })) > 0;
}

/**
 * isAccountUsable (lib/auth/email-proof.ts) as a filter, so the session's one query checks it too:
 * where mail is set up, a password account counts only once its address is verified.
 */
const USABLE_WHERE_MAIL_IS_SET_UP = { OR: [{ passwordHash: null }, { emailVerifiedAt: { not: null } }] };

/** The person's sessions that still work, newest activity first, for the account page. */
export async function listActiveSessions(db: SessionClient, userId: string, options: { now?: Date; policy?: SessionPolicy } = {}) {
  const now = options.now ?? new Date();
  return db.session.findMany({
    where: { userId, ...activeWhere(now, options.policy ?? readSessionPolicy()) },
    select: { id: true, method: true, device: true, createdAt: true, lastSeenAt: true, expiresAt: true },
    orderBy: { lastSeenAt: "desc" },
  });
}

/** Ends one of the person's sessions; false when it was not theirs or already ended. */
export async function revokeSession(db: SessionClient, input: { userId: string; sessionId: string; now?: Date }): Promise<boolean> {
  const { count } = await db.session.updateMany({
    where: { id: input.sessionId, userId: input.userId, revokedAt: null },
    data: { revokedAt: input.now ?? new Date() },
  });
  return count === 1;
}

/** Ends all of the person's sessions, or all but `exceptId` (the one making the change). */
export async function revokeSessions(db: SessionClient, input: { userId: string; exceptId?: string; now?: Date }): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { userId: input.userId, revokedAt: null, ...(input.exceptId ? { id: { not: input.exceptId } } : {}) },
    data: { revokedAt: input.now ?? new Date() },
  });
  return count;
}
