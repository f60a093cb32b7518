import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { appServerArgs } from "../lib/app-server";

export type RunningServer = {
  url: string;
  child: ChildProcess;
  /** Everything the server printed, for a failure's report. */
  output: () => string;
  /** SIGTERM, and waits for the process to end. */
  stop: () => Promise<void>;
  /** SIGKILL: no shutdown, no checkpoint, as in a power cut or an OOM kill. */
  kill: () => Promise<void>;
};

export const LOAD_SECRET = "load-test-only-secret-0123456789abcdefghijklmnop";

/**
 * Starts the production build (server.ts as `npm start` runs it; needs `.next` from `next build`)
 * on `databaseUrl` and waits until it answers. Serves NODE_ENV=production on http://localhost:<port>.
 * `processes` > 1 (PostgreSQL only) runs that many server processes under server.ts's supervisor,
 * and waits until every one of them listens.
 */
export async function startServer(options: { port: number; databaseUrl: string; processes?: number; env?: Record<string, string> }): Promise<RunningServer> {
  const url = `http://localhost:${options.port}`;
  const child = spawn(process.execPath, appServerArgs({ port: options.port }), {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: LOAD_SECRET,
      NEXTAUTH_URL: url,
      SERVER_PROCESSES: String(options.processes ?? 1),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const server = { url, child, output: () => output, stop: () => end("SIGTERM"), kill: () => end("SIGKILL") };
  try {
    await waitUntilServing(url, child, 60_000);
    if ((options.processes ?? 1) > 1) await waitForOutput(() => output, new RegExp(`: ${options.processes} processes \\(`), child, 60_000);
  } catch (error) {
    await server.kill();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
  return server;
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/sign-in`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Waits until the server has printed a line matching `pattern` (the supervisor's "N processes" line). */
export async function waitForOutput(output: () => string, pattern: RegExp, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(output())) {
    if (child.exitCode !== null) throw new Error(`the app server exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`the app server did not print ${pattern} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The processes `pid` started (the supervisor's server processes), from /proc. */
export function listChildPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (command) state ppid ...": the command may hold spaces and parentheses, so read after its last ")".
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return children.sort((a, b) => a - b);
}
