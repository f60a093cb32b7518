import { describe, expect, it } from "vitest";
import { traceClaim } from "@/lib/sources/chain";
import { allFixtureSources, cite } from "@/lib/sources/test-helpers";
import type { Citation } from "@/lib/sources/types";
import { canSignOff, checkVerdict, isVerdictFinal, resolveTeamRules } from "./rules";
import type { VerdictInput } from "./rules";

const RATIONALE = "The Duma bill text lists the special enterprises.";

function input(citations: Citation[], overrides: Partial<VerdictInput> = {}): VerdictInput {
  return { verdict: "accurate", rationale: RATIONALE, citations, trace: traceClaim(citations, allFixtureSources), ...overrides };
}

// Insider <- The Daily Beast, not traced further.
const stopsAtBeast = [cite("i", "insider", { viaCitationId: "b" }), cite("b", "beast")];
// Insider <- The Daily Beast <- the Duma bill, marked as the origin.
const reachesBill = [...stopsAtBeast.slice(0, 1), cite("b", "beast", { viaCitationId: "bill" }), cite("bill", "bill", { isOrigin: true })];

describe("checkVerdict: rationale and citations", () => {
  it("accepts a verdict with a rationale and its origin reached", () => {
    expect(checkVerdict(input(reachesBill))).toEqual({ ok: true, needsSignOff: false });
  });

  it("needs a rationale of at least 20 characters, and says so", () => {
    expect(checkVerdict(input(reachesBill, { rationale: "  " }))).toEqual({
      ok: false,
      problems: ["Write a rationale of at least 20 characters saying why the claim is ‘Accurate’."],
    });
    expect(checkVerdict(input(reachesBill, { rationale: "see notes" }))).toEqual({
      ok: false,
      problems: ["The rationale needs at least 20 characters; it has 9."],
    });
  });

  it("needs a citation for every verdict but 'not checkable'", () => {
    expect(checkVerdict(input([], { verdict: "false" }))).toEqual({
      ok: false,
      problems: ["‘False’ needs at least one citation; this claim has none."],
    });
    expect(checkVerdict(input([], { verdict: "not_checkable", rationale: "A prediction about next year's budget." }))).toEqual({
      ok: true,
      needsSignOff: false,
    });
  });

  it("lists every problem at once, using the team's labels", () => {
    const check = checkVerdict(input([], { verdict: "misleading", rationale: "", labels: { misleading: { label: "Lacks context" } } }));
    expect(check).toEqual({
      ok: false,
      problems: [
        "Write a rationale of at least 20 characters saying why the claim is ‘Lacks context’.",
        "‘Lacks context’ needs at least one citation; this claim has none.",
      ],
    });
  });

  it("accepts 'false' on a contradicting citation alone", () => {
    const citations = [cite("p", "peskov", { relation: "contradicts", isOrigin: true })];
    expect(checkVerdict(input(citations, { verdict: "false" }))).toEqual({ ok: true, needsSignOff: false });
  });
});

describe("checkVerdict: evidence for 'accurate'", () => {
  it("refuses one chain that stops short, naming where, and never calls it an origin", () => {
    expect(checkVerdict(input(stopsAtBeast))).toEqual({
      ok: false,
      problems: [
        "‘Accurate’ needs the origin reached, or two chains that end at different sources; this claim's only chain stops at The Daily Beast, which is not marked as the origin.",
      ],
    });
  });

  it("refuses the outlet alone (only BBC News cited) without calling it an origin", () => {
    const bbc = { id: "bbc", name: "BBC News", kind: "outlet" as const, domains: [] };
    const citations = [cite("c-bbc", "bbc")];
    const check = checkVerdict({ verdict: "accurate", rationale: "BBC News reported it on 3 May.", citations, trace: traceClaim(citations, [bbc]) });
    expect(check).toEqual({
      ok: false,
      problems: [
        "‘Accurate’ needs the origin reached, or two chains that end at different sources; this claim's only chain stops at BBC News, which is not marked as the origin.",
      ],
    });
  });

  it("accepts two chains ending at different sources even if neither is marked", () => {
    const citations = [...stopsAtBeast, cite("bo", "barents")];
    expect(checkVerdict(input(citations))).toMatchObject({ ok: true });
  });

  it("does not count three outlets repeating one unmarked origin as independent", () => {
    const citations = [...stopsAtBeast, cite("t", "times", { viaCitationId: "b" }), cite("g", "guardian", { viaCitationId: "b" })];
    expect(checkVerdict(input(citations)).ok).toBe(false);
  });

  it("does not count a contradicting origin as support", () => {
    const citations = [cite("p", "peskov", { relation: "contradicts", isOrigin: true }), cite("g", "guardian", { relation: "context" })];
    expect(checkVerdict(input(citations))).toEqual({
      ok: false,
      problems: ["‘Accurate’ needs the origin reached, or two chains that end at different sources; this claim has no supporting chain that leads anywhere yet."],
    });
  });

  it("does not count a chain lost in a cycle", () => {
    const citations = [cite("a", "insider", { viaCitationId: "b", isOrigin: true }), cite("b", "beast", { viaCitationId: "a" })];
    expect(checkVerdict(input(citations)).ok).toBe(false);
  });

  it("with the 'one citation' rule, needs only a citation supporting the claim", () => {
    const teamRules = { accurateNeeds: "one_citation" as const };
    expect(checkVerdict(input(stopsAtBeast, { teamRules }))).toEqual({ ok: true, needsSignOff: false });
    expect(checkVerdict(input([cite("g", "guardian", { relation: "context" })], { teamRules }))).toEqual({
      ok: false,
      problems: ["‘Accurate’ needs at least one citation that states or corroborates the claim."],
    });
  });
});

describe("sign-off", () => {
  it("marks a valid verdict as pending when the team requires sign-off", () => {
    expect(checkVerdict(input(reachesBill, { teamRules: { requireSignOff: true } }))).toEqual({ ok: true, needsSignOff: true });
  });

  it("lets a second editor sign off, never the one who gave the verdict", () => {
    expect(canSignOff({ verdictBy: "user-anna", signer: "user-ben" })).toBe(true);
    expect(canSignOff({ verdictBy: "user-anna", signer: "user-anna" })).toBe(false);
    expect(canSignOff({ verdictBy: "user-anna", signer: "" })).toBe(false);
  });

  it("calls a verdict final once signed off by someone else, or at once without the rule", () => {
    const teamRules = { requireSignOff: true };
    expect(isVerdictFinal({ teamRules, verdictBy: "anna" })).toBe(false);
    expect(isVerdictFinal({ teamRules, verdictBy: "anna", signedOffBy: "anna" })).toBe(false);
    expect(isVerdictFinal({ teamRules, verdictBy: "anna", signedOffBy: "ben" })).toBe(true);
    expect(isVerdictFinal({ verdictBy: "anna" })).toBe(true);
  });
});

describe("resolveTeamRules", () => {
  it("fills gaps and ignores unknown values from stored settings", () => {
    expect(resolveTeamRules(null)).toEqual({ accurateNeeds: "origin_or_two_independent", requireSignOff: false, strictCaptures: false });
    expect(resolveTeamRules({ requireSignOff: undefined, accurateNeeds: "vibes" as never })).toEqual({
      accurateNeeds: "origin_or_two_independent",
      requireSignOff: false,
      strictCaptures: false,
    });
    expect(resolveTeamRules({ accurateNeeds: "one_citation", requireSignOff: true })).toEqual({
      accurateNeeds: "one_citation",
      requireSignOff: true,
      strictCaptures: false,
    });
  });
});
