import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createParsePool, type ParseRunner } from "@/lib/parsing/parse-pool";
import { createTeam } from "@/lib/teams/mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { findDebris } from "./clean";
import { fetchArticle, type FetchArticleDeps } from "./fetch-article";
import { saveImport } from "./mutations";
import { attachCapture, findRefetchAddress, findUnchangedVersion, recordPageCapture } from "./page-captures";
import { saveImportSchema } from "./schema";

const db = setUpTestDatabase();
// Workers load the parsing code from TypeScript source under Vitest: seconds on a busy machine.
const LOAD_MS = 120_000;

const STORY = readFileSync(new URL("./__fixtures__/bbc-style-article.html", import.meta.url), "utf8");
const UPDATED = STORY.replace("by 62 votes to 36", "by 63 votes to 36");

/** The local "web": path -> [content type, body]; the re-fetch tests change a page between fetches. */
const pages = new Map<string, [string, string | Buffer]>([
  ["/news/story", ["text/html; charset=utf-8", STORY]],
  ["/report.pdf", ["application/pdf", "%PDF-1.7 ..."]],
  ["/huge", ["text/html", `<html><body><p>${"x".repeat(8_000)}</p></body></html>`]],
  ["/blank", ["text/html", "   "]],
]);
const server = http.createServer((request, response) => {
  if (request.url === "/silent") return; // Never answers.
  if (request.url === "/moved") {
    response.writeHead(301, { location: "/news/story" });
    return response.end();
  }
  const page = pages.get(request.url ?? "");
  response.writeHead(page ? 200 : 404, { "content-type": page?.[0] ?? "text/plain" });
  response.end(page?.[1] ?? "not here");
});
const port = () => (server.address() as AddressInfo).port;
const local = (path: string) => `http://127.0.0.1:${port()}${path}`;

let parser: ParseRunner;
/** The test site is on loopback, on a port of its own: both are allowed, as CAPTURE_* allow them in e2e. */
const deps = (overrides: FetchArticleDeps["fetchOptions"] = {}): FetchArticleDeps => ({
  parser,
  fetchOptions: { allowPrivate: true, allowedPorts: [port()], timeoutMs: 2_000, maxBytes: 4_096, ...overrides },
  now: () => new Date("2026-12-02T12:00:00Z"),
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const budget = { timeoutMs: 60_000, memoryMb: 256 };
  parser = { pool: createParsePool({ workers: 1, queueLimit: 8, ...budget }), budget };
  await fetchArticle(local("/news/story"), deps({ maxBytes: 1_000_000 }));
}, LOAD_MS);
afterAll(async () => {
  await parser.pool.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const big = () => deps({ maxBytes: 1_000_000 });

describe("fetchArticle", () => {
  it("reads the article and its metadata, and describes the fetch", async () => {
    const result = await fetchArticle(local("/moved"), big());
    if (!result.ok) throw new Error(result.message);
    expect(result.value).toMatchObject({
      title: "Senate passes emergency flood relief bill after all-night session",
      author: "Jane Smith",
      outlet: "BBC News",
      url: "https://www.bbc.co.uk/news/articles/c9x2flood7o",
      publishedAt: "2026-12-02",
      format: "html",
    });
    expect(result.value.text).toContain("The bill passed by 62 votes to 36");
    expect(result.capture).toEqual({
      url: local("/moved"),
      finalUrl: local("/news/story"),
      httpStatus: 200,
      contentType: "text/html; charset=utf-8",
      pageSha256: createHash("sha256").update(STORY).digest("hex"),
      textHash: result.value.contentHash,
      fetchedAt: new Date("2026-12-02T12:00:00Z"),
    });
  });

  it.each([
    ["a private address", () => fetchArticle(local("/news/story"), { ...big(), fetchOptions: { allowedPorts: [port()] } }), /127\.0\.0\.1 points to this server itself \(127\.0\.0\.1\), which FactDesk does not fetch/],
    ["a page that is not HTML", () => fetchArticle(local("/report.pdf"), big()), /^This address leads to a PDF document, not a web page\. Import web pages here/],
    ["a page over the size limit", () => fetchArticle(local("/huge"), deps()), /^The page is larger than 4 KB/],
    ["a server that does not answer in time", () => fetchArticle(local("/silent"), deps({ timeoutMs: 300 })), /^The page could not be reached: .*Check the address, or try again later\.$/],
    ["a missing page", () => fetchArticle(local("/gone"), big()), /^The server answered 404 \(Not Found\)/],
    ["an empty page", () => fetchArticle(local("/blank"), big()), /^The page at this address is empty/],
    ["not an address", () => fetchArticle("flood relief bill", big()), /^This is not a valid web address\.$/],
  ])("refuses %s with a message for the editor", async (_, run, message) => {
    const result = await run();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("refuses a port that is not allowed as if the site did not answer", async () => {
    const result = await fetchArticle(local("/news/story"), { ...big(), fetchOptions: { allowPrivate: true, allowedPorts: [80] } });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^The page could not be reached/) });
  });
});

async function setUpTeam() {
  const user = await createTestUser(db);
  const team = await createTeam(db, { name: `Desk ${user.id.slice(-6)}`, userId: user.id });
  return { user, team, actor: { teamId: team.id, userId: user.id } };
}

/** What the review step sends back for a fetched page, every flagged debris line removed. */
async function fetchAndImport(actor: { teamId: string; userId: string }, path: string, fields: Record<string, unknown> = {}) {
  const fetched = await fetchArticle(local(path), big());
  if (!fetched.ok) throw new Error(fetched.message);
  const captureId = await recordPageCapture(db, actor, fetched.capture);
  const removedLines = JSON.stringify(findDebris(fetched.value.text).map((line) => line.index));
  const input = saveImportSchema.parse({ title: fetched.value.title, url: fetched.value.url, text: fetched.value.text, removedLines, captureId, ...fields });
  return { fetched, captureId, input, result: await saveImport(db, actor, input) };
}

describe("importing a fetched page", () => {
  it("keeps the fetch with the version: address, final address, time and the page's hash", async () => {
    const { actor } = await setUpTeam();
    const { fetched, result } = await fetchAndImport(actor, "/moved");
    expect(result.kind).toBe("created");
    const version = await db.articleVersion.findFirstOrThrow({ where: { articleId: result.articleId }, select: { capture: true } });
    expect(version.capture).toMatchObject({
      url: local("/moved"), finalUrl: local("/news/story"), httpStatus: 200, pageSha256: fetched.capture.pageSha256, fetchedAt: fetched.capture.fetchedAt,
    });
    expect(await findRefetchAddress(db, actor.teamId, result.articleId)).toBe(local("/moved"));
  });

  it("refuses a capture for a text other than the one read from the page, and a second use", async () => {
    const { actor } = await setUpTeam();
    const { input } = await fetchAndImport(actor, "/news/story");
    const tampered = saveImportSchema.parse({ ...input, text: `${input.text}\n\nA sentence the page never had.`, removedLines: "[]" });
    const fresh = await fetchArticle(local("/news/story"), big());
    if (!fresh.ok) throw new Error(fresh.message);
    const captureId = await recordPageCapture(db, actor, fresh.capture);
    await expect(saveImport(db, actor, { ...tampered, captureId })).rejects.toThrow(/not the one read from the fetched page/);
    expect(await db.articleCapture.findUniqueOrThrow({ where: { id: captureId } })).toMatchObject({ versionId: null });
    await expect(db.$transaction((tx) => attachCapture(tx, actor, input.captureId!, "another-version", input.text))).rejects.toThrow(/already imported/);
  });

  it("does not let another member, or another team, use an editor's capture", async () => {
    const { actor } = await setUpTeam();
    const other = await setUpTeam();
    const fetched = await fetchArticle(local("/news/story"), big());
    if (!fetched.ok) throw new Error(fetched.message);
    const captureId = await recordPageCapture(db, actor, fetched.capture);
    const input = saveImportSchema.parse({ title: "Flood bill", text: fetched.value.text, removedLines: "[]", captureId });
    await expect(saveImport(db, other.actor, input)).rejects.toThrow(/no longer on record/);
    expect(await db.article.count({ where: { teamId: other.team.id } })).toBe(0);
  });

  it("re-fetch: reports an unchanged article, and imports a changed page as the next version with its own capture", async () => {
    const { actor } = await setUpTeam();
    const first = await fetchAndImport(actor, "/news/story");
    const articleId = first.result.articleId;
    const again = await fetchArticle(local("/news/story"), big());
    if (!again.ok) throw new Error(again.message);
    // The debris the editor removed from version 1 is removed again before comparing.
    expect(await findUnchangedVersion(db, actor.teamId, articleId, again.value.text)).toMatchObject({ number: 1 });

    pages.set("/news/story", ["text/html; charset=utf-8", UPDATED]);
    try {
      const changed = await fetchArticle(local("/news/story"), big());
      if (!changed.ok) throw new Error(changed.message);
      expect(await findUnchangedVersion(db, actor.teamId, articleId, changed.value.text)).toBeNull();
      const second = await fetchAndImport(actor, "/news/story", { articleId });
      expect(second.result).toMatchObject({ kind: "new-version", articleId, versionNumber: 2 });
      const versions = await db.articleVersion.findMany({ where: { articleId }, orderBy: { number: "asc" }, select: { text: true, capture: { select: { pageSha256: true } } } });
      expect(versions.map((version) => version.capture?.pageSha256)).toEqual([first.fetched.capture.pageSha256, second.fetched.capture.pageSha256]);
      expect(versions[1]?.text).toContain("by 63 votes to 36");
    } finally {
      pages.set("/news/story", ["text/html; charset=utf-8", STORY]);
    }
  });

  it("re-fetch compares the article's words: lines the editor removed from the last version are removed again first", async () => {
    const { actor } = await setUpTeam();
    const text = `Share this article\n\n${"The bill passed by 62 votes to 36. ".repeat(3)}`;
    const saved = await saveImport(db, actor, saveImportSchema.parse({ title: "Flood bill", text, removedLines: "[0]" }));
    expect(await findUnchangedVersion(db, actor.teamId, saved.articleId, text)).toMatchObject({ number: 1 });
    expect(await findUnchangedVersion(db, actor.teamId, saved.articleId, text.replace("62", "63"))).toBeNull();
    expect(await findUnchangedVersion(db, (await setUpTeam()).team.id, saved.articleId, text)).toBeNull();
  });

  it("forgets captures no import took within a day", async () => {
    const { actor } = await setUpTeam();
    const fetched = await fetchArticle(local("/news/story"), big());
    if (!fetched.ok) throw new Error(fetched.message);
    const stale = await recordPageCapture(db, actor, { ...fetched.capture, fetchedAt: new Date("2026-11-30T12:00:00Z") });
    const kept = await recordPageCapture(db, actor, fetched.capture);
    expect(await db.articleCapture.findUnique({ where: { id: stale } })).toBeNull();
    expect(await db.articleCapture.findUnique({ where: { id: kept } })).not.toBeNull();
  });
});
