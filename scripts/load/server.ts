import { spawn, type ChildProcess } from "node:child_process";
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
 */
export async function startServer(options: { port: number; databaseUrl: string; env?: Record<string, string> }): Promise<RunningServer> {
  const url = `http://localhost:${options.port}`;
  const child = spawn(process.execPath, appServerArgs({ port: options.port }), {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: LOAD_SECRET,
      NEXTAUTH_URL: url,
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
