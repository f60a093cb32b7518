import cluster, { type Worker } from "node:cluster";

/**
 * How often a server process may die before the supervisor stops replacing it: a process that
 * keeps dying at start (a bad environment, a database that refuses it) must end the server with
 * its error, not restart forever. Pure, so the rule is tested without processes.
 */
export function createRestartBudget(options: { restarts: number; windowMs: number }) {
  const recent: number[] = [];
  return {
    /** Records an unexpected end at `now`; false once more than `restarts` fell within `windowMs`. */
    allows(now: number): boolean {
      recent.push(now);
      while (recent.length > 0 && recent[0] <= now - options.windowMs) recent.shift();
      return recent.length <= options.restarts;
    },
  };
}

const SHUTDOWN_GRACE_MS = 15_000;
const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * The primary of `npm start` with SERVER_PROCESSES > 1: runs `count` copies of this script as
 * worker processes that share the port (Node's cluster module: the primary accepts each
 * connection and hands it to the workers in turn), and serves nothing itself. A worker that dies
 * (a crash, kill -9, out of memory) is replaced at once; the others keep serving meanwhile.
 * SIGTERM or SIGINT is passed on: each worker finishes its requests in flight (server.ts), then
 * the primary exits. `describe` is printed once every worker listens.
 */
export function superviseServerProcesses(options: { count: number; describe: (pids: number[]) => string; log?: (line: string) => void }): void {
  const log = options.log ?? ((line: string) => console.log(line));
  const budget = createRestartBudget({ restarts: 5, windowMs: 60_000 });
  const listening = new Set<number>();
  let hasAnnounced = false;
  let closingWith: number | null = null;

  const workers = () => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
  const pidOf = (worker: Worker) => worker.process.pid ?? 0;

  cluster.on("listening", (worker) => {
    listening.add(worker.id);
    if (hasAnnounced) return log(`server process ${pidOf(worker)} serving`);
    if (listening.size < options.count) return;
    hasAnnounced = true;
    log(options.describe(workers().map(pidOf)));
  });

  cluster.on("exit", (worker, code, signal) => {
    listening.delete(worker.id);
    if (closingWith !== null) {
      if (workers().length === 0) process.exit(closingWith);
      return;
    }
    const how = signal ? `killed by ${signal}` : `exit code ${code}`;
    if (!budget.allows(Date.now())) {
      log(`server process ${pidOf(worker)} ended (${how}); processes keep ending, so the server stops. See the errors above.`);
      return stop("SIGTERM", 1);
    }
    log(`server process ${pidOf(worker)} ended (${how}); starting another, the others serve meanwhile`);
    cluster.fork();
  });

  function stop(signal: keyof typeof SIGNAL_CODES, code: number = SIGNAL_CODES[signal]) {
    if (closingWith !== null) return;
    closingWith = code;
    const running = workers();
    if (running.length === 0) process.exit(code);
    for (const worker of running) worker.process.kill(signal);
    setTimeout(() => {
      for (const worker of workers()) worker.process.kill("SIGKILL");
      process.exit(code);
    }, SHUTDOWN_GRACE_MS).unref();
  }

  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(signal));
  for (let index = 0; index < options.count; index += 1) cluster.fork();
}

/** True in a process the supervisor started. */
export function isServerWorker(): boolean {
  return cluster.isWorker;
}
