import { describe, expect, it } from "vitest";
import { sortByArticle } from "./order";

const claim = (id: string, start: number, end: number, anchorState = "anchored") => ({ id, start, end, anchorState });

describe("sortByArticle", () => {
  it("lists claims by where they are in the text, whatever order they were added in", () => {
    // Added last to first, as an editor working up from the end of the article would.
    const added = [claim("third", 120, 160), claim("first", 0, 40), claim("second", 45, 90)];
    expect(sortByArticle(added).map((item) => item.id)).toEqual(["first", "second", "third"]);
  });

  it("puts claims whose passage was lost last, in the editor's order, and keeps that order on a tie", () => {
    const added = [claim("lost-a", 0, 10, "lost"), claim("late", 80, 90), claim("same-1", 10, 30), claim("lost-b", 0, 5, "lost"), claim("same-2", 10, 30), claim("inside", 10, 20, "moved")];
    expect(sortByArticle(added).map((item) => item.id)).toEqual(["inside", "same-1", "same-2", "late", "lost-a", "lost-b"]);
  });

  it("does not change the list it was given", () => {
    const added = [claim("b", 50, 60), claim("a", 0, 10)];
    sortByArticle(added);
    expect(added.map((item) => item.id)).toEqual(["b", "a"]);
  });
});
