import { describe, expect, it } from "vitest";
import { findMentionQuery, insertMention, matchMembers, parseMentions } from "./mentions";

const sam = { id: "u-sam", name: "Sam" };
const samOkafor = { id: "u-sam-okafor", name: "Sam Okafor" };
const zoe = { id: "u-zoe", name: "Zoë Ångström" };
const members = [sam, samOkafor, zoe];

describe("parseMentions", () => {
  it("finds members by their full name, case-insensitively, each once", () => {
    expect(parseMentions("@zoë ångström and @SAM, then @Sam again", members)).toEqual(["u-zoe", "u-sam"]);
  });

  it("takes the longest name that fits", () => {
    expect(parseMentions("Could @Sam Okafor check this?", members)).toEqual(["u-sam-okafor"]);
    expect(parseMentions("Could @Sam check this?", members)).toEqual(["u-sam"]);
  });

  it("ignores addresses, names that go on, and an @ alone", () => {
    expect(parseMentions("write to press@sam.org", members)).toEqual([]);
    expect(parseMentions("@Samuel and @ and @@Sam", members)).toEqual([]);
    expect(parseMentions("(@Sam)", members)).toEqual(["u-sam"]);
  });

  it("mentions nobody outside the list it is given", () => {
    expect(parseMentions("@Alex", members)).toEqual([]);
  });
});

describe("findMentionQuery and matchMembers", () => {
  it("finds the name being typed before the caret", () => {
    expect(findMentionQuery("Thanks @Sa", 10)).toEqual({ start: 7, query: "Sa" });
    expect(findMentionQuery("mail sam@exa", 12)).toBeNull();
    expect(findMentionQuery("@Sam\nnext line", 15)).toBeNull();
  });

  it("matches the start of the name or of any word of it", () => {
    expect(matchMembers(members, "ok")).toEqual([samOkafor]);
    expect(matchMembers(members, "sa")).toEqual([sam, samOkafor]);
    expect(matchMembers(members, "ång")).toEqual([zoe]);
  });

  it("inserts the chosen name with one space after it", () => {
    expect(insertMention("Hi @sa there", { start: 3, caret: 6, name: "Sam Okafor" })).toEqual({ text: "Hi @Sam Okafor there", caret: 15 });
  });
});
