import { describe, expect, it } from "vitest";
import { createAnchor } from "./anchor";
import { ACCEPT_SCORE, resolveWithHint } from "./resolve";

const text = "First the council met. Then the mayor resigned after the vote. Finally the press left.";
const quote = "the mayor resigned after the vote";
const anchor = createAnchor(text, text.indexOf(quote), text.indexOf(quote) + quote.length);

describe("resolveWithHint", () => {
  it("trusts a mapped range that holds the quote verbatim", () => {
    const edited = `Update. ${text}`;
    const mapped = { start: anchor.position.start + 8, end: anchor.position.end + 8 };
    expect(resolveWithHint(edited, anchor, { expectedStart: mapped.start, mapped })).toMatchObject({
      status: "moved", start: mapped.start, exact: quote,
    });
  });

  it("prefers the mapped passage over a look-alike elsewhere", () => {
    const edited = `${text.replace(quote, "the mayor quit after the vote")} Later: the mayor resigned after the ballot.`;
    const start = edited.indexOf("the mayor quit");
    const mapped = { start, end: start + "the mayor quit after the vote".length };
    expect(resolveWithHint(edited, anchor, { expectedStart: start, mapped })).toMatchObject({
      status: "changed", start, exact: "the mayor quit after the vote",
    });
  });

  it("reports lost with the best score seen", () => {
    const result = resolveWithHint("Nothing relevant at all.", anchor, { expectedStart: 0, mapped: null });
    expect(result.status).toBe("lost");
    expect(result.score).toBeLessThan(ACCEPT_SCORE);
  });

  it("returns lost for an empty quote", () => {
    const empty = { ...anchor, quote: { ...anchor.quote, exact: "" } };
    expect(resolveWithHint(text, empty, { expectedStart: 0, mapped: null }).status).toBe("lost");
  });
});
