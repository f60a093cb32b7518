import { describe, expect, it } from "vitest";
import { commandForKey, isTypingTarget } from "./shortcut-keys";

describe("commandForKey", () => {
  it("moves between claims with j/k and ]/[", () => {
    expect(commandForKey("j")).toEqual({ kind: "next" });
    expect(commandForKey("]")).toEqual({ kind: "next" });
    expect(commandForKey("k")).toEqual({ kind: "previous" });
    expect(commandForKey("[")).toEqual({ kind: "previous" });
  });

  it("sets the four states with 1 to 4", () => {
    expect(commandForKey("1")).toEqual({ kind: "status", status: "unchecked" });
    expect(commandForKey("2")).toEqual({ kind: "status", status: "in_progress" });
    expect(commandForKey("3")).toEqual({ kind: "status", status: "needs_review" });
    expect(commandForKey("4")).toEqual({ kind: "status", status: "done" });
    expect(commandForKey("5")).toBeNull();
  });

  it("focuses the forms, goes back, and toggles help", () => {
    expect(commandForKey("c")).toEqual({ kind: "focus", target: "citation" });
    expect(commandForKey("v")).toEqual({ kind: "focus", target: "verdict" });
    expect(commandForKey("a")).toEqual({ kind: "focus", target: "assignee" });
    expect(commandForKey("m")).toEqual({ kind: "focus", target: "comment" });
    expect(commandForKey("Escape")).toEqual({ kind: "back" });
    expect(commandForKey("?")).toEqual({ kind: "help" });
  });

  it("leaves other keys alone (capitals too, so Shift+C is not taken)", () => {
    expect(commandForKey("x")).toBeNull();
    expect(commandForKey("C")).toBeNull();
    expect(commandForKey("Enter")).toBeNull();
  });
});

describe("isTypingTarget", () => {
  const element = (tagName: string, inside = false) => ({ tagName, isContentEditable: false, closest: () => (inside ? {} : null) });

  it("is true in form controls", () => {
    expect(isTypingTarget(element("INPUT"))).toBe(true);
    expect(isTypingTarget(element("textarea"))).toBe(true);
    expect(isTypingTarget(element("SELECT"))).toBe(true);
  });

  it("is true inside a combobox or listbox, false on buttons and the page", () => {
    expect(isTypingTarget(element("LI", true))).toBe(true);
    expect(isTypingTarget(element("BUTTON"))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
