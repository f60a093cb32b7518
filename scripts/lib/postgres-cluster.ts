/**
 * A throwaway PostgreSQL server for tests and benchmarks: its own data folder under the system's
 * temporary folder, its own free port, trust authentication on 127.0.0.1 only, durability off
 * (fsync) because nothing in it outlives the run, unless `durable` keeps the server's defaults
 * (benchmarks, whose figures must be what a production server shows). Installs Debian's
 * postgresql package when no server binaries are found and this runs as root (CI on a fresh
 * machine). PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user
 * the package creates.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "./free-port";

export type Cluster = { url: (database: string) => string; port: number; dataDir: string; stop: () => void };

const isRoot = process.getuid?.() === 0;

/** The newest installed server's bin folder (Debian: /usr/lib/postgresql/<major>/bin). */
export function findPostgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (process.env.POSTGRES_BIN) return process.env.POSTGRES_BIN;
  if (!fs.existsSync(root)) return null;
  const majors = fs
    .readdirSync(root)
    .filter((name) => fs.existsSync(path.join(root, name, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return majors.length ? path.join(root, majors[0], "bin") : null;
}

function ensurePostgresBin(): string {
  const found = findPostgresBin();
  if (found) return found;
  if (!isRoot) throw new Error("PostgreSQL is not installed: run `sudo apt-get install -y postgresql` (or set POSTGRES_BIN to its bin folder).");
  console.log("Installing PostgreSQL (Debian's postgresql package) for the tests...");
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  const installed = findPostgresBin();
  if (!installed) throw new Error("apt-get installed postgresql but no server binaries were found under /usr/lib/postgresql.");
  return installed;
}

/** Runs a server binary, as `postgres` when this process is root. */
function run(bin: string, command: string, args: string[]): void {
  const [file, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, command), ...args]] : [path.join(bin, command), args];
  const result = spawnSync(file, argv, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`);
}

const DATA_DIR_PREFIX = "factdesk-pg-";
/** In each data folder: the pid of the process that started the server (and should stop it). */
const OWNER_FILE = "factdesk-owner.pid";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Stops and removes the servers that runs killed before they could stop them (a test run ended by
 * Ctrl-C twice, a SIGPIPE from `| head`, kill -9): a data folder of ours whose owner is gone.
 * Servers of runs still going are left alone.
 */
export function stopAbandonedClusters(bin: string): string[] {
  const removed: string[] = [];
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(DATA_DIR_PREFIX)) continue;
    const dataDir = path.join(os.tmpdir(), name);
    let owner: number;
    try {
      owner = Number(fs.readFileSync(path.join(dataDir, OWNER_FILE), "utf8"));
    } catch {
      continue; // being set up right now, or not ours to judge
    }
    if (!Number.isInteger(owner) || owner <= 0 || isAlive(owner)) continue;
    if (fs.existsSync(path.join(dataDir, "postmaster.pid"))) {
      try {
        run(bin, "pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already stopped: its files go all the same
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    removed.push(dataDir);
  }
  return removed;
}

/** Starts a fresh server and returns how to reach it; `stop()` ends it and removes its files. */
export async function startCluster(options: { maxConnections?: number; durable?: boolean } = {}): Promise<Cluster> {
  const bin = ensurePostgresBin();
  stopAbandonedClusters(bin);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), DATA_DIR_PREFIX));
  fs.chmodSync(dataDir, 0o700);
  if (isRoot) execFileSync("chown", ["postgres:postgres", dataDir]);
  run(bin, "initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  const port = await findFreePort();
  const settings = [
    `-p ${port}`,
    `-k ${dataDir}`,
    "-c listen_addresses=127.0.0.1",
    `-c max_connections=${options.maxConnections ?? 200}`,
    ...(options.durable ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
  ].join(" ");
  fs.writeFileSync(path.join(dataDir, OWNER_FILE), String(process.pid));
  run(bin, "pg_ctl", ["-D", dataDir, "-o", settings, "-l", path.join(dataDir, "server.log"), "-w", "-t", "60", "start"]);
  let isStopped = false;
  return {
    port,
    dataDir,
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    stop() {
      if (isStopped) return;
      isStopped = true;
      try {
        run(bin, "pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
