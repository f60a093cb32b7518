import { describe, expect, it } from "vitest";
import { createAnchor, reanchorAll, resolveAnchor } from "./anchor";
import type { Anchor } from "./anchor";
import { ARTICLE, anchorOn, resolveBoth } from "./test-helpers";

const CLAIM = "Putin's militias would be under the command of regional governors";

describe("repeated quotes", () => {
  const text = [
    "On Monday the minister said the plan was legal.",
    "Critics disagreed strongly with him.",
    "On Friday the minister said the plan was legal.",
    "Nobody believed him this time.",
  ].join("\n\n");
  const quote = "the minister said the plan was legal";

  it("keeps each occurrence's claim on its own occurrence after edits before both", () => {
    const first = anchorOn(text, quote, 0);
    const second = anchorOn(text, quote, 1);
    const edited = `Breaking.\n\n${text.replace("Critics", "Many critics")}`;
    for (const [anchor, marker] of [[first, "Monday"], [second, "Friday"]] as const) {
      for (const result of resolveBoth(text, edited, anchor)) {
        expect(result.status).toBe("moved");
        expect(edited.slice(result.start - marker.length - 1, result.start - 1)).toBe(marker);
      }
    }
  });

  it("does not jump to another copy when its own copy was edited", () => {
    const second = anchorOn(text, quote, 1);
    const edited = text.replace("On Friday the minister said the plan was legal", "On Friday the minister said the plan was lawful");
    for (const result of resolveBoth(text, edited, second)) {
      expect(result).toMatchObject({ status: "changed", exact: "the minister said the plan was lawful" });
      expect(result.start).toBeGreaterThan(edited.indexOf("Friday"));
    }
  });

  it("uses nearness when the contexts are identical", () => {
    const twins = "x said yes. x said yes. x said yes.";
    const anchor = createAnchor(twins, 12, 22);
    expect(resolveAnchor(`ab ${twins}`, anchor)).toMatchObject({ status: "moved", start: 15 });
  });
});

describe("long quotes", () => {
  const long = "Russia's faltering invasion of Ukraine has exposed that Putin's grip on power may not be as firm as was widely believed";
  const anchor = anchorOn(ARTICLE, long);

  it("handles quotes longer than bitap's 32 characters with edits at both ends", () => {
    const edited = ARTICLE.replace(long, "Russia's failing invasion of Ukraine has exposed that Putin's grip on power may not be as strong as was widely believed");
    for (const result of resolveBoth(ARTICLE, edited, anchor)) {
      expect(result.status).toBe("changed");
      expect(result.exact).toBe("Russia's failing invasion of Ukraine has exposed that Putin's grip on power may not be as strong as was widely believed");
    }
  });

  it("finds an edited quote after a large insertion far before it", () => {
    const filler = "Unrelated background paragraph about weather and sport. ".repeat(100);
    const edited = `${filler}\n\n${ARTICLE.replace("as firm as", "as solid as")}`;
    const result = resolveAnchor(edited, anchor);
    expect(result.status).toBe("changed");
    expect(result.exact).toBe(long.replace("as firm as", "as solid as"));
  });
});

describe("edge cases", () => {
  it("resolves claims at the very start and end of the text", () => {
    const text = "Alpha claim here. Middle text. Omega claim here.";
    const head = createAnchor(text, 0, 17);
    const tail = createAnchor(text, text.length - 17, text.length);
    const edited = `Prefix. ${text} Suffix.`;
    expect(resolveAnchor(edited, head)).toMatchObject({ status: "moved", exact: "Alpha claim here." });
    expect(reanchorAll(text, edited, [tail])[0]).toMatchObject({ status: "moved", exact: "Omega claim here." });
  });

  it("reports everything lost in an unrelated text", () => {
    const anchor = anchorOn(ARTICLE, CLAIM);
    const other = "Completely different article about football results and the weather on Sunday.";
    for (const result of resolveBoth(ARTICLE, other, anchor)) expect(result.status).toBe("lost");
    expect(resolveAnchor("", anchor).status).toBe("lost");
  });

  it("falls back to searching when a stored position no longer matches the old text", () => {
    const anchor = anchorOn(ARTICLE, CLAIM);
    const stale: Anchor = { ...anchor, position: { type: "TextPositionSelector", start: 3, end: 10 } };
    const [result] = reanchorAll(ARTICLE, `New lead.\n\n${ARTICLE}`, [stale]);
    expect(result).toMatchObject({ status: "moved", exact: CLAIM });
  });
});
