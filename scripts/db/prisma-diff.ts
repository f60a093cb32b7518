import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * `prisma migrate diff` between two data models, as a SQL script in the dialect of their
 * provider. It needs no database: Prisma's CLI runs with the root config's in-memory SQLite
 * adapter, and the dialect follows the schemas' `provider` (see /docs/decisions/0011).
 * `from: null` diffs from an empty database. Returns null when there is nothing to change.
 */
export function diffSchemas(from: string | null, to: string): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-diff-"));
  try {
    const write = (name: string, text: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    };
    const fromArgs = from === null ? ["--from-empty"] : ["--from-schema-datamodel", write("from.prisma", from)];
    const result = spawnSync(
      process.execPath,
      [path.join("node_modules", "prisma", "build", "index.js"), "migrate", "diff", ...fromArgs, "--to-schema-datamodel", write("to.prisma", to), "--script", "--exit-code"],
      { encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1", DATABASE_URL: "file::memory:" } },
    );
    if (result.status === 0) return null;
    if (result.status === 2) return result.stdout;
    throw new Error(`prisma migrate diff failed (${result.status}):\n${result.stderr}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
