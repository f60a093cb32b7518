import { describe, expect, it } from "vitest";
import { applyPatches, findMissedChanges, initWorkspaceClaims, mergeRows, workspaceClaimsReducer, type ChangedClaim } from "./claim-patches";
import type { DeletedClaim, WorkspaceClaim, WorkspaceRows } from "./types";

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

/** The read action's answer (lib/claims/workspace-rows.ts): the named claims' rows, the order, the deleted, their markers. */
function answer(claims: WorkspaceClaim[], order: string[], deleted: DeletedClaim[] = [], markers: WorkspaceRows["markers"] = {}): WorkspaceRows {
  return { claims, order, deleted, markers };
}

const ids = (claims: readonly WorkspaceClaim[]) => claims.map((claim) => claim.id);

describe("the workspace's list after a colleague's structural change (mergeRows)", () => {
  it("inserts an added claim where the order puts it, keeping the other rows as the same objects", () => {
    const list = [buildClaim("c1"), buildClaim("c2"), buildClaim("c3")];
    const added = buildClaim("c9", 1, { statement: "Added by a colleague." });
    const { claims, missing } = mergeRows(list, answer([added], ["c1", "c9", "c2", "c3"]));
    expect(ids(claims)).toEqual(["c1", "c9", "c2", "c3"]);
    expect(claims[1]).toEqual({ ...added, marker: null });
    expect(claims[0]).toBe(list[0]);
    expect(claims[2]).toBe(list[1]);
    expect(missing).toEqual([]);
  });

  it("a split: the first part's row is replaced with the answered one, the second part inserted after it", () => {
    const list = [buildClaim("c1"), buildClaim("c2", 4, { quote: "Whole passage, both halves." })];
    const head = buildClaim("c2", 5, { quote: "Whole passage," });
    const tail = buildClaim("c7", 1, { quote: "both halves." });
    const { claims } = mergeRows(list, answer([head, tail], ["c1", "c2", "c7"]));
    expect(claims.map((claim) => [claim.id, claim.quote])).toEqual([["c1", "Quote c1."], ["c2", "Whole passage,"], ["c7", "both halves."]]);
  });

  it("a merge or a delete: claims no longer in the order go, whether or not the answer named them", () => {
    const list = [buildClaim("c1"), buildClaim("c2"), buildClaim("c3"), buildClaim("c4")];
    const kept = buildClaim("c2", 2, { statement: "Merged statement." });
    // c3 was merged into c2 (named, now deleted: no row); c4 was deleted by a change not named here.
    const { claims } = mergeRows(list, answer([kept], ["c1", "c2"]));
    expect(ids(claims)).toEqual(["c1", "c2"]);
    expect(claims[1]!.statement).toBe("Merged statement.");
  });

  it("a move: the order is the answer's, not the list's", () => {
    const list = [buildClaim("c1"), buildClaim("c2"), buildClaim("c3")];
    const { claims } = mergeRows(list, answer([buildClaim("c3", 2)], ["c3", "c1", "c2"]));
    expect(ids(claims)).toEqual(["c3", "c1", "c2"]);
  });

  it("a new citation: the answered row replaces the held one at the same revision (a citation leaves the revision alone)", () => {
    const list = [buildClaim("c1", 3, { provenanceSummary: "No sources yet" })];
    const { claims } = mergeRows(list, answer([buildClaim("c1", 3, { provenanceSummary: "1 outlet, 1 origin: Reuters" })], ["c1"]));
    expect(claims[0]!.provenanceSummary).toBe("1 outlet, 1 origin: Reuters");
  });

  it("keeps a row the list holds at a newer revision than the answer (read before that change)", () => {
    const list = [buildClaim("c1", 6, { statement: "Newer." })];
    const { claims } = mergeRows(list, answer([buildClaim("c1", 5, { statement: "Older." })], ["c1"]));
    expect(claims[0]).toBe(list[0]);
  });

  it("gives each answered row its marker as answered (null for none) and leaves the other rows to the streamed markers", () => {
    const list = [buildClaim("c1"), buildClaim("c2", 1, { marker: "repeat" }), buildClaim("c3")];
    const edited = buildClaim("c2", 2, { statement: "Now says something else." });
    const added = buildClaim("c9", 1, { statement: "Checked in another article." });
    const { claims } = mergeRows(list, answer([edited, added], ["c1", "c2", "c9", "c3"], [], { c9: "checked-before" }));
    expect(claims.map((claim) => [claim.id, claim.marker])).toEqual([["c1", undefined], ["c2", null], ["c9", "checked-before"], ["c3", undefined]]);
    expect(claims[0]).toBe(list[0]);
  });

  it("names the claims of the order that neither the list nor the answer has, and leaves them out", () => {
    const list = [buildClaim("c1")];
    const { claims, missing } = mergeRows(list, answer([buildClaim("c2")], ["c1", "c5", "c2"]));
    expect(ids(claims)).toEqual(["c1", "c2"]);
    expect(missing).toEqual(["c5"]);
  });
});

describe("the workspace's state after a colleague's structural change", () => {
  const gone: DeletedClaim = { id: "c2", statement: "Statement c2.", deletedAt: "2026-12-03T10:00:00.000Z" };

  it("takes the rows, the order and the deleted list, and keeps what the page last rendered as served", () => {
    const seed = [buildClaim("c1"), buildClaim("c2")];
    const state = workspaceClaimsReducer(initWorkspaceClaims(seed), { type: "rows", rows: answer([], ["c1"], [gone]) });
    expect(ids(view(state))).toEqual(["c1"]);
    expect(state.deleted).toEqual([gone]);
    expect(state.served).toBe(seed);
  });

  it("keeps a patch of the page's own change that is newer than the answered row, and drops one the row covers", () => {
    const seed = [buildClaim("c1"), buildClaim("c2")];
    const patched = workspaceClaimsReducer(initWorkspaceClaims(seed), {
      type: "change",
      claims: [changed(seed[0]!, { revision: 4, status: "done" }), changed(seed[1]!, { revision: 2, status: "in_progress" })],
    });
    const state = workspaceClaimsReducer(patched, { type: "rows", rows: answer([buildClaim("c1", 3), buildClaim("c2", 3, { status: "needs_review" })], ["c2", "c1"]) });
    expect(view(state).map((claim) => [claim.id, claim.status, claim.revision])).toEqual([["c2", "needs_review", 3], ["c1", "done", 4]]);
    expect([...state.patches.keys()]).toEqual(["c1"]);
  });

  it("answers applied one after another add up: a claim added, then another deleted", () => {
    const seed = [buildClaim("c1"), buildClaim("c2")];
    let state = workspaceClaimsReducer(initWorkspaceClaims(seed), { type: "rows", rows: answer([buildClaim("c3")], ["c1", "c2", "c3"]) });
    state = workspaceClaimsReducer(state, { type: "rows", rows: answer([], ["c1", "c3"], [gone]) });
    expect(ids(view(state))).toEqual(["c1", "c3"]);
  });

  it("a claim's marker goes with it when it is deleted, and the page's data arriving again hands markers back to the stream", () => {
    const seed = [buildClaim("c1"), buildClaim("c2")];
    let state = workspaceClaimsReducer(initWorkspaceClaims(seed), { type: "rows", rows: answer([buildClaim("c3")], ["c1", "c2", "c3"], [], { c3: "checked-before" }) });
    expect(view(state).find((claim) => claim.id === "c3")!.marker).toBe("checked-before");
    state = workspaceClaimsReducer(state, { type: "rows", rows: answer([], ["c1", "c2"], [{ ...gone, id: "c3" }]) });
    expect(view(state).some((claim) => claim.id === "c3")).toBe(false);
    state = workspaceClaimsReducer(state, { type: "rows", rows: answer([buildClaim("c2", 2)], ["c1", "c2"], [], { c2: "repeat" }) });
    const next = workspaceClaimsReducer(state, { type: "seed", claims: [buildClaim("c1"), buildClaim("c2", 2)] });
    expect(view(next).map((claim) => claim.marker)).toEqual([undefined, undefined]);
  });

  it("the page's data arriving again replaces the rows read since, and the deleted list", () => {
    const seed = [buildClaim("c1")];
    const read = workspaceClaimsReducer(initWorkspaceClaims(seed), { type: "rows", rows: answer([buildClaim("c2")], ["c1", "c2"], [gone]) });
    const fresh = [buildClaim("c2"), buildClaim("c1")];
    const next = workspaceClaimsReducer(read, { type: "seed", claims: fresh, deleted: [] });
    expect(view(next)).toBe(fresh);
    expect(next.deleted).toEqual([]);
  });
});
