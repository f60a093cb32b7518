import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appServerArgs } from "../lib/app-server";
import { findFreePort } from "../lib/free-port";

export { buildApp, isBuildStale } from "../lib/build";

export type Server = { baseUrl: string; process: ChildProcess; stop: () => Promise<void> };

/**
 * The app's server (server.ts, as `npm start`) on the build, on loopback, against `databaseUrl`;
 * resolves once /api/health answers and, with `processes` > 1 (SERVER_PROCESSES, PostgreSQL
 * only), once every server process listens. `nodeArgs` go to Node itself (e.g. `--cpu-prof`,
 * which NODE_OPTIONS may not carry).
 */
export async function startServer(databaseUrl: string, options: { nodeArgs?: string[]; processes?: number } = {}): Promise<Server> {
  const processes = options.processes ?? 1;
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, appServerArgs({ port, hostname: "127.0.0.1", nodeArgs: options.nodeArgs }), {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: baseUrl,
      SERVER_PROCESSES: String(processes),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-10_000);
  });
  const isReady = () => processes === 1 || output.includes(`: ${processes} processes (`);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the app server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok && isReady()) return { baseUrl, process: child, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error("the app server did not answer /api/health within 30 s");
}
