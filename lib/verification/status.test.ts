import { describe, expect, it } from "vitest";
import { CLAIM_STATUSES } from "@/lib/claims/status";
import { checkTransition, isBackwardMove, listNextStatuses } from "./status";

describe("listNextStatuses", () => {
  it("lists forward moves first", () => {
    expect(listNextStatuses("unchecked")).toEqual(["in_progress"]);
    expect(listNextStatuses("in_progress")).toEqual(["needs_review", "done", "unchecked"]);
    expect(listNextStatuses("needs_review")).toEqual(["done", "in_progress"]);
    expect(listNextStatuses("done")).toEqual(["needs_review", "in_progress"]);
  });

  it("leaves no status a dead end, and every status reachable", () => {
    const reachable = new Set(CLAIM_STATUSES.flatMap((status) => listNextStatuses(status)));
    expect([...reachable].sort()).toEqual([...CLAIM_STATUSES].sort());
  });
});

describe("checkTransition", () => {
  it("allows the forward moves", () => {
    expect(checkTransition({ from: "unchecked", to: "in_progress", hasFinalVerdict: false })).toEqual({ ok: true });
    expect(checkTransition({ from: "in_progress", to: "needs_review", hasFinalVerdict: false })).toEqual({ ok: true });
    expect(checkTransition({ from: "needs_review", to: "done", hasFinalVerdict: true })).toEqual({ ok: true });
  });

  it("refuses 'Done' without a final verdict", () => {
    expect(checkTransition({ from: "needs_review", to: "done", hasFinalVerdict: false })).toEqual({
      ok: false,
      problems: [
        "A claim can be marked ‘Done’ only once it has a final verdict (given and, where your team requires it, signed off).",
      ],
    });
  });

  it("allows moving back with a note, and asks for one otherwise", () => {
    expect(isBackwardMove("done", "in_progress")).toBe(true);
    expect(checkTransition({ from: "done", to: "in_progress", hasFinalVerdict: true, note: "New Duma text published" })).toEqual({ ok: true });
    expect(checkTransition({ from: "done", to: "in_progress", hasFinalVerdict: true, note: "  " })).toEqual({
      ok: false,
      problems: ["Moving a claim back from ‘Done’ to ‘In progress’ needs a note saying why."],
    });
  });

  it("explains a move that is not allowed, with where the claim can go", () => {
    expect(checkTransition({ from: "unchecked", to: "done", hasFinalVerdict: true })).toEqual({
      ok: false,
      problems: ["A claim cannot go from ‘Unchecked’ to ‘Done’; from here it can go to ‘In progress’."],
    });
  });

  it("refuses a move to the same status", () => {
    expect(checkTransition({ from: "done", to: "done", hasFinalVerdict: true })).toEqual({
      ok: false,
      problems: ["The claim is already ‘Done’."],
    });
  });
});
