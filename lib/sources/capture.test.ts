import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { captureCitation, judgeCapture, type CaptureDeps } from "./capture";
import { getCapture, listCaptures } from "./capture-queries";
import { locatePassage } from "./locate-passage";

const db = setUpTestDatabase();

const PASSAGE = "The Duma bill would let regional governors raise their own armed units to guard against sabotage.";
const REWORDED = "The Duma bill would allow regional governors to raise their own armed units to guard against sabotage.";
const OTHER = "The committee adjourned without a vote; the bill returns to the chamber in the autumn session.";

/** The local "web": path -> plain text page; tests change pages between captures. */
const pages = new Map<string, string>();
const server = http.createServer((request, response) => {
  const page = pages.get(request.url ?? "");
  if (page === undefined) {
    response.writeHead(404, { "content-type": "text/plain" });
    return response.end("gone");
  }
  response.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
  response.end(page);
});
const url = (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** One capture a day from 12 Nov 2025, so messages name predictable dates. */
function dailyClock(): CaptureDeps {
  let day = 0;
  const allowedPorts = [(server.address() as AddressInfo).port];
  return { fetchOptions: { allowPrivate: true, allowedPorts, timeoutMs: 2_000 }, now: () => new Date(Date.UTC(2025, 10, 12 + day++, 9)) };
}

let counter = 0;
async function setUpCitation(options: { path?: string; passage?: string | null; url?: string | null } = {}) {
  counter += 1;
  const user = await createTestUser(db);
  const team = await db.team.create({ data: { name: `Desk ${counter}`, slug: `desk-${counter}-${Date.now()}` } });
  const article = await db.article.create({ data: { teamId: team.id, title: "Private armies", createdById: user.id } });
  const text = "Regional governors may raise armed units, a new bill says.";
  const version = await db.articleVersion.create({
    data: { articleId: article.id, teamId: team.id, number: 1, text, contentHash: `hash-${counter}`, createdById: user.id },
  });
  const claim = await db.claim.create({
    data: {
      teamId: team.id, articleId: article.id, versionId: version.id, position: 1, quote: text, prefix: "", suffix: "",
      start: 0, end: text.length, statement: text, createdById: user.id,
    },
  });
  const source = await db.source.create({ data: { teamId: team.id, name: "the Duma bill", nameKey: "duma bill", kind: "document", createdById: user.id } });
  const path = options.path ?? `/story-${counter}`;
  const citation = await db.citation.create({
    data: {
      teamId: team.id, claimId: claim.id, sourceId: source.id, relation: "states", createdById: user.id,
      url: options.url === undefined ? url(path) : options.url,
      passage: options.passage === undefined ? PASSAGE : options.passage,
    },
  });
  return { actor: { teamId: team.id, userId: user.id }, citation, path, claimId: claim.id };
}

describe("captureCitation re-checks", () => {
  it("flags a passage that was found, then changed, then vanished", async () => {
    const { actor, citation, path, claimId } = await setUpCitation();
    const deps = dailyClock();
    pages.set(path, `Minutes.\n\n${PASSAGE}\n`);
    const first = await captureCitation(db, actor, { citationId: citation.id }, deps);
    expect(first).toMatchObject({ state: "found", message: `Passage found in the page (sha256 ${first.sha256?.slice(0, 12)}…).` });
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);

    pages.set(path, `Minutes.\n\n${REWORDED}\n`);
    const second = await captureCitation(db, actor, { citationId: citation.id }, deps);
    expect(second.state).toBe("changed");
    expect(second.message).toMatch(/^Passage changed since the capture of 12 Nov 2025: now only an approximate match \(\d+% match/);
    expect(await db.sourceCapture.findUniqueOrThrow({ where: { id: second.captureId } })).toMatchObject({ passageWording: REWORDED, comparedWording: PASSAGE });

    pages.set(path, `Minutes.\n\n${OTHER}\n`);
    const third = await captureCitation(db, actor, { citationId: citation.id }, deps);
    expect(third).toMatchObject({ state: "vanished", message: expect.stringMatching(/^Passage vanished since the capture of 13 Nov 2025/) });

    const row = await db.citation.findUniqueOrThrow({ where: { id: citation.id } });
    expect(row).toMatchObject({ captureState: "vanished", capturedAt: new Date(Date.UTC(2025, 10, 14, 9)), revision: 1 });
    const captures = await db.sourceCapture.findMany({ where: { citationId: citation.id }, orderBy: { fetchedAt: "asc" } });
    expect(captures.map((capture) => capture.passageState)).toEqual(["found", "fuzzy", "missing"]);
    expect(captures[0]?.text).toBe(`Minutes.\n\n${PASSAGE}\n`);
    const events = await db.claimEvent.findMany({ where: { claimId, type: "citation_captured" }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => [event.fromValue, event.toValue])).toEqual([[null, "found"], ["found", "changed"], ["changed", "vanished"]]);
    expect(events[2]?.note).toBe(third.message);
  });

  it("reports a passage found again, a fuzzy one and one never found", async () => {
    const deps = dailyClock();
    const exact = await setUpCitation();
    pages.set(exact.path, PASSAGE);
    await captureCitation(db, exact.actor, { citationId: exact.citation.id }, deps);
    pages.set(exact.path, `Updated. ${PASSAGE}`);
    const again = await captureCitation(db, exact.actor, { citationId: exact.citation.id }, deps);
    expect(again.message).toMatch(/^Passage still found; the page changed since the capture of 12 Nov 2025/);

    const fuzzy = await setUpCitation();
    pages.set(fuzzy.path, REWORDED);
    expect((await captureCitation(db, fuzzy.actor, { citationId: fuzzy.citation.id }, deps)).state).toBe("fuzzy");

    const missing = await setUpCitation();
    pages.set(missing.path, OTHER);
    expect(await captureCitation(db, missing.actor, { citationId: missing.citation.id }, deps)).toMatchObject({ state: "missing" });
  });

  it("captures a page for a citation without a passage", async () => {
    const { actor, citation, path } = await setUpCitation({ passage: null });
    pages.set(path, OTHER);
    const summary = await captureCitation(db, actor, { citationId: citation.id }, dailyClock());
    expect(summary.state).toBe("no_passage");
    expect(await db.sourceCapture.findFirstOrThrow({ where: { citationId: citation.id } })).toMatchObject({ passageState: "no_passage", passageScore: null });
  });
});

describe("a changed figure", () => {
  it("is a changed passage, named with its old and new value, and the highlight covers the whole figure", async () => {
    const cited = "The ministry said it had counted 94";
    const { actor, citation, path } = await setUpCitation({ passage: cited });
    const deps = dailyClock();
    pages.set(path, `Report.\n\n${cited} new units by June.`);
    expect((await captureCitation(db, actor, { citationId: citation.id }, deps)).state).toBe("found");
    pages.set(path, "Report.\n\nThe ministry said it had counted 107 new units by June.");
    const second = await captureCitation(db, actor, { citationId: citation.id }, deps);
    expect(second.state).toBe("changed");
    expect(second.message).toMatch(/^Passage changed since the capture of 12 Nov 2025: the figures differ, 94 → 107 \(/);
    const capture = await getCapture(db, actor.teamId, second.captureId);
    expect(capture?.highlights.map(({ start, end }) => capture.text?.slice(start, end))).toEqual(["The ministry said it had counted 107"]);
    expect(capture).toMatchObject({ passageWording: "The ministry said it had counted 107", comparedWording: cited });
  });
});

describe("captureCitation failures", () => {
  it("records an unreachable page with its status and error", async () => {
    const { actor, citation } = await setUpCitation({ path: "/never-published" });
    const summary = await captureCitation(db, actor, { citationId: citation.id }, dailyClock());
    expect(summary).toMatchObject({ state: "unreachable", sha256: null, message: "Page could not be captured: The server answered 404 (Not Found); nothing was captured." });
    const capture = await db.sourceCapture.findUniqueOrThrow({ where: { id: summary.captureId } });
    expect(capture).toMatchObject({ passageState: "failed", httpStatus: 404, text: null, sha256: null, error: "The server answered 404 (Not Found); nothing was captured." });
    expect(await db.citation.findUniqueOrThrow({ where: { id: citation.id } })).toMatchObject({ captureState: "unreachable" });
  });

  it("records loopback refused when private targets are not allowed", async () => {
    const { actor, citation, path } = await setUpCitation();
    pages.set(path, PASSAGE);
    const summary = await captureCitation(db, actor, { citationId: citation.id }, { fetchOptions: { allowPrivate: false, allowedPorts: [(server.address() as AddressInfo).port] } });
    expect(summary.state).toBe("unreachable");
    expect(summary.message).toMatch(/points to this server itself \(127\.0\.0\.1\), which FactDesk does not fetch/);
  });

  it("treats another team's citation as missing and refuses removed or link-less ones", async () => {
    const { citation } = await setUpCitation();
    const stranger = await setUpCitation();
    await expect(captureCitation(db, stranger.actor, { citationId: citation.id }, dailyClock())).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.sourceCapture.count({ where: { citationId: citation.id } })).toBe(0);

    await db.citation.update({ where: { id: stranger.citation.id }, data: { deletedAt: new Date() } });
    await expect(captureCitation(db, stranger.actor, { citationId: stranger.citation.id }, dailyClock())).rejects.toMatchObject({ code: "INVALID_INPUT" });

    const linkless = await setUpCitation({ url: null });
    await expect(captureCitation(db, linkless.actor, { citationId: linkless.citation.id }, dailyClock())).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "This citation has no link to capture. Add the page's address first.",
    });
  });
});

describe("capture queries", () => {
  it("returns a capture with the passage located, only to its team", async () => {
    const { actor, citation, path } = await setUpCitation();
    pages.set(path, `Minutes of the session.\n\n“The Duma bill would let regional governors raise their own\narmed units to guard against sabotage.” Then lunch.`);
    const summary = await captureCitation(db, actor, { citationId: citation.id }, dailyClock());
    const capture = await getCapture(db, actor.teamId, summary.captureId);
    const [range] = capture?.highlights ?? [];
    expect(capture?.text?.slice(range?.start, range?.end)).toBe(
      "The Duma bill would let regional governors raise their own\narmed units to guard against sabotage.",
    );
    expect(capture).toMatchObject({ passageState: "found", citation: { passage: PASSAGE, source: { name: "the Duma bill" } } });

    const stranger = await setUpCitation();
    expect(await getCapture(db, stranger.actor.teamId, summary.captureId)).toBeNull();
    expect(await listCaptures(db, stranger.actor.teamId, citation.id)).toEqual([]);
    const listed = await listCaptures(db, actor.teamId, citation.id);
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty("text");
  });

  it("locates each piece of an approximately matched, elided passage", () => {
    const text = "Officials said: the bill, which passed on Monday, gives govenors new powers.  It was signed at once.";
    const ranges = locatePassage(text, "the bill [...] gives governors new powers");
    expect(ranges.map(({ start, end }) => text.slice(start, end))).toEqual(["the bill", "gives govenors new powers"]);
  });
});

describe("judgeCapture", () => {
  const day = (date: number) => new Date(Date.UTC(2025, 10, date));
  const fuzzy = { passageState: "fuzzy" as const, score: 0.9, closest: "new wording", isTooLong: false };

  it("calls a fuzzy match changed when the page and its closest wording moved", () => {
    const prior = { id: "c1", sha256: "old", passageState: "fuzzy", fetchedAt: day(12), closest: "old wording" };
    const judged = judgeCapture({ reading: fuzzy, sha256: "new", priors: [prior], passage: "new wordings", error: null });
    expect(judged).toMatchObject({ state: "changed", comparedWording: "old wording" });
    expect(judgeCapture({ reading: fuzzy, sha256: "old", priors: [prior], passage: "new wordings", error: null }).state).toBe("fuzzy");
  });

  it("calls a close match with other figures changed, naming them, even on a first capture", () => {
    const reading = { passageState: "fuzzy" as const, score: 0.82, closest: "The ministry counted 107 units", isTooLong: false };
    const first = judgeCapture({ reading, sha256: "new", priors: [], passage: "The ministry counted 94 units", error: null });
    expect(first).toEqual({
      state: "changed",
      message: "The page gives other figures than the cited passage: 94 → 107 (82% match of the wording otherwise, sha256 new…).",
      comparedWording: "The ministry counted 94 units",
    });
    const found = { id: "c1", sha256: "old", passageState: "found", fetchedAt: day(12), closest: "The ministry counted 94 units" };
    const later = judgeCapture({ reading, sha256: "new", priors: [found], passage: "The ministry counted 94 units", error: null });
    expect(later.message).toBe("Passage changed since the capture of 12 Nov 2025: the figures differ, 94 → 107 (82% match of the wording otherwise, sha256 new…).");
  });
});
