import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");
/** What the production build is made from; a build older than any of these is stale. */
const BUILD_INPUTS = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "server.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

function newestChange(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

/**
 * True when .next holds no production build (or not the app's server bundle that `npm start`
 * runs), or one older than a source file it is built from.
 */
export function isBuildStale(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!fs.existsSync(buildId) || !fs.existsSync(path.join(".next", "factdesk-server.mjs"))) return true;
  return Math.max(...BUILD_INPUTS.map(newestChange)) > fs.statSync(buildId).mtimeMs;
}

/** `next build` and the server's bundle, as `npm run build` does it. */
export function buildApp() {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  execFileSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env });
  execFileSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/build-server.ts"], { stdio: "inherit", env });
}

/**
 * Builds when asked to or when needed: `--build` always, `--no-build` never (with a warning
 * when the build is stale), otherwise only when .next is missing or older than the sources.
 */
export function prepareBuild(args: readonly string[], log: (line: string) => void = console.log) {
  const isStale = isBuildStale();
  if (args.includes("--no-build")) {
    if (isStale) log("warning: the build is missing or older than the sources (--no-build given)");
    return;
  }
  if (!args.includes("--build") && !isStale) return log("production build is up to date: not rebuilding (--build forces a build)");
  log(isStale ? "building (the build is missing or older than the sources)…" : "building (--build given)…");
  buildApp();
}
