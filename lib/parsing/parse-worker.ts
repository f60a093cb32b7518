// Entry of the parsing worker threads (lib/parsing/parse-pool.ts starts them): runs one job at a
// time and answers with its result or its error. The pool ends the thread when a job overruns.
import os from "node:os";
import { parentPort } from "node:worker_threads";
import { runParseJob, type ParseJob } from "./tasks";
import type { WorkerReply } from "./worker-pool";

const PARSING_NICENESS = 10;

const port = parentPort;
if (!port) throw new Error("lib/parsing/parse-worker.ts runs as a worker thread only");

// Reading pages is background work: when the CPU is short, requests should get it first. Linux
// keeps a nice value per thread, so this lowers only this thread's priority (elsewhere the call
// would lower the whole server's, so it is not made). Not the lowest (19): the budget is wall-clock
// time, and on a machine busy with other work the lowest priority starved pages past it.
if (process.platform === "linux") os.setPriority(PARSING_NICENESS);

port.on("message", ({ id, message }: { id: number; message: ParseJob }) => {
  let reply: WorkerReply;
  try {
    reply = { id, ok: true, value: runParseJob(message) };
  } catch (error) {
    const { name, message: text } = error instanceof Error ? error : new Error(String(error));
    reply = { id, ok: false, name, message: text };
  }
  port.postMessage(reply);
});
// Loaded: the pool starts a job's clock only from here, so start-up never counts against it.
port.postMessage({ ready: true } satisfies WorkerReply);
