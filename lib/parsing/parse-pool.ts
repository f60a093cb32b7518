import { Worker } from "node:worker_threads";
import { getEnv } from "@/lib/env";
import type { ParseTaskInput, ParseTaskName, ParseTaskResult } from "./tasks";
import { WorkerPool, type JobOutcome } from "./worker-pool";

/** The budgets one parsing job runs within (PARSE_* in lib/env.ts). */
export type ParseBudget = { timeoutMs: number; memoryMb: number };

const POOL_KEY = Symbol.for("factdesk.parse-pool");
type PoolHolder = typeof globalThis & { [POOL_KEY]?: { pool: WorkerPool; budget: ParseBudget } };

/**
 * A parsing worker thread. Inside Next (next build, next dev) the entry is written as
 * `new Worker("./lib/parsing/parse-worker.ts")`: Turbopack recognises that form, resolves the path
 * from the project root and bundles the entry as a worker chunk of its own, which the server then
 * starts from its own directory (the `new URL(…, import.meta.url)` form works too, but also
 * publishes the entry's source under /_next/static/media). Outside Next (Vitest, tsx scripts)
 * the entry is the TypeScript source, which the thread loads through tsx.
 * See docs/decisions/0010-parsing-in-worker-threads.md.
 */
export function spawnParseWorker(memoryMb: number): Worker {
  const options = { name: "factdesk-parse", resourceLimits: { maxOldGenerationSizeMb: memoryMb } };
  if (process.env.NEXT_RUNTIME) return new Worker("./lib/parsing/parse-worker.ts", options);
  const entry = import.meta.url.replace(/[^/]*$/, "parse-worker.ts");
  return new Worker(LOAD_TYPESCRIPT, { ...options, eval: true, workerData: { entry } });
}

// Evaluated as the thread's first code when it runs from source: tsx compiles the entry and its imports.
const LOAD_TYPESCRIPT = `
const { workerData } = require("node:worker_threads");
import("tsx/esm/api").then(({ tsImport }) => tsImport(workerData.entry, workerData.entry));
`;

/** A pool of parsing workers with these limits; the app uses the one of getParsePool(). */
export function createParsePool(limits: { workers: number; queueLimit: number } & ParseBudget): WorkerPool {
  return new WorkerPool(() => spawnParseWorker(limits.memoryMb), { size: limits.workers, queueLimit: limits.queueLimit, timeoutMs: limits.timeoutMs });
}

/** The process's pool, made on first use; kept on globalThis so module reloads (next dev) share it. */
export function getParsePool(): { pool: WorkerPool; budget: ParseBudget } {
  const holder = globalThis as PoolHolder;
  if (!holder[POOL_KEY]) {
    const env = getEnv();
    const budget = { timeoutMs: env.PARSE_TIMEOUT_MS, memoryMb: env.PARSE_MEMORY_MB };
    const pool = createParsePool({ workers: env.PARSE_WORKERS, queueLimit: env.PARSE_QUEUE_LIMIT, ...budget });
    holder[POOL_KEY] = { pool, budget };
  }
  return holder[POOL_KEY];
}

/** Where a parsing job runs: the app's pool unless a test brings its own. */
export type ParseRunner = { pool: WorkerPool; budget: ParseBudget };

/** Runs one parsing task on a worker; failures come back as values, never as exceptions. */
export function runParseTask<N extends ParseTaskName>(
  task: N,
  input: ParseTaskInput<N>,
  runner: ParseRunner = getParsePool(),
): Promise<JobOutcome<ParseTaskResult<N>>> {
  return runner.pool.run({ task, input });
}
