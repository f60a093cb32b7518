import type { Db } from "@/lib/config/prisma-client";
import { recordAuditEvent } from "@/lib/audit/record";
import { CODE_REQUIRED_MESSAGE, WRONG_CODE_MESSAGE } from "./error-messages";
import { checkSecondFactor } from "./mfa";
import { getDecoyHash, verifyPassword } from "./password";
import { checkSignInLimit } from "./rate-limit";
import { signInSchema } from "./schema";

export type AuthenticatedUser = { id: string; email: string; name: string };
export type AuthenticationResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; code: "INVALID_CREDENTIALS" | "RATE_LIMITED" | "INVALID_INPUT" | "CODE_REQUIRED" | "INVALID_CODE"; message: string };

export const WRONG_CREDENTIALS_MESSAGE = "Wrong email or password.";

/** Email + password sign-in: rate limited, timing-safe for unknown emails, audited either way. */
export async function authenticateWithPassword(
  db: Db,
  credentials: { email?: unknown; password?: unknown; code?: unknown },
  ip: string | null,
): Promise<AuthenticationResult> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) {
    return { ok: false, code: "INVALID_INPUT", message: "Enter your email address and password." };
  }
  const { email, password, code } = parsed.data;
  const limit = await checkSignInLimit(db, email, ip);
  if (!limit.isAllowed) {
    const minutes = limit.retryAfterMinutes === 1 ? "1 minute" : `${limit.retryAfterMinutes} minutes`;
    return {
      ok: false,
      code: "RATE_LIMITED",
      message: `Too many failed sign-in attempts. For your security, try again in ${minutes}.`,
    };
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const isValid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await getDecoyHash(), password).then(() => false);
  if (!user || !isValid) {
    await recordAuditEvent(db, { type: "auth.sign_in_failed", email, ip, userId: user?.id });
    return { ok: false, code: "INVALID_CREDENTIALS", message: WRONG_CREDENTIALS_MESSAGE };
  }
  // Two-step verification, asked only once the password is right. A wrong or reused code is a
  // failed sign-in like a wrong password, recorded the same way for the limiter.
  const secondFactor = await checkSecondFactor(db, user.id, code);
  if (secondFactor === "required") return { ok: false, code: "CODE_REQUIRED", message: CODE_REQUIRED_MESSAGE };
  if (secondFactor === "refused") {
    await recordAuditEvent(db, { type: "auth.sign_in_failed", email, ip, userId: user.id, detail: { factor: "totp" } });
    return { ok: false, code: "INVALID_CODE", message: WRONG_CODE_MESSAGE };
  }
  await recordAuditEvent(db, { type: "auth.signed_in", email, ip, userId: user.id });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

/**
 * The client's address: the rightmost X-Forwarded-For hop, which the nearest proxy (or Next's
 * own server, from the socket, when no proxy set the header) wrote. Behind no proxy a client can
 * forge it, so the per-account limit is the one that always holds.
 */
export function readClientAddress(headers: Headers | Record<string, unknown> | undefined): string | null {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const forwarded = Array.isArray(raw) ? raw.join(",") : typeof raw === "string" ? raw : "";
  const hops = forwarded.split(",").map((hop) => hop.trim()).filter(Boolean);
  return hops.at(-1) ?? null;
}
