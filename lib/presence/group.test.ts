import { describe, expect, it } from "vitest";
import { describeArticlePlace, describeClaimPlace, describeComings, initialsOf, listPresentPeople } from "./group";
import type { PresenceEntry } from "./presence";

const entry = (userId: string, extra: Partial<PresenceEntry> = {}): PresenceEntry => ({
  userId,
  name: { sam: "Sam Kowalski", mira: "Mira", me: "Me Myself" }[userId] ?? userId,
  articleId: "article",
  claimId: null,
  activity: "viewing",
  since: "2026-12-03T07:00:00.000Z",
  ...extra,
});

describe("listPresentPeople", () => {
  it("leaves out the person looking, with all their tabs, and other articles", () => {
    const entries = [entry("me"), entry("me", { claimId: "c3", activity: "commenting" }), entry("sam"), entry("mira", { articleId: "elsewhere" })];
    expect(listPresentPeople(entries, { selfId: "me", articleId: "article" }).map((person) => person.userId)).toEqual(["sam"]);
  });

  it("shows a person once, where they do the most, in order of arrival", () => {
    const entries = [
      entry("mira", { since: "2026-12-03T07:00:01.000Z" }),
      entry("sam", { since: "2026-12-03T07:00:02.000Z" }),
      entry("sam", { claimId: "c3", since: "2026-12-03T07:00:03.000Z" }),
      entry("sam", { claimId: "c3", activity: "editing_statement", since: "2026-12-03T07:00:04.000Z" }),
      entry("sam", { claimId: "c4", since: "2026-12-03T07:00:05.000Z" }),
    ];
    const people = listPresentPeople(entries, { selfId: "me", articleId: "article" });
    expect(people.map((person) => [person.userId, person.claimId, person.activity])).toEqual([
      ["mira", null, "viewing"],
      ["sam", "c3", "editing_statement"],
    ]);
  });

  it("on a claim, only those on that claim", () => {
    const entries = [entry("sam", { claimId: "c3", activity: "writing_verdict" }), entry("mira", { claimId: "c4" }), entry("me", { claimId: "c3" })];
    expect(listPresentPeople(entries, { selfId: "me", articleId: "article", claimId: "c3" }).map((person) => person.userId)).toEqual(["sam"]);
  });
});

describe("words", () => {
  it("say where a colleague is and what they do", () => {
    expect(describeArticlePlace({ claimId: "c3", activity: "editing_statement" }, 3)).toBe("· claim 3, editing the statement");
    expect(describeArticlePlace({ claimId: "c3", activity: "viewing" }, 3)).toBe("· on claim 3");
    expect(describeArticlePlace({ claimId: "gone", activity: "viewing" }, undefined)).toBe("· on a claim");
    expect(describeArticlePlace({ claimId: null, activity: "viewing" }, undefined)).toBe("· reading the article");
    expect(describeClaimPlace({ activity: "writing_verdict" })).toBe("is also here, writing a verdict");
    expect(describeClaimPlace({ activity: "viewing" })).toBe("is also here");
    expect(initialsOf("Sam Kowalski")).toBe("SK");
    expect(initialsOf("  mira ")).toBe("M");
    expect(initialsOf("Élodie de la Tour")).toBe("ÉT");
  });

  it("announce arrivals and departures only, not moves", () => {
    const sam = { userId: "sam", name: "Sam", claimId: null, activity: "viewing" as const, since: "" };
    const mira = { ...sam, userId: "mira", name: "Mira" };
    expect(describeComings([], [sam], "on this article")).toBe("Sam is also on this article.");
    expect(describeComings([sam], [{ ...sam, activity: "commenting" }], "on this article")).toBe("");
    expect(describeComings([sam], [mira], "on this claim")).toBe("Mira is also on this claim. Sam left.");
    expect(describeComings([], [sam, mira], "here")).toBe("Sam and Mira are also here.");
  });
});
