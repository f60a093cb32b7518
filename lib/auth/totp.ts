import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app makes them: HMAC-SHA1,
 * 30-second steps, 6 digits. Pure functions over node:crypto; the database side is mfa.ts.
 */
export const TOTP = { stepSeconds: 30, digits: 6, secretBytes: 20, window: 1 } as const;

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function encodeBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function decodeBase32(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, "");
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index === -1) throw new Error("Not a base32 secret");
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

export function generateTotpSecret(): string {
  return encodeBase32(randomBytes(TOTP.secretBytes));
}

export function timeStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP.stepSeconds);
}

/** The code for one time step (RFC 4226's HOTP with the step as its counter). */
export function totpCodeAt(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac("sha1", decodeBase32(secret)).update(counter).digest();
  const offset = digest[digest.length - 1] & 15;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** TOTP.digits).padStart(TOTP.digits, "0");
}

/** True for a code of the right shape (spaces allowed: "123 456"). */
export function isTotpCodeShaped(code: string): boolean {
  return new RegExp(`^\\d{${TOTP.digits}}$`).test(code.replace(/\s/g, ""));
}

/**
 * The time step a code belongs to, allowing one step of clock drift either way, or null.
 * The caller refuses a step at or before the last one used, so a code works once.
 */
export function findTotpStep(secret: string, code: string, now: Date): number | null {
  const given = Buffer.from(code.replace(/\s/g, ""));
  if (given.length !== TOTP.digits) return null;
  const current = timeStepAt(now);
  let found: number | null = null;
  for (let step = current - TOTP.window; step <= current + TOTP.window; step++) {
    // Compare every candidate, in constant time, so timing says nothing about which matched.
    if (timingSafeEqual(Buffer.from(totpCodeAt(secret, step)), given) && found === null) found = step;
  }
  return found;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function buildOtpauthUri(input: { secret: string; account: string; issuer: string }): string {
  const label = encodeURIComponent(`${input.issuer}:${input.account}`);
  const params = new URLSearchParams({ secret: input.secret, issuer: input.issuer, algorithm: "SHA1", digits: String(TOTP.digits), period: String(TOTP.stepSeconds) });
  return `otpauth://totp/${label}?${params}`;
}
