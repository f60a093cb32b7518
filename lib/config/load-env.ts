import fs from "node:fs";
import path from "node:path";
import { DEFAULT_DATABASE_URL } from "./database-url";

/**
 * Loads .env.local then .env into process.env for scripts that Next.js does not start
 * (Prisma CLI, seed, benchmarks). Variables already set win, as in Next.js.
 */
export function loadLocalEnv(dir = process.cwd()): void {
  for (const name of [".env.local", ".env"]) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) continue;
    for (const [key, value] of parseEnvFile(fs.readFileSync(file, "utf8"))) {
      if (process.env[key] === undefined) process.env[key] = value;
    }
  }
  process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;
}

/** Parses KEY=value lines; quotes around a value are removed, # starts a comment line. */
export function parseEnvFile(source: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match || line.startsWith("#")) continue;
    pairs.push([match[1], match[2].replace(/^(['"])(.*)\1$/, "$2")]);
  }
  return pairs;
}
