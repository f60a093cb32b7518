import { describe, expect, it } from "vitest";
import { describeBulkResult, listSignOffsToWithdraw } from "./bulk-claim-actions";
import type { NumberedClaim } from "./types";

const claims = ["a", "b", "c", "d"].map((id, index) => ({ id, number: index + 1 }) as NumberedClaim);
const members = [{ id: "u1", name: "Lin Editor" }];

describe("describeBulkResult", () => {
  it("says what changed, naming the state or the person", () => {
    expect(describeBulkResult({ status: "in_progress" }, { updated: 3, skipped: [] }, claims, members)).toBe("3 claims set to In progress.");
    expect(describeBulkResult({ assigneeId: "u1" }, { updated: 1, skipped: [] }, claims, members)).toBe("1 claim assigned to Lin Editor.");
    expect(describeBulkResult({ assigneeId: null }, { updated: 2, skipped: [] }, claims, members)).toBe("2 claims unassigned.");
  });

  it("lists skipped claims by number, grouped by reason", () => {
    const result = {
      updated: 1,
      skipped: [
        { claimId: "b", reason: "Needs a final verdict." },
        { claimId: "d", reason: "Needs a final verdict." },
        { claimId: "c", reason: "Needs a note." },
      ],
    };
    expect(describeBulkResult({ status: "done" }, result, claims, members)).toBe(
      "1 claim set to Done; 3 skipped: claims 2, 4: Needs a final verdict; claim 3: Needs a note.",
    );
  });

  it("says so when nothing needed changing", () => {
    expect(describeBulkResult({ status: "done" }, { updated: 0, skipped: [] }, claims, members)).toBe(
      "Nothing to change: the ticked claims are already that way.",
    );
  });
});

describe("listSignOffsToWithdraw", () => {
  it("names the signed-off claims a new citation of the outlet would change, not those already citing it", () => {
    const ticked = [
      { id: "a", isSignedOff: true, citesOutlet: false },
      { id: "b", isSignedOff: true, citesOutlet: true },
      { id: "c", isSignedOff: false, citesOutlet: false },
      { id: "d", isSignedOff: true },
      { id: "e" },
    ];
    expect(listSignOffsToWithdraw(ticked).map((claim) => claim.id)).toEqual(["a", "d"]);
    expect(listSignOffsToWithdraw([{ id: "c", isSignedOff: false, citesOutlet: false }])).toEqual([]);
  });
});
