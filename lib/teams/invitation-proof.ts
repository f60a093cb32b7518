import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The mark a mailed invitation link carries (`?m=`) and the owner's copy does not: whoever signs
 * up or accepts with it read the invited mailbox, so the address counts as proven by mail, not
 * only vouched for by the owner. An HMAC of the token under the app's secret: nothing to store.
 */
export function signMailedInvitation(token: string, secret: string): string {
  return createHmac("sha256", secret).update(`invitation-mail:${token}`).digest("base64url");
}

export function isMailedInvitation(token: string, proof: unknown, secret: string): boolean {
  if (typeof proof !== "string" || proof.length === 0 || proof.length > 100) return false;
  const expected = Buffer.from(signMailedInvitation(token, secret));
  const given = Buffer.from(proof);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
