import { Worker } from "node:worker_threads";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { nestQuotes } from "@/tests/pathological-inputs";
import { createParsePool } from "./parse-pool";
import { WorkerPool, type PoolLimits } from "./worker-pool";

// The pool's own behaviour is tested on a worker whose jobs do exactly what they say (run forever,
// grow without end, throw, recurse), so no figure here depends on how fast this machine parses.
// The pages that once froze the server are run through the real parsing pool in
// lib/articles/read-import.test.ts and e2e/parsing-freeze.spec.ts.
const SCRIPTED_WORKER = `
const { parentPort } = require("node:worker_threads");
const recurse = (depth) => recurse(depth + 1) + 1;
parentPort.on("message", ({ id, message }) => {
  try {
    if (message === "spin") for (;;) {}
    if (message === "grow") { const kept = []; for (;;) kept.push(new Array(100000).fill(kept.length)); }
    if (message === "recurse") recurse(0);
    if (message === "throw") throw new TypeError("a bug");
    parentPort.postMessage({ id, ok: true, value: message });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, name: error.name, message: error.message });
  }
});
parentPort.postMessage({ ready: true });
`;

const LOAD_MS = 60_000;

function scriptedPool(limits: PoolLimits, code = SCRIPTED_WORKER): { pool: WorkerPool; spawned: () => number } {
  let spawned = 0;
  const spawn = () => {
    spawned += 1;
    return new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 32 } });
  };
  return { pool: new WorkerPool(spawn, limits), spawned: () => spawned };
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

describe("a worker pool's budgets", () => {
  let pool: WorkerPool;
  let spawned: () => number;
  beforeAll(async () => {
    ({ pool, spawned } = scriptedPool({ size: 1, queueLimit: 1, timeoutMs: 500 }));
    expect(await pool.run("warm up")).toEqual({ ok: true, value: "warm up" });
  }, LOAD_MS);
  afterAll(() => pool.close());

  it("ends a job that runs past its time, soon after its budget, while the calling thread keeps running", async () => {
    const started = performance.now();
    const { result, stallMs } = await measureStall(pool.run("spin"));
    expect(result).toEqual({ ok: false, failure: "timeout", detail: "still running after 500 ms" });
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(490);
    expect(took).toBeLessThan(3_000);
    // The job never ends: run on this thread, it would have stalled it for good. The margin is
    // for a busy machine, where even an idle thread's timers run late.
    expect(stallMs).toBeLessThan(1_000);
  }, LOAD_MS);

  it("runs the next job on a fresh worker after one was ended", async () => {
    const before = spawned();
    expect(await pool.run("next")).toEqual({ ok: true, value: "next" });
    expect(spawned()).toBe(before); // the replacement was started when the old one was ended
    expect(pool.size).toEqual({ workers: 1, busy: 0, queued: 0 });
  }, LOAD_MS);

  it("answers busy at once when the queue is full, and runs what it queued", async () => {
    const slow = pool.run("spin");
    const queued = pool.run("queued");
    const started = performance.now();
    expect(await pool.run("one too many")).toMatchObject({ ok: false, failure: "busy" });
    expect(performance.now() - started).toBeLessThan(100);
    expect(await slow).toMatchObject({ ok: false, failure: "timeout" });
    expect(await queued).toEqual({ ok: true, value: "queued" });
  }, LOAD_MS);

  it("ends a worker that outgrows its memory, and the next job runs", async () => {
    expect(await pool.run("grow")).toMatchObject({ ok: false, failure: "memory" });
    expect(await pool.run("after")).toEqual({ ok: true, value: "after" });
  }, LOAD_MS);

  it("tells a stack overflow from a bug, and either fails only its own job", async () => {
    expect(await pool.run("recurse")).toMatchObject({ ok: false, failure: "nesting", detail: expect.stringMatching(/call stack/i) });
    expect(await pool.run("throw")).toEqual({ ok: false, failure: "failed", detail: "TypeError: a bug" });
    expect(await pool.run("still here")).toEqual({ ok: true, value: "still here" });
  }, LOAD_MS);

  it("fails a job that cannot be sent to a thread, and keeps the worker", async () => {
    expect(await pool.run(() => "a function")).toMatchObject({ ok: false, failure: "failed", detail: expect.stringMatching(/^could not send the job/) });
    expect(await pool.run("sent")).toEqual({ ok: true, value: "sent" });
  }, LOAD_MS);
});

describe("a worker pool whose worker cannot load", () => {
  let pool: WorkerPool | undefined;
  afterEach(() => pool?.close());

  it("fails the waiting jobs instead of starting worker after worker", async () => {
    const broken = scriptedPool({ size: 1, queueLimit: 4, timeoutMs: 500 }, `throw new Error("cannot load");`);
    pool = broken.pool;
    const outcomes = await Promise.all([pool.run("a"), pool.run("b")]);
    for (const outcome of outcomes) expect(outcome).toMatchObject({ ok: false, failure: "failed", detail: expect.stringContaining("cannot load") });
    expect(broken.spawned()).toBe(1);
  }, LOAD_MS);

  it("fails jobs as closed when the pool closes under them", async () => {
    pool = scriptedPool({ size: 1, queueLimit: 1, timeoutMs: 60_000 }).pool;
    const running = pool.run("spin");
    const waiting = pool.run("waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pool.close();
    expect(await running).toMatchObject({ ok: false, failure: "closed" });
    expect(await waiting).toMatchObject({ ok: false, failure: "closed" });
  }, LOAD_MS);
});

describe("the parsing pool", () => {
  let pool: WorkerPool;
  beforeAll(async () => {
    pool = createParsePool({ workers: 1, queueLimit: 1, timeoutMs: 30_000, memoryMb: 256 });
    expect(await pool.run({ task: "previewImport", input: { kind: "paste", text: "warm up" } })).toMatchObject({ ok: true });
  }, 120_000);
  afterAll(() => pool.close());

  it("refuses Markdown nested too deeply for its parser, and an unknown task fails only its own job", async () => {
    // marked's lexer recurses (and rescans) once per level: it overflows the stack or the budget.
    const outcome = await pool.run({ task: "previewImport", input: { kind: "paste", text: nestQuotes(20_000), format: "markdown" } });
    expect(outcome.ok || outcome.failure).toMatch(/^(nesting|timeout)$/);
    expect(await pool.run({ task: "noSuchTask", input: null })).toMatchObject({ ok: false, failure: "failed", detail: "Error: Unknown parse task: noSuchTask" });
    expect(await pool.run({ task: "previewImport", input: { kind: "paste", text: "Fine." } })).toMatchObject({ ok: true, value: { ok: true, value: { text: "Fine." } } });
  }, 120_000);
});
