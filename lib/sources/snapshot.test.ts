import { describe, expect, it } from "vitest";
import { hashSnapshot } from "./snapshot";

describe("hashSnapshot", () => {
  it("is the SHA-256 hex digest of the UTF-8 text", () => {
    expect(hashSnapshot("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(hashSnapshot("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("changes with any change, whitespace included", () => {
    const page = "Nikolai Sokov, a former Kremlin official, told The Daily Beast";
    expect(hashSnapshot(page)).not.toBe(hashSnapshot(`${page} `));
    expect(hashSnapshot("Café")).not.toBe(hashSnapshot("Cafe\u0301"));
    expect(hashSnapshot(page)).toMatch(/^[0-9a-f]{64}$/);
  });
});
