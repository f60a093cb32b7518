import { describe, expect, it } from "vitest";
import { describeFilter, isAwaitingSignOff, listFilterChoices, selectByFilter } from "./claim-selection";

const ME = "u-ben";
const claims = [
  { id: "c1", status: "needs_review", verdictLabel: "False", verdictById: "u-ana", isSignedOff: false, assigneeId: ME },
  { id: "c2", status: "needs_review", verdictLabel: "False", verdictById: ME, isSignedOff: false, assigneeId: null },
  { id: "c3", status: "done", verdictLabel: "Accurate", verdictById: "u-ana", isSignedOff: true, assigneeId: "u-ana" },
  { id: "c4", status: "unchecked", verdictLabel: null, verdictById: null, isSignedOff: false, assigneeId: null },
  { id: "c5", status: "in_progress", verdictLabel: "Misleading", verdictById: "u-cy", isSignedOff: false, assigneeId: "u-ana" },
];
const members = [{ id: ME, name: "Ben Okafor" }, { id: "u-ana", name: "Ana Reyes" }];

describe("selecting claims by filter", () => {
  it("awaiting sign-off: a verdict no sign-off covers, given by someone else", () => {
    expect(selectByFilter(claims, { kind: "awaiting-sign-off" }, ME)).toEqual(["c1", "c5"]);
    expect(isAwaitingSignOff(claims[1]!, "u-ana")).toBe(true);
    expect(isAwaitingSignOff(claims[2]!, ME)).toBe(false);
  });

  it("by assignee (me, nobody, a colleague) and by state, in list order", () => {
    expect(selectByFilter(claims, { kind: "mine" }, ME)).toEqual(["c1"]);
    expect(selectByFilter(claims, { kind: "unassigned" }, ME)).toEqual(["c2", "c4"]);
    expect(selectByFilter(claims, { kind: "assignee", userId: "u-ana" }, ME)).toEqual(["c3", "c5"]);
    expect(selectByFilter(claims, { kind: "status", status: "needs_review" }, ME)).toEqual(["c1", "c2"]);
    expect(selectByFilter(claims, { kind: "status", status: "disputed" }, ME)).toEqual([]);
  });

  it("offers colleagues by name but not oneself twice, and says what was selected", () => {
    const choices = listFilterChoices(members, ME);
    expect(choices.slice(0, 4).map((choice) => choice.label)).toEqual(["Awaiting my sign-off", "Assigned to me", "Unassigned", "Assigned to Ana Reyes"]);
    expect(new Set(choices.map((choice) => choice.value)).size).toBe(choices.length);
    expect(describeFilter({ kind: "assignee", userId: "u-ana" }, members)).toBe("assigned to Ana Reyes");
    expect(describeFilter({ kind: "status", status: "in_progress" }, members)).toBe("in state In progress");
  });
});
