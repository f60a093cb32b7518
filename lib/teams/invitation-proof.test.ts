import { describe, expect, it } from "vitest";
import { isMailedInvitation, signMailedInvitation } from "./invitation-proof";

const secret = "s".repeat(40);

describe("the mailed invitation's mark", () => {
  it("is accepted for its own token under the same secret only", () => {
    const mark = signMailedInvitation("token-a", secret);
    expect(isMailedInvitation("token-a", mark, secret)).toBe(true);
    expect(isMailedInvitation("token-b", mark, secret)).toBe(false);
    expect(isMailedInvitation("token-a", mark, "t".repeat(40))).toBe(false);
  });

  it("refuses a missing, empty, altered or oversized mark", () => {
    const mark = signMailedInvitation("token-a", secret);
    for (const value of [undefined, null, "", `${mark}x`, mark.slice(1), "a".repeat(101), 42]) {
      expect(isMailedInvitation("token-a", value, secret)).toBe(false);
    }
  });
});
