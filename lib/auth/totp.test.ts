import { describe, expect, it } from "vitest";
import { buildOtpauthUri, decodeBase32, encodeBase32, findTotpStep, generateTotpSecret, timeStepAt, totpCodeAt } from "./totp";

// RFC 6238 appendix B: the SHA-1 secret is the ASCII "12345678901234567890"; its codes are 8
// digits, of which a 6-digit code is the last six.
const RFC_SECRET = encodeBase32(Buffer.from("12345678901234567890"));
const RFC_VECTORS: Array<[number, string]> = [
  [59, "287082"],
  [1111111109, "081804"],
  [1111111111, "050471"],
  [1234567890, "005924"],
  [2000000000, "279037"],
  [20000000000, "353130"],
];

describe("TOTP", () => {
  it("gives RFC 6238's codes", () => {
    for (const [seconds, code] of RFC_VECTORS) expect(totpCodeAt(RFC_SECRET, timeStepAt(new Date(seconds * 1000)))).toBe(code);
  });

  it("encodes base32 as RFC 4648 does and decodes it back", () => {
    expect(encodeBase32(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(decodeBase32("mzxw 6ytb oi").toString()).toBe("foobar");
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(encodeBase32(decodeBase32(secret))).toBe(secret);
  });

  it("accepts the current code and one step of drift either way, nothing further", () => {
    const now = new Date(1_700_000_000_000);
    const step = timeStepAt(now);
    expect(findTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, step), now)).toBe(step);
    expect(findTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, step - 1), now)).toBe(step - 1);
    expect(findTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, step + 1), now)).toBe(step + 1);
    expect(findTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, step - 2), now)).toBeNull();
    expect(findTotpStep(RFC_SECRET, "12345", now)).toBeNull();
    const code = totpCodeAt(RFC_SECRET, step);
    expect(findTotpStep(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(step);
  });

  it("builds the otpauth address authenticator apps read", () => {
    const uri = buildOtpauthUri({ secret: "JBSWY3DPEHPK3PXP", account: "ada@newsroom.test", issuer: "FactDesk" });
    expect(uri).toBe("otpauth://totp/FactDesk%3Aada%40newsroom.test?secret=JBSWY3DPEHPK3PXP&issuer=FactDesk&algorithm=SHA1&digits=6&period=30");
  });
});
