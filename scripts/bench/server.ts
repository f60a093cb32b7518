import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { appServerArgs } from "../lib/app-server";
import { findFreePort } from "../lib/free-port";

const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");
/** What the production build is made from; a build older than any of these is stale. */
const BUILD_INPUTS = ["app", "components", "lib", "proxy.ts", "instrumentation.ts", "server.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json"];

function newestChange(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

/** True when .next holds no production build, or one older than a source file it is built from. */
export function isBuildStale(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  return Math.max(...BUILD_INPUTS.map(newestChange)) > fs.statSync(buildId).mtimeMs;
}

/** `next build` and the server's bundle, as `npm run build` does it. */
export function buildApp() {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  execFileSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env });
  execFileSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/build-server.ts"], { stdio: "inherit", env });
}

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
