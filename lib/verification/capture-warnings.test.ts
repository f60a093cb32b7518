import { describe, expect, it } from "vitest";
import { traceClaim } from "@/lib/sources/chain";
import { allFixtureSources, cite } from "@/lib/sources/test-helpers";
import { listCaptureWarnings } from "./capture-warnings";
import { checkVerdict } from "./rules";

const RATIONALE = "The Duma bill text lists the special enterprises.";
const reachesBill = [cite("i", "insider", { viaCitationId: "bill" }), cite("bill", "bill", { isOrigin: true })];
const captured = (id: string, captureState: string | null, relation = "states") => ({ id, relation, captureState, sourceName: id === "bill" ? "Duma bill" : "Insider" });

describe("listCaptureWarnings", () => {
  it("warns of a passage changed or vanished on a citation the verdict rests on, not of context", () => {
    const warnings = listCaptureWarnings([captured("bill", "changed"), captured("i", "vanished", "contradicts"), captured("ctx", "changed", "context"), captured("ok", "found")]);
    expect(warnings.map(({ kind, citationIds }) => [kind, citationIds])).toEqual([["passage_changed", ["bill"]], ["passage_vanished", ["i"]]]);
    expect(warnings[0]?.message).toMatch(/^The passage cited from Duma bill changed on its page/);
  });

  it("clears once a re-check finds the passage, or before any capture", () => {
    expect(listCaptureWarnings([captured("bill", "found"), captured("i", null), captured("x", "fuzzy"), captured("y", "unreachable")])).toEqual([]);
  });
});

describe("checkVerdict with capture warnings", () => {
  const input = (strictCaptures: boolean, states: string[], verdict: "accurate" | "false" = "accurate") => ({
    verdict, rationale: RATIONALE, citations: reachesBill, trace: traceClaim(reachesBill, allFixtureSources),
    teamRules: { strictCaptures }, captureWarnings: listCaptureWarnings(states.map((state, index) => captured(index === 0 ? "bill" : "i", state))),
  });

  it("refuses ‘Accurate’ on a changed or vanished supporting passage under strict rules, naming the source", () => {
    expect(checkVerdict(input(true, ["changed"]))).toEqual({
      ok: false,
      problems: ["‘Accurate’ cannot rest on a passage that changed or vanished on its page (Duma bill); your team's strict evidence rules ask for a re-check that finds the cited passage, corrected if the source changed it."],
    });
    expect(checkVerdict(input(true, ["found", "vanished"]))).toMatchObject({ ok: false });
  });

  it("only warns without strict rules, and does not hold back other verdicts", () => {
    expect(checkVerdict(input(false, ["changed"]))).toEqual({ ok: true, needsSignOff: false });
    expect(checkVerdict(input(true, ["found"]))).toEqual({ ok: true, needsSignOff: false });
    expect(checkVerdict(input(true, ["changed"], "false"))).toEqual({ ok: true, needsSignOff: false });
  });
});
