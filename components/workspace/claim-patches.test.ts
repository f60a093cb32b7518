import { describe, expect, it } from "vitest";
import { applyPatches, findMissedChanges, initWorkspaceClaims, workspaceClaimsReducer, type ChangedClaim } from "./claim-patches";
import type { WorkspaceClaim } from "./types";

function buildClaim(id: string, revision = 1, fields: Partial<WorkspaceClaim> = {}): WorkspaceClaim {
  return {
    id, quote: `Quote ${id}.`, start: 0, end: 10, statement: `Statement ${id}.`, status: "unchecked", anchorState: "anchored", previousQuote: null,
    revision, createdBy: "Ana Reyes", verdictLabel: null, assignee: null, provenanceSummary: "1 outlet", ...fields,
  };
}

/** A claim as an answer has it (lib/verification/claim-change.ts). */
function changed(claim: WorkspaceClaim, fields: Partial<ChangedClaim> & { revision: number }): ChangedClaim {
  return {
    id: claim.id, statement: claim.statement, quote: claim.quote, status: claim.status, anchorState: claim.anchorState, previousQuote: claim.previousQuote,
    verdict: null, verdictLabel: null, rationale: null, verdictAt: null, verdictBy: null, signedOffBy: null, signedOffAt: null, assignee: null,
    since: claim.revision, ...fields,
  } as ChangedClaim;
}

const view = (state: ReturnType<typeof initWorkspaceClaims>) => applyPatches(state.seed, state.patches);

describe("the workspace's list after a change's answer", () => {
  it("shows the changed claims' new fields and leaves the others as they were (the same objects)", () => {
    const seed = [buildClaim("c1"), buildClaim("c2"), buildClaim("c3")];
    const state = workspaceClaimsReducer(initWorkspaceClaims(seed), {
      type: "change",
      claims: [
        changed(seed[0]!, { revision: 2, status: "in_progress", assignee: { id: "u-ben", name: "Ben Okafor" } }),
        changed(seed[2]!, { revision: 2, statement: "Reworded.", verdictLabel: null }),
      ],
    });
    const [first, second, third] = view(state);
    expect(first).toMatchObject({ status: "in_progress", assignee: "Ben Okafor", revision: 2, provenanceSummary: "1 outlet" });
    expect(second).toBe(seed[1]);
    expect(third).toMatchObject({ statement: "Reworded.", revision: 2 });
  });

  it("patches what selecting by filter reads: who judged, whether a sign-off covers it, who is assigned", () => {
    const seed = [buildClaim("c1", 1, { verdictLabel: "False", verdictById: "u-ana", isSignedOff: false, assigneeId: null })];
    const state = workspaceClaimsReducer(initWorkspaceClaims(seed), {
      type: "change",
      claims: [changed(seed[0]!, { revision: 2, verdictLabel: "False", verdictBy: { id: "u-ana", name: "Ana" }, signedOffBy: { id: "u-ben", name: "Ben" }, assignee: { id: "u-ben", name: "Ben" } })],
    });
    expect(view(state)[0]).toMatchObject({ verdictById: "u-ana", isSignedOff: true, assigneeId: "u-ben", assignee: "Ben" });
  });

  it("keeps the newest answer for a claim, whatever order answers are applied in", () => {
    const seed = [buildClaim("c1")];
    let state = workspaceClaimsReducer(initWorkspaceClaims(seed), { type: "change", claims: [changed(seed[0]!, { revision: 3, status: "done" })] });
    state = workspaceClaimsReducer(state, { type: "change", claims: [changed(seed[0]!, { revision: 2, status: "in_progress" })] });
    expect(view(state)[0]).toMatchObject({ status: "done", revision: 3 });
  });

  it("clears a verdict label and a passage flag the answer no longer has", () => {
    const seed = [buildClaim("c1", 4, { verdictLabel: "Accurate", anchorState: "changed", previousQuote: "Before." })];
    const state = workspaceClaimsReducer(initWorkspaceClaims(seed), { type: "change", claims: [changed(seed[0]!, { revision: 5, verdictLabel: null, anchorState: "anchored", previousQuote: null })] });
    expect(view(state)[0]).toMatchObject({ verdictLabel: null, anchorState: "anchored", previousQuote: null });
  });

  it("does not show an answer over a list rendered after it (a newer revision)", () => {
    const seed = [buildClaim("c1", 3, { status: "done" })];
    const state = workspaceClaimsReducer(initWorkspaceClaims(seed), { type: "change", claims: [changed(buildClaim("c1", 1), { revision: 2, status: "in_progress" })] });
    expect(view(state)[0]).toBe(seed[0]);
  });

  it("tells which claims were changed on a newer revision than the list showed", () => {
    const claims = new Map([["c1", { revision: 2 }], ["c2", { revision: 5 }]]);
    const answer = [changed(buildClaim("c1", 2), { revision: 3 }), changed(buildClaim("c2", 6), { revision: 7 })];
    expect(findMissedChanges(claims, answer)).toEqual(["c2"]);
  });
});

describe("the workspace's list when the page's data arrives again", () => {
  it("takes a newer rendering as it is and drops the patches it covers", () => {
    const seed = [buildClaim("c1"), buildClaim("c2")];
    const applied = workspaceClaimsReducer(initWorkspaceClaims(seed), { type: "change", claims: [changed(seed[0]!, { revision: 2, status: "in_progress" })] });
    const fresh = [buildClaim("c2"), buildClaim("c1", 3, { status: "needs_review" })];
    const next = workspaceClaimsReducer(applied, { type: "seed", claims: fresh });
    expect(next.patches.size).toBe(0);
    expect(view(next)).toBe(fresh);
  });

  it("keeps a patch the rendering predates, and drops one for a claim no longer listed", () => {
    const seed = [buildClaim("c1"), buildClaim("c2")];
    const applied = workspaceClaimsReducer(initWorkspaceClaims(seed), {
      type: "change",
      claims: [changed(seed[0]!, { revision: 2, status: "in_progress" }), changed(seed[1]!, { revision: 2, status: "in_progress" })],
    });
    const next = workspaceClaimsReducer(applied, { type: "seed", claims: [buildClaim("c1")] });
    expect([...next.patches.keys()]).toEqual(["c1"]);
    expect(view(next)[0]).toMatchObject({ status: "in_progress", revision: 2 });
  });
});
