import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it, onTestFinished } from "vitest";
import { createPrismaClient, type Db } from "@/lib/config/prisma-client";
import { addComment } from "@/lib/verification/comments";
import { createEmptyTestDatabase, openTestDatabase, testDatabaseKind } from "@/tests/test-db";
import { findPartialWrites } from "../../e2e/support/load-invariants";
import { seedLoadTeam } from "../load/seed";
import { applyMigrations } from "../lib/migrate";
import { findPostgresBin } from "../lib/postgres-cluster";

/**
 * The PostgreSQL backup and restore of docs/operations.md, as an operator runs them: pg_dump in
 * its custom format while the app writes, pg_restore into an empty database, and the restored
 * database is whole, the same as the one dumped, and up to date for the migration runner.
 */
const run = promisify(execFile);

async function countRows(db: Db): Promise<Record<string, number>> {
  const tables = await db.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = Number((await db.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM "${name}"`))[0].n);
  return counts;
}

describe.skipIf(testDatabaseKind !== "postgresql")("pg_dump and pg_restore (PostgreSQL)", () => {
  const source = testDatabaseKind === "postgresql" ? openTestDatabase() : null;
  const target = testDatabaseKind === "postgresql" ? createEmptyTestDatabase() : null;

  it("a dump taken while the app writes restores whole into an empty database, with its migrations recorded", async () => {
    const { db, url } = source!;
    const bin = findPostgresBin();
    expect(bin, "PostgreSQL's client programs").not.toBeNull();
    const team = await seedLoadTeam(db, { editors: 2, articles: 2, claimsPerArticle: 4 });
    const actor = { teamId: team.teamId, userId: team.editors[0].id };

    // Comments, each with its history row in one transaction, keep coming during the dump.
    let isWriting = true;
    let written = 0;
    const writer = (async () => {
      while (isWriting) {
        await addComment(db, actor, { claimId: team.claims[written % team.claims.length].id, body: `During the dump ${written}` });
        written += 1;
      }
    })();
    while (written < 20) await new Promise((resolve) => setTimeout(resolve, 10));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-pg-dump-"));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    const dump = path.join(dir, "factdesk.dump");
    const writtenBefore = written;
    await run(path.join(bin!, "pg_dump"), ["--format=custom", `--file=${dump}`, url]);
    isWriting = false;
    await writer;

    await target!.ready;
    await run(path.join(bin!, "pg_restore"), ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${target!.url}`, dump]);
    const restored = createPrismaClient(target!.url);
    try {
      const comments = await restored.claimComment.count({ where: { teamId: team.teamId } });
      expect(comments).toBeGreaterThanOrEqual(writtenBefore);
      expect(await findPartialWrites(restored, team.teamId)).toEqual({});
      // Nothing was written after the dump but comments with their history rows and live-feed rows.
      const [now, then] = [await countRows(db), await countRows(restored)];
      const extra = written - comments;
      expect(then).toEqual({ ...now, ClaimComment: now.ClaimComment - extra, ClaimEvent: now.ClaimEvent - extra, LiveChange: now.LiveChange - extra });
      expect(await applyMigrations(target!.url)).toEqual([]);
      expect(await restored.user.count({ where: { email: team.editors[0].email } })).toBe(1);
    } finally {
      await restored.$disconnect();
    }
  }, 60_000);
});
