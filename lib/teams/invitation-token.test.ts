import { describe, expect, it } from "vitest";
import { createInvitationToken, getInvitationStatus, hashInvitationToken, invitationStatusMessages, readInvitationPath } from "./invitation-token";

const now = new Date("2025-03-01T12:00:00Z");
const later = new Date(now.getTime() + 60_000);
const earlier = new Date(now.getTime() - 60_000);

describe("createInvitationToken", () => {
  it("makes a 43-character base64url token from 32 random bytes", () => {
    const { token } = createInvitationToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("makes a different token every time", () => {
    const tokens = new Set(Array.from({ length: 50 }, () => createInvitationToken().token));
    expect(tokens.size).toBe(50);
  });

  it("returns the token's SHA-256 hash, which differs from the token", () => {
    const { token, tokenHash } = createInvitationToken();
    expect(tokenHash).not.toBe(token);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).toBe(hashInvitationToken(token));
    expect(hashInvitationToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("getInvitationStatus", () => {
  it("is valid before expiry when neither accepted nor withdrawn", () => {
    expect(getInvitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: later }, now)).toBe("valid");
  });

  it("is expired from the expiry time on", () => {
    expect(getInvitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(getInvitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: earlier }, now)).toBe("expired");
  });

  it("says revoked before expired", () => {
    expect(getInvitationStatus({ acceptedAt: null, revokedAt: earlier, expiresAt: earlier }, now)).toBe("revoked");
  });

  it("says accepted before revoked and expired", () => {
    expect(getInvitationStatus({ acceptedAt: earlier, revokedAt: earlier, expiresAt: earlier }, now)).toBe("accepted");
    expect(getInvitationStatus({ acceptedAt: earlier, revokedAt: null, expiresAt: later }, now)).toBe("accepted");
  });

  it("has a message for every status that is not valid", () => {
    expect(Object.keys(invitationStatusMessages).sort()).toEqual(["accepted", "expired", "revoked"]);
  });
});

describe("readInvitationPath", () => {
  it("reads the invitation of an invitation page's path, with its mailed mark, and nothing else", () => {
    const token = "A".repeat(43);
    expect(readInvitationPath(`/invite/${token}`)).toEqual({ token });
    expect(readInvitationPath(`/invite/${token}?m=abc_123`)).toEqual({ token, mailed: "abc_123" });
    expect(readInvitationPath(`/invite/${token}?m=${"x".repeat(101)}`)).toEqual({ token });
    for (const path of ["/", "/sign-in", `/invite/${token}/more`, "/invite/", `/t/desk?next=/invite/${token}`, "/invite/a%2Fb"]) {
      expect(readInvitationPath(path), path).toBeNull();
    }
  });
});
