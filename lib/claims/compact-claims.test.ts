import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { loadClaimTraceSummaries } from "@/lib/sources/map-queries";
import { createTeam } from "@/lib/teams/mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { compactClaims, expandClaims, type ListedClaim } from "./compact-claims";
import { createClaim, markAnchorReviewed } from "./mutations";
import { getWorkspace } from "./queries";
import { describeWorkspaceClaim } from "./workspace-rows";

const db = setUpTestDatabase();

const TEXT = "The museum welcomed 1.2 million visitors in 2024. Ticket prices rose by 15 percent.";
const GLANCE = { kind: "single", originCount: 1, restsOnSingleOrigin: false, hasUnreached: false, hasCycle: false } as const;

function listed(fields: Partial<ListedClaim> & Pick<ListedClaim, "id" | "quote" | "start" | "end">): ListedClaim {
  return { statement: "A statement.", status: "unchecked", anchorState: "anchored", previousQuote: null, revision: 1, createdBy: "Lin Editor", ...fields };
}

/** What the browser gets: the page's data goes through a serialisation, so only JSON survives. */
function sendAndExpand(claims: ListedClaim[], text: string) {
  const sent = JSON.parse(JSON.stringify(compactClaims(claims, text)));
  return { sent, expanded: expandClaims(sent, text) };
}

describe("compactClaims and expandClaims", () => {
  it("leave out a quote that is the text's slice and give it back from the text", () => {
    const claim = listed({ id: "a", quote: "Ticket prices rose by 15 percent.", start: 50, end: 83 });
    const { sent, expanded } = sendAndExpand([claim], TEXT);
    expect(sent[0]).not.toHaveProperty("quote");
    expect(expanded).toStrictEqual([claim]);
  });

  it("keep a quote that is not the text's slice, whatever the anchor state says", () => {
    const claims = [
      // Lost: the old quote at [0, 0).
      listed({ id: "lost", quote: "The café closes at six.", start: 0, end: 0, anchorState: "lost", previousQuote: "The café closes at six." }),
      // Lost, then marked reviewed: "anchored" again, still at [0, 0) with the old quote.
      listed({ id: "reviewed", quote: "The café closes at six.", start: 0, end: 0 }),
      // Anchored, but one character off the text (a different apostrophe, say).
      listed({ id: "off", quote: "The museum welcomed 1.2 million visitors in 2025.", start: 0, end: 49 }),
    ];
    const { sent, expanded } = sendAndExpand(claims, TEXT);
    expect(sent.map((claim: { quote?: string }) => claim.quote)).toEqual(claims.map((claim) => claim.quote));
    expect(expanded).toStrictEqual(claims);
  });

  it("leave out the usual values and put them back, and keep every other value", () => {
    const usual = listed({
      id: "usual", quote: "The museum", start: 0, end: 10, provenance: GLANCE, provenanceSummary: "1 origin: the museum",
      verdictLabel: null, verdictById: null, isSignedOff: false, assignee: null, assigneeId: null, citesOutlet: false,
    });
    const unusual = listed({
      id: "unusual", quote: "welcomed", start: 11, end: 19, anchorState: "changed", previousQuote: "greeted", status: "done", revision: 4,
      provenance: { kind: "several", originCount: 2, restsOnSingleOrigin: true, hasUnreached: true, hasCycle: true }, provenanceSummary: "2 outlets",
      verdictLabel: "True", verdictById: "u1", isSignedOff: true, assignee: "Ana", assigneeId: "u2", citesOutlet: true,
    });
    // Not traced: none of the trace's fields, and expanding adds none.
    const untraced = listed({ id: "untraced", quote: "million", start: 24, end: 31 });
    const { sent, expanded } = sendAndExpand([usual, unusual, untraced], TEXT);
    expect(sent[0]).toStrictEqual({
      id: "usual", start: 0, end: 10, statement: "A statement.", status: "unchecked", revision: 1, createdBy: "Lin Editor",
      provenance: { kind: "single", originCount: 1 }, provenanceSummary: "1 origin: the museum",
    });
    // Everything but the quote, which is the text's slice.
    expect(sent[1]).toStrictEqual(Object.fromEntries(Object.entries(unusual).filter(([key]) => key !== "quote")));
    expect(expanded).toStrictEqual([usual, unusual, untraced]);
  });
});

const V1 = [
  "The museum welcomed 1.2 million visitors in 2024.",
  "Ticket prices rose by 15 percent in March.",
  "Its director doubled the number of exhibitions last year.",
  "The café closes at six every evening.",
  "Entry is free on the first Sunday of the month.",
  "The building dates from 1888.",
].join("\n\n");
const V2 = [
  "The museum welcomed 1.2 million visitors in 2024.",
  "Its director tripled the number of exhibitions last year.",
  "The building dates from 1888.",
  "Ticket prices rose by 15 percent in March.",
].join("\n\n");

describe("the workspace's claims as the page sends them", () => {
  it("come back in the browser as the page listed them, for anchored, moved, changed, lost and reviewed claims", async () => {
    const user = await createTestUser(db, { name: "Lin Editor" });
    const team = await createTeam(db, { name: "Culture Desk", userId: user.id });
    const actor = { teamId: team.id, userId: user.id };
    const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: "Museum", text: V1, removedLines: [] }));
    const claimOn = (quote: string) => createClaim(db, actor, { articleId, start: V1.indexOf(quote), end: V1.indexOf(quote) + quote.length });
    const ids = {
      anchored: (await claimOn("The museum welcomed 1.2 million visitors in 2024.")).id,
      moved: (await claimOn("Ticket prices rose by 15 percent in March.")).id,
      changed: (await claimOn("Its director doubled the number of exhibitions last year.")).id,
      lost: (await claimOn("The café closes at six every evening.")).id,
      reviewed: (await claimOn("Entry is free on the first Sunday of the month.")).id,
    };
    await saveImport(db, actor, saveImportSchema.parse({ title: "Museum", text: V2, removedLines: [], articleId }));
    const lostRevision = (await db.claim.findUniqueOrThrow({ where: { id: ids.reviewed } })).revision;
    await markAnchorReviewed(db, actor, { claimId: ids.reviewed, revision: lostRevision });

    // As page.tsx builds them.
    const workspace = (await getWorkspace(db, team.id, articleId))!;
    const traces = await loadClaimTraceSummaries(db, team.id, articleId, { of: "article", rows: workspace.claims }, workspace.article);
    const listedClaims = workspace.claims.map((claim) => describeWorkspaceClaim(claim, traces.get(claim.id)));
    const byId = new Map(listedClaims.map((claim) => [claim.id, claim]));
    expect(Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, byId.get(id)!.anchorState]))).toEqual({
      anchored: "anchored", moved: "moved", changed: "changed", lost: "lost", reviewed: "anchored",
    });

    const { sent, expanded } = sendAndExpand(listedClaims, workspace.version.text);
    expect(expanded).toStrictEqual(listedClaims);
    // Each quote as stored, whether it travelled or came from the text.
    for (const [name, id] of Object.entries(ids)) {
      const stored = await db.claim.findUniqueOrThrow({ where: { id }, select: { quote: true } });
      expect(expanded.find((claim) => claim.id === id)!.quote, name).toBe(stored.quote);
    }
    const sentQuote = (id: string) => sent.find((claim: { id: string }) => claim.id === id).quote;
    expect(byId.get(ids.changed)!.quote).toBe("Its director tripled the number of exhibitions last year.");
    expect([sentQuote(ids.anchored), sentQuote(ids.moved), sentQuote(ids.changed)]).toEqual([undefined, undefined, undefined]);
    expect(sentQuote(ids.lost)).toBe("The café closes at six every evening.");
    expect(sentQuote(ids.reviewed)).toBe("Entry is free on the first Sunday of the month.");
  });
});
