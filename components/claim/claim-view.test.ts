import { describe, expect, it } from "vitest";
import type { ClaimChange } from "@/lib/verification/claim-change";
import { applyClaimChange, claimViewReducer, hasMissedChanges, initClaimView } from "./claim-view";
import type { ClaimView } from "./types";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 10, minute));
const ana = { id: "u-ana", name: "Ana Reyes" };
const ben = { id: "u-ben", name: "Ben Okafor" };

function buildView(claimId = "claim-1", revision = 4): ClaimView {
  return {
    claim: {
      id: claimId, articleId: "a-1", position: 1, quote: "The Duma passed the bill.", prefix: "", suffix: "", statement: "The Duma passed the bill in May.",
      status: "in_progress", verdict: null, rationale: null, verdictAt: null, signedOffAt: null, anchorState: "anchored", revision, deletedAt: null,
      verdictBy: null, signedOffBy: null, assignee: null, article: { id: "a-1", title: "Moscow moves", outlet: null, url: null }, team: { verdictLabels: "{}", verificationRules: "{}" },
    },
    number: 1, claimCount: 2, previousId: null, nextId: "claim-2", citations: [], trace: { paths: [] },
    events: [{ id: "e-1", type: "status_changed", fromValue: "Unchecked", toValue: "In progress", note: null, createdAt: at(1), actor: { name: ana.name } }],
    comments: [{ id: "m-1", body: "Called the press office.", createdAt: at(1), author: { name: ben.name } }],
    members: [], settings: { labels: {}, rules: { accurateNeeds: "origin_or_two_independent", requireSignOff: true } },
  } as unknown as ClaimView;
}

/** An answer as lib/verification/claim-change.ts gives it, for the claim of `view` at `revision`. */
function buildChange(view: ClaimView, fields: Partial<ClaimChange["claim"]> & { revision: number }, rows: Partial<Pick<ClaimChange, "events" | "comments" | "since">> = {}): ClaimChange {
  const { claim } = view;
  return {
    claim: {
      id: claim.id, statement: claim.statement, quote: claim.quote, status: claim.status, anchorState: claim.anchorState, previousQuote: null,
      verdict: claim.verdict, verdictLabel: null, rationale: claim.rationale, verdictAt: claim.verdictAt, verdictBy: claim.verdictBy,
      signedOffBy: claim.signedOffBy, signedOffAt: claim.signedOffAt, assignee: claim.assignee, ...fields,
    },
    since: rows.since ?? claim.revision,
    events: rows.events ?? [],
    comments: rows.comments ?? [],
  } as ClaimChange;
}

const event = (id: string, minute: number, type = "status_changed") =>
  ({ id, type, fromValue: null, toValue: null, note: null, createdAt: at(minute), actor: { name: ana.name } }) as ClaimChange["events"][number];

describe("the claim page's view of a change's answer", () => {
  it("shows the new state, revision and history row at once", () => {
    const view = buildView();
    const change = buildChange(view, { revision: 5, status: "needs_review" }, { events: [event("e-2", 3)] });
    expect(hasMissedChanges(view, change)).toBe(false);
    const next = applyClaimChange(view, change);
    expect(next.claim).toMatchObject({ status: "needs_review", revision: 5, statement: view.claim.statement, article: view.claim.article });
    expect(next.events.map((row) => row.id)).toEqual(["e-2", "e-1"]);
  });

  it("shows a verdict awaiting sign-off, then the sign-off, each row newest first (rows of one instant by id)", () => {
    const view = buildView();
    const given = buildChange(
      view,
      { revision: 5, status: "needs_review", verdict: "accurate", rationale: "The bill is on the Duma's site.", verdictAt: at(3), verdictBy: ana },
      { events: [event("e-3b", 3), event("e-3a", 3, "verdict_given")] },
    );
    const afterVerdict = applyClaimChange(view, given);
    expect(afterVerdict.claim).toMatchObject({ verdict: "accurate", verdictBy: ana, signedOffBy: null });
    expect(afterVerdict.events.map((row) => row.id)).toEqual(["e-3b", "e-3a", "e-1"]);
    const signed = buildChange(afterVerdict, { revision: 6, signedOffBy: ben, signedOffAt: at(4) }, { events: [event("e-4", 4, "verdict_signed_off")] });
    expect(applyClaimChange(afterVerdict, signed).claim).toMatchObject({ verdict: "accurate", signedOffBy: ben, revision: 6 });
  });

  it("adds a comment after the others and leaves the claim as it was (a comment does not change its revision)", () => {
    const view = buildView();
    const comment = { id: "m-2", body: "The press office confirms.", createdAt: at(5), author: { name: ana.name } };
    const next = applyClaimChange(view, buildChange(view, { revision: 4 }, { comments: [comment], events: [event("e-5", 5, "commented")] }));
    expect(next.comments.map((row) => row.body)).toEqual(["Called the press office.", "The press office confirms."]);
    expect(next.claim).toEqual(view.claim);
  });

  it("never takes the claim back to an older revision, nor shows a row twice", () => {
    const view = applyClaimChange(buildView(), buildChange(buildView(), { revision: 6, status: "done" }, { events: [event("e-6", 6)] }));
    const late = buildChange(buildView(), { revision: 5, status: "needs_review" }, { events: [event("e-6", 6), event("e-5", 5)] });
    const next = applyClaimChange(view, late);
    expect(next.claim).toMatchObject({ status: "done", revision: 6 });
    expect(next.events.map((row) => row.id)).toEqual(["e-6", "e-5", "e-1"]);
  });

  it("tells when the change was made on a newer revision than the page showed (someone else's change in between)", () => {
    const view = buildView();
    expect(hasMissedChanges(view, buildChange(view, { revision: 6 }, { since: 5 }))).toBe(true);
  });

  it("ignores an answer about another claim", () => {
    const view = buildView();
    expect(applyClaimChange(view, buildChange(buildView("claim-2"), { revision: 9, status: "done" }))).toBe(view);
  });
});

describe("the claim page's view when its data arrives again", () => {
  it("takes a newer rendering as it is, keeping nothing applied twice", () => {
    const seed = buildView();
    const applied = claimViewReducer(initClaimView(seed), { type: "change", change: buildChange(seed, { revision: 5, status: "needs_review" }, { events: [event("e-2", 3)] }) });
    const fresh = { ...buildView("claim-1", 6), events: [event("e-7", 7), event("e-2", 3), ...seed.events] };
    const next = claimViewReducer(applied, { type: "seed", detail: fresh });
    expect(next.seed).toBe(fresh);
    expect(next.view.claim).toEqual(fresh.claim);
    expect(next.view.events.map((row) => row.id)).toEqual(["e-7", "e-2", "e-1"]);
  });

  it("keeps what was applied when the rendering predates it (fetched before the change committed)", () => {
    const seed = buildView();
    const applied = claimViewReducer(initClaimView(seed), {
      type: "change",
      change: buildChange(seed, { revision: 5, status: "needs_review" }, { events: [event("e-2", 3)], comments: [{ id: "m-2", body: "Done.", createdAt: at(3), author: { name: ana.name } }] }),
    });
    const stale = buildView();
    const next = claimViewReducer(applied, { type: "seed", detail: stale });
    expect(next.view.claim).toMatchObject({ status: "needs_review", revision: 5 });
    expect(next.view.events.map((row) => row.id)).toEqual(["e-2", "e-1"]);
    expect(next.view.comments.map((row) => row.id)).toEqual(["m-1", "m-2"]);
  });

  it("starts afresh on another claim's page", () => {
    const seed = buildView();
    const applied = claimViewReducer(initClaimView(seed), { type: "change", change: buildChange(seed, { revision: 5, status: "done" }, { events: [event("e-2", 3)] }) });
    const other = buildView("claim-2", 1);
    expect(claimViewReducer(applied, { type: "seed", detail: other }).view).toBe(other);
  });
});
