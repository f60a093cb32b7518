import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/config/prisma-client";
import { lockRows } from "@/lib/config/row-locks";
import { AppError } from "@/lib/errors";

/** What a link is for; each purpose has its own lifetime and its own throttle. */
export const ACCOUNT_TOKEN_PURPOSES = ["verify_email", "reset_password"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];
/** mail: sent to the address; operator: printed by an operator command for them to hand over. */
export type AccountTokenVia = "mail" | "operator";

const HOUR = 60 * 60_000;
export const ACCOUNT_TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = { verify_email: 48 * HOUR, reset_password: HOUR };
/** An operator hands a reset link over by hand, which takes longer than opening a mail. */
export const OPERATOR_RESET_LIFETIME_MS = 24 * HOUR;
/** Mailed links per account and purpose: one a minute, five a day, so the form cannot be used to flood a mailbox. */
export const MAIL_THROTTLE = { gapMs: 60_000, perDay: 5 } as const;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Client = Db | Tx;

/** 256 random bits, URL-safe; only the SHA-256 is stored, so a database leak gives no links. */
export function createAccountToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashAccountToken(token) };
}

export function hashAccountToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Pure rule: may another link be mailed, given when the recent ones were made? */
export function isMailAllowed(now: Date, recent: Date[], throttle = MAIL_THROTTLE): boolean {
  const times = recent.map((date) => date.getTime());
  if (times.some((time) => now.getTime() - time < throttle.gapMs)) return false;
  return times.filter((time) => now.getTime() - time < 24 * HOUR).length < throttle.perDay;
}

export type AccountTokenStatus = "valid" | "used" | "expired" | "stale";

/** A link for an address the account no longer has is stale: it proves nothing about the new one. */
export function getAccountTokenStatus(
  row: { usedAt: Date | null; expiresAt: Date; email: string },
  accountEmail: string,
  now = new Date(),
): AccountTokenStatus {
  if (row.usedAt) return "used";
  if (row.expiresAt <= now) return "expired";
  if (row.email !== accountEmail) return "stale";
  return "valid";
}

/**
 * Makes a link for `purpose`. A mailed one is throttled per account (null: not now), counting
 * the links made before it with the account locked, so two asked for at once count each other;
 * an operator's is not throttled. The caller sends or prints `token`.
 */
export async function issueAccountToken(
  db: Db,
  input: { userId: string; email: string; purpose: AccountTokenPurpose; via: AccountTokenVia; now?: Date },
): Promise<{ token: string; expiresAt: Date } | null> {
  const now = input.now ?? new Date();
  const lifetime = input.via === "operator" && input.purpose === "reset_password" ? OPERATOR_RESET_LIFETIME_MS : ACCOUNT_TOKEN_LIFETIME_MS[input.purpose];
  const { token, tokenHash } = createAccountToken();
  const expiresAt = new Date(now.getTime() + lifetime);
  const isIssued = await db.$transaction(async (tx) => {
    if (input.via === "mail") {
      await lockRows(tx, "User", [input.userId]);
      const recent = await tx.accountToken.findMany({
        where: { userId: input.userId, purpose: input.purpose, via: "mail", createdAt: { gt: new Date(now.getTime() - 24 * HOUR) } },
        select: { createdAt: true },
      });
      if (!isMailAllowed(now, recent.map((row) => row.createdAt))) return false;
    }
    await tx.accountToken.create({
      data: { userId: input.userId, email: input.email, purpose: input.purpose, via: input.via, tokenHash, createdAt: now, expiresAt },
    });
    return true;
  });
  return isIssued ? { token, expiresAt } : null;
}

const statusMessages: Record<Exclude<AccountTokenStatus, "valid">, string> = {
  used: "This link has already been used. Ask for a new one if you still need it.",
  expired: "This link has expired. Ask for a new one.",
  stale: "This link was sent to an address the account no longer has. Ask for a new one.",
};
const NOT_FOUND_MESSAGE = "This link is not valid. Check that you copied all of it, or ask for a new one.";

/** What a link's page shows: whether it still works and, if not, why. */
export async function findAccountToken(db: Client, token: string, purpose: AccountTokenPurpose, now = new Date()) {
  const row = await db.accountToken.findUnique({
    where: { tokenHash: hashAccountToken(token) },
    select: { purpose: true, email: true, usedAt: true, expiresAt: true, user: { select: { email: true } } },
  });
  if (!row || row.purpose !== purpose) return { status: "missing" as const, message: NOT_FOUND_MESSAGE };
  const status = getAccountTokenStatus(row, row.user.email, now);
  return { status, email: row.email, message: status === "valid" ? null : statusMessages[status] };
}

/**
 * Uses a link once, inside the caller's transaction: the claim is one conditional update, so two
 * clicks at the same moment cannot both go on. Throws the reason when it no longer works.
 */
export async function consumeAccountToken(tx: Tx, token: string, purpose: AccountTokenPurpose, now = new Date()) {
  const row = await tx.accountToken.findUnique({
    where: { tokenHash: hashAccountToken(token) },
    select: { id: true, purpose: true, email: true, via: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true } } },
  });
  if (!row || row.purpose !== purpose) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const status = getAccountTokenStatus(row, row.user.email, now);
  if (status !== "valid") throw new AppError("GONE", statusMessages[status]);
  const claimed = await tx.accountToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (claimed.count !== 1) throw new AppError("GONE", statusMessages.used);
  const via: AccountTokenVia = row.via === "operator" ? "operator" : "mail";
  return { userId: row.user.id, email: row.email, via };
}

/** Ends every other unused link of the account for `purpose` (after a reset, the older reset links). */
export async function expireAccountTokens(tx: Client, userId: string, purpose?: AccountTokenPurpose, now = new Date()) {
  await tx.accountToken.updateMany({ where: { userId, usedAt: null, ...(purpose ? { purpose } : {}) }, data: { usedAt: now } });
}
