import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UploadInput } from "@/lib/articles/parse-upload";
import { nestFormatting, nestQuotes, strayTableRows } from "@/tests/pathological-inputs";
import { createParsePool } from "./parse-pool";
import type { ParseJob } from "./tasks";
import type { WorkerPool } from "./worker-pool";

// Workers load the parsing code from TypeScript source here, which takes seconds on a busy machine;
// each job's clock starts only once its worker is loaded, so the budgets below stay small.
const LOAD_MS = 120_000;

function htmlFile(html: string): UploadInput {
  return { kind: "file", name: "page.html", bytes: new TextEncoder().encode(html) };
}

function preview(input: UploadInput): ParseJob {
  return { task: "previewImport", input };
}

/** The longest the calling thread went without running a timer, while `work` ran. */
async function measureStall<T>(work: Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  try {
    return { result: await work, stallMs };
  } finally {
    clearInterval(ticker);
  }
}

describe("the parsing pool's time budget", () => {
  let pool: WorkerPool;
  beforeAll(async () => {
    pool = createParsePool({ workers: 1, queueLimit: 1, timeoutMs: 3_000, memoryMb: 256 });
    await pool.run(preview({ kind: "paste", text: "warm up" }));
  }, LOAD_MS);
  afterAll(() => pool.close());

  it("refuses a page that takes too long, within its budget, while the calling thread keeps running", async () => {
    const started = performance.now();
    const { result, stallMs } = await measureStall(pool.run(preview(htmlFile(nestFormatting(120_000)))));
    expect(result).toMatchObject({ ok: false, failure: "timeout" });
    // The budget is 3 s; ending the worker and answering must not take long after it.
    expect(performance.now() - started).toBeLessThan(6_000);
    // Read on this thread, the page would stall it for the whole parse (many seconds); the margin
    // is for a busy machine, where even an idle thread's timers run late.
    expect(stallMs).toBeLessThan(1_000);
  }, LOAD_MS);

  it("reads the next page on a fresh worker after one was ended", async () => {
    const outcome = await pool.run(preview(htmlFile("<article><p>Still reading pages.</p></article>")));
    expect(outcome).toMatchObject({ ok: true, value: { ok: true, value: { text: "Still reading pages." } } });
  }, LOAD_MS);

  it("answers busy at once when the queue is full, and runs what it queued", async () => {
    const slow = pool.run(preview(htmlFile(nestFormatting(120_000))));
    const queued = pool.run(preview({ kind: "paste", text: "Queued text." }));
    const started = performance.now();
    expect(await pool.run(preview({ kind: "paste", text: "One too many." }))).toMatchObject({ ok: false, failure: "busy" });
    expect(performance.now() - started).toBeLessThan(100);
    expect(await slow).toMatchObject({ ok: false, failure: "timeout" });
    expect(await queued).toMatchObject({ ok: true, value: { ok: true, value: { text: "Queued text." } } });
  }, LOAD_MS);

  it("refuses Markdown nested too deeply for its parser, and a bug fails only its own job", async () => {
    // marked's lexer recurses (and rescans) once per level: it overflows the stack or the budget.
    const outcome = await pool.run(preview({ kind: "paste", text: nestQuotes(20_000), format: "markdown" }));
    expect(outcome.ok || outcome.failure).toMatch(/^(nesting|timeout)$/);
    expect(await pool.run({ task: "noSuchTask", input: null })).toMatchObject({ ok: false, failure: "failed", detail: "Error: Unknown parse task: noSuchTask" });
    expect(await pool.run(preview({ kind: "paste", text: "Fine." }))).toMatchObject({ ok: true });
  }, LOAD_MS);
});

describe("the parsing pool's memory budget", () => {
  let pool: WorkerPool;
  beforeAll(async () => {
    pool = createParsePool({ workers: 1, queueLimit: 1, timeoutMs: 60_000, memoryMb: 16 });
    await pool.run(preview({ kind: "paste", text: "warm up" }));
  }, LOAD_MS);
  afterAll(() => pool.close());

  it("ends a worker that outgrows its memory, and the next page is read", async () => {
    expect(await pool.run(preview(htmlFile(strayTableRows(100_000))))).toMatchObject({ ok: false, failure: "memory" });
    expect(await pool.run(preview(htmlFile("<p>Small page.</p>")))).toMatchObject({ ok: true, value: { ok: true, value: { text: "Small page." } } });
  }, LOAD_MS);
});
