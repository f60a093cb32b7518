import { describe, expect, it } from "vitest";
import { MIN_RATIONALE_LENGTH } from "@/lib/verification/rules";
import { countRationale, describeChange, formatHistoryLine, formatHistoryRow, toDateInput } from "./format-history";

const at = new Date(Date.UTC(2026, 10, 25, 10, 2, 30));

describe("toDateInput", () => {
  it("gives a date input's value, or blank", () => {
    expect(toDateInput(at)).toBe("2026-11-25");
    expect(toDateInput(null)).toBe("");
  });
});

describe("describeChange", () => {
  it("shows a move, a new value, or what was removed", () => {
    expect(describeChange("In progress", "Done")).toBe("In progress → Done");
    expect(describeChange(null, "Accurate")).toBe("Accurate");
    expect(describeChange("Accurate", null)).toBe("was Accurate");
    expect(describeChange(null, null)).toBeNull();
  });
});

describe("formatHistoryRow", () => {
  const event = {
    type: "status_changed",
    fromValue: "In progress",
    toValue: "Done",
    note: "Origin confirmed by phone",
    createdAt: at,
    actor: { name: "Ana Reyes" },
  };

  it("names who did what, when, and the change", () => {
    expect(formatHistoryRow(event)).toEqual({
      who: "Ana Reyes",
      did: "changed the state",
      when: "25 Nov 2026, 10:02 UTC",
      change: "In progress → Done",
      note: "Origin confirmed by phone",
    });
  });

  it("reads as one line", () => {
    expect(formatHistoryLine(event)).toBe("Ana Reyes changed the state · 25 Nov 2026, 10:02 UTC: In progress → Done — Origin confirmed by phone");
  });

  it("leaves out an empty change and a blank note", () => {
    expect(formatHistoryLine({ ...event, type: "commented", fromValue: null, toValue: null, note: "  " })).toBe(
      "Ana Reyes commented · 25 Nov 2026, 10:02 UTC",
    );
  });

  it("keeps a long note in full", () => {
    const note = "x".repeat(3_000);
    expect(formatHistoryRow({ ...event, note }).note).toBe(note);
  });
});

describe("countRationale", () => {
  it("counts trimmed characters against the minimum", () => {
    expect(countRationale("  short  ")).toMatchObject({ length: 5, isEnough: false });
    expect(countRationale("a".repeat(MIN_RATIONALE_LENGTH))).toMatchObject({ length: MIN_RATIONALE_LENGTH, isEnough: true });
    expect(countRationale("abc").label).toBe(`3 of at least ${MIN_RATIONALE_LENGTH} characters`);
  });
});
