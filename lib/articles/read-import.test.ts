import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createParsePool, type ParseRunner } from "@/lib/parsing/parse-pool";
import { nestFormatting, strayTableRows } from "@/tests/pathological-inputs";
import type { UploadInput } from "./parse-upload";
import { previewImport } from "./preview";
import { readImport } from "./read-import";

// Workers load the parsing code from TypeScript source under Vitest: seconds on a busy machine.
const LOAD_MS = 120_000;

const fixture = readFileSync(new URL("../../prisma/fixtures/putin-private-armies.txt", import.meta.url));
const newsPage = readFileSync(new URL("./__fixtures__/news-page.html", import.meta.url));
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function startRunner(budget: ParseRunner["budget"], limits = { workers: 1, queueLimit: 1 }): ParseRunner {
  return { pool: createParsePool({ ...limits, ...budget }), budget };
}

describe("readImport on a parsing worker", () => {
  let runner: ParseRunner;
  beforeAll(async () => {
    runner = startRunner({ timeoutMs: 60_000, memoryMb: 256 }, { workers: 1, queueLimit: 8 });
    await readImport({ kind: "paste", text: "warm up" }, runner);
  }, LOAD_MS);
  afterAll(() => runner.pool.close());

  it.each<[string, UploadInput]>([
    ["the text fixture", { kind: "file", name: "putin-private-armies.txt", bytes: fixture }],
    ["a saved news page", { kind: "file", name: "news-page.html", bytes: newsPage, url: "https://www.businessinsider.com/x" }],
    ["a Markdown file", { kind: "file", name: "notes.md", bytes: encode("# Budget vote\n\nThe council *approved* the [budget](https://x.example).\n\n<div>An <b>HTML</b> block.</div>") }],
    ["pasted HTML", { kind: "paste", text: "<!-- copied --><div><p>Pasted <b>page</b></p></div>" }],
    ["an empty file", { kind: "file", name: "empty.txt", bytes: new Uint8Array() }],
  ])("reads %s exactly as previewImport does on the calling thread", async (_, input) => {
    expect(await readImport(input, runner)).toEqual(previewImport(input));
  }, LOAD_MS);
});

describe("readImport within the time budget", () => {
  let runner: ParseRunner;
  beforeAll(async () => {
    // The page below takes 1.4 s on an idle two-core machine and longer on a busy one: 0.3 s is
    // far below it, and far above the few milliseconds the warm-up paste takes.
    runner = startRunner({ timeoutMs: 300, memoryMb: 256 }, { workers: 1, queueLimit: 0 });
    await readImport({ kind: "paste", text: "warm up" }, runner);
  }, LOAD_MS);
  afterAll(() => runner.pool.close());

  it("refuses a page too complex to read in time, saying what to do instead", async () => {
    const started = performance.now();
    const upload = await readImport({ kind: "file", name: "deep.html", bytes: encode(nestFormatting(120_000)) }, runner);
    expect(upload).toEqual({
      ok: false,
      message: `"deep.html" is too complex to import: reading it took longer than 0.3 s. Open the page in a browser, copy the article's text and paste that instead.`,
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    const paste = await readImport({ kind: "paste", text: `<div>${nestFormatting(120_000)}</div>` }, runner);
    expect(paste).toMatchObject({ ok: false, message: expect.stringMatching(/^This page is too complex to import: reading it took longer than 0\.3 s\./) });
  }, LOAD_MS);

  it("says the server is busy when every worker is taken and the queue is full", async () => {
    const slow = readImport({ kind: "file", name: "deep.html", bytes: encode(nestFormatting(120_000)) }, runner);
    expect(await readImport({ kind: "paste", text: "Meanwhile." }, runner)).toEqual({
      ok: false,
      message: "The server is busy reading other articles just now; nothing was imported. Try again in a minute.",
    });
    await slow;
  }, LOAD_MS);
});

describe("readImport within the memory budget", () => {
  let runner: ParseRunner;
  beforeAll(async () => {
    // The page below outgrows any budget from 16 MB to 64 MB; 48 MB leaves a fresh worker room to
    // load the parsing code from TypeScript source (at 16 MB that load itself sometimes ran out).
    runner = startRunner({ timeoutMs: 60_000, memoryMb: 48 });
    await readImport({ kind: "paste", text: "warm up" }, runner);
  }, LOAD_MS);
  afterAll(() => runner.pool.close());

  it("refuses a page that needs more memory than the budget", async () => {
    expect(await readImport({ kind: "file", name: "rows.html", bytes: encode(strayTableRows(100_000)) }, runner)).toEqual({
      ok: false,
      message: `"rows.html" is too large to import: reading it needed more than 48 MB of memory. Open the page in a browser, copy the article's text and paste that instead.`,
    });
  }, LOAD_MS);
});
