import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/config/prisma-client";

/** How long a browser stays known after its last sign-in (the cookie's lifetime too). */
export const KNOWN_DEVICE_DAYS = 365;
const DAY_MS = 86_400_000;
/** 256 random bits, base64url: what the cookie holds. Only its SHA-256 is stored. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

type DeviceDb = Pick<Db, "knownDevice">;

export function isDeviceToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN_PATTERN.test(value);
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The browser's record for this account, when its cookie names one that signed in here within the year. */
export async function findKnownDevice(db: DeviceDb, userId: string, token: string | null | undefined, now = new Date()) {
  if (!isDeviceToken(token)) return null;
  return db.knownDevice.findFirst({
    where: { userId, tokenHash: hashToken(token), lastUsedAt: { gt: new Date(now.getTime() - KNOWN_DEVICE_DAYS * DAY_MS) } },
    select: { id: true },
  });
}

/**
 * After a successful sign-in: the browser becomes (or stays) known to this account, and the
 * token its cookie should hold is returned: the one it sent, or a new one. One browser can be
 * known to several accounts with one token. Records unused for a year are removed.
 */
export async function rememberDevice(db: DeviceDb, userId: string, token: string | null | undefined, now = new Date()): Promise<string> {
  const kept = isDeviceToken(token) ? token : randomBytes(32).toString("base64url");
  const tokenHash = hashToken(kept);
  await db.knownDevice.upsert({
    where: { userId_tokenHash: { userId, tokenHash } },
    create: { userId, tokenHash, createdAt: now, lastUsedAt: now },
    update: { lastUsedAt: now },
  });
  await db.knownDevice.deleteMany({ where: { userId, lastUsedAt: { lt: new Date(now.getTime() - KNOWN_DEVICE_DAYS * DAY_MS) } } });
  return kept;
}
