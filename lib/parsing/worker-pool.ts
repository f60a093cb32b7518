import type { Worker } from "node:worker_threads";

export type PoolLimits = {
  /** Workers kept warm at most. */
  size: number;
  /** Jobs waiting for a worker at most (besides one per worker); one more is refused as "busy". */
  queueLimit: number;
  /** Wall-clock time one job may run on its worker before the worker is ended. */
  timeoutMs: number;
};

/** Why a job gave no result. `nesting`: the code ran out of stack; `failed`: it threw (a bug). */
export type JobFailure = "timeout" | "memory" | "nesting" | "busy" | "closed" | "failed";
export type JobOutcome<T> = { ok: true; value: T } | { ok: false; failure: JobFailure; detail: string };

/** What a worker posts: once `ready` when loaded, then one reply per job (lib/parsing/parse-worker.ts). */
export type WorkerReply =
  | { ready: true }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; name: string; message: string };

type Job = { id: number; message: unknown; settle: (outcome: JobOutcome<unknown>) => void; timer?: NodeJS.Timeout };
type Slot = { worker: Worker; isReady: boolean; job: Job | null };

/**
 * A few warm worker threads and a bounded queue. A job that outruns its time is stopped by
 * ending its worker (the only way to stop a busy thread); one that outgrows the worker's memory
 * limit ends it too. Either way the job fails with a reason, a fresh worker takes the next job,
 * and the caller's thread never ran the work. A job's clock starts when a loaded worker takes it.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(
    private readonly spawn: () => Worker,
    private readonly limits: PoolLimits,
  ) {}

  /** Runs one job (`message` goes to a worker as it is); never rejects. */
  run<T>(message: unknown): Promise<JobOutcome<T>> {
    return new Promise((resolve) => {
      const job: Job = { id: this.nextId++, message, settle: resolve as Job["settle"] };
      const running = this.slots.filter((slot) => slot.job).length;
      if (running + this.queue.length >= this.limits.size + this.limits.queueLimit) {
        this.finish(job, fail("busy", `${running} jobs running, ${this.queue.length} waiting`));
        return;
      }
      this.queue.push(job);
      this.drain();
    });
  }

  /** Ends every worker; jobs still waiting or running fail as "closed". */
  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) this.finish(job, fail("closed", "the pool was closed"));
    const slots = this.slots.splice(0);
    for (const slot of slots) if (slot.job) this.finish(slot.job, fail("closed", "the pool was closed"));
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  /** Workers alive, busy, and jobs waiting: for tests and diagnostics. */
  get size(): { workers: number; busy: number; queued: number } {
    return { workers: this.slots.length, busy: this.slots.filter((slot) => slot.job).length, queued: this.queue.length };
  }

  /** Gives waiting jobs to idle workers, and starts workers (up to the limit) for the rest. */
  private drain(): void {
    for (const slot of this.slots) {
      if (this.queue.length > 0 && slot.isReady && !slot.job) this.start(slot, this.queue.shift() as Job);
    }
    const starting = this.slots.filter((slot) => !slot.isReady).length;
    for (let missing = this.queue.length - starting; missing > 0 && this.slots.length < this.limits.size; missing -= 1) this.addSlot();
    // Idle workers must not keep the process alive (scripts, tests); busy or starting ones must.
    for (const slot of this.slots) {
      if (slot.job || !slot.isReady) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  private addSlot(): void {
    const slot: Slot = { worker: this.spawn(), isReady: false, job: null };
    slot.worker.on("message", (reply: WorkerReply) => this.receive(slot, reply));
    slot.worker.on("error", (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") this.retire(slot, fail("memory", error.message));
      else this.retire(slot, fail("failed", `worker error: ${error.message}`));
    });
    slot.worker.on("exit", (code) => this.retire(slot, fail("failed", `worker exited with code ${code}`)));
    this.slots.push(slot);
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    job.timer = setTimeout(() => this.retire(slot, fail("timeout", `still running after ${this.limits.timeoutMs} ms`)), this.limits.timeoutMs);
    try {
      slot.worker.postMessage({ id: job.id, message: job.message });
    } catch (error) {
      // A message that cannot be copied to a thread (a function, say) is a bug of the caller.
      slot.job = null;
      this.finish(job, fail("failed", `could not send the job: ${(error as Error).message}`));
    }
  }

  private receive(slot: Slot, reply: WorkerReply): void {
    if ("ready" in reply) {
      slot.isReady = true;
    } else if (slot.job?.id === reply.id) {
      const job = slot.job;
      slot.job = null;
      this.finish(job, reply.ok ? { ok: true, value: reply.value } : failFromError(reply.name, reply.message));
    }
    this.drain();
  }

  /** Takes a worker out of the pool and ends it, failing the job it held with `outcome`. */
  private retire(slot: Slot, outcome: JobOutcome<never>): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    if (slot.job) this.finish(slot.job, outcome);
    slot.job = null;
    slot.worker.removeAllListeners("message");
    // Errors from a worker being ended are expected; they must not crash the process.
    slot.worker.on("error", () => undefined);
    void slot.worker.terminate();
    if (!slot.isReady) {
      // A worker that could not even load would fail again: the waiting jobs fail instead of
      // starting worker after worker.
      for (const job of this.queue.splice(0)) this.finish(job, fail("failed", `a worker could not start: ${outcome.ok ? "" : outcome.detail}`));
    } else if (this.slots.length === 0) {
      // Stay warm: the next page should not wait for a worker to load.
      this.addSlot();
    }
    this.drain();
  }

  private finish(job: Job, outcome: JobOutcome<unknown>): void {
    clearTimeout(job.timer);
    job.settle(outcome);
  }
}

function fail(failure: JobFailure, detail: string): { ok: false; failure: JobFailure; detail: string } {
  return { ok: false, failure, detail };
}

function failFromError(name: string, message: string): JobOutcome<never> {
  // Recursive parsers (marked's lexer) overflow the stack on absurdly nested input.
  if (name === "RangeError" && /call stack/i.test(message)) return fail("nesting", message);
  return fail("failed", `${name}: ${message}`);
}
