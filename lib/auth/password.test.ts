import { describe, expect, it } from "vitest";
import { getDecoyHash, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with argon2id and a fresh salt each time", async () => {
    const [first, second] = await Promise.all([hashPassword("a long passphrase"), hashPassword("a long passphrase")]);
    expect(first).toMatch(/^\$argon2id\$/);
    expect(first).not.toContain("a long passphrase");
    expect(first).not.toBe(second);
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("a long passphrase");
    await expect(verifyPassword(hash, "a long passphrase")).resolves.toBe(true);
    await expect(verifyPassword(hash, "a long passphrasE")).resolves.toBe(false);
    await expect(verifyPassword(hash, "")).resolves.toBe(false);
  });

  it("answers false, without throwing, for a hash it cannot read", async () => {
    await expect(verifyPassword("not-a-hash", "a long passphrase")).resolves.toBe(false);
    await expect(verifyPassword("", "a long passphrase")).resolves.toBe(false);
    await expect(verifyPassword("$argon2id$v=19$m=19456,t=2,p=1$broken", "a long passphrase")).resolves.toBe(false);
  });

  it("keeps one decoy hash that is argon2id", async () => {
    const decoy = await getDecoyHash();
    expect(decoy).toMatch(/^\$argon2id\$/);
    await expect(getDecoyHash()).resolves.toBe(decoy);
  });
});
