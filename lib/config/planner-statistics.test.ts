import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createTeam } from "@/lib/teams/mutations";
import { seedMatchingTeam } from "@/scripts/bench/matching-seed";
import { createSqliteTestDatabase, createTestUser } from "@/tests/test-db";
import { resolveSqlitePath } from "./database-url";
import { createPrismaClient } from "./prisma-client";

// The statistics are SQLite's planner's: this file uses a SQLite file of its own on both runs.
const file = resolveSqlitePath(createSqliteTestDatabase());

/** sqlite_stat1's rows for a table's indexes (none when the database was never analysed). */
function readStatistics(table: string): Map<string, number[]> {
  const sqlite = new Database(file, { readonly: true });
  try {
    if (!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`).get()) return new Map();
    const rows = sqlite.prepare(`SELECT idx, stat FROM sqlite_stat1 WHERE tbl = ?`).all(table) as { idx: string; stat: string }[];
    return new Map(rows.map((row) => [row.idx, row.stat.split(" ").map(Number)]));
  } finally {
    sqlite.close();
  }
}

describe("SQLite's planner statistics", () => {
  it("are gathered in full when a connection opens a database that has none", async () => {
    const seeding = createPrismaClient(`file:${file}`);
    const user = await createTestUser(seeding);
    const team = await createTeam(seeding, { name: "Statistics", userId: user.id });
    // 3,000 claims in 30 articles of 100: more than the 2,000 rows a bounded ANALYZE reads.
    await seedMatchingTeam(seeding, { teamId: team.id, userId: user.id, count: 3_000, planted: [], queries: [] });
    await seeding.$disconnect();
    // As a database from before statistics were kept.
    const sqlite = new Database(file);
    sqlite.exec("DROP TABLE IF EXISTS sqlite_stat1");
    sqlite.close();
    expect(readStatistics("Claim").size).toBe(0);

    const db = createPrismaClient(`file:${file}`);
    try {
      await db.team.count();
      const claims = readStatistics("Claim");
      // [rows, rows per first column, rows per first two, ...]
      expect(claims.get("Claim_articleId_deletedAt_position_idx")?.slice(0, 2)).toEqual([3_000, 100]);
      // The team's share read whole (a bounded ANALYZE would put it near 1,000): what keeps the
      // planner off `teamId` when the article's index is the narrower one.
      expect(claims.get("Claim_teamId_createdAt_idx")?.slice(0, 2)).toEqual([3_000, 3_000]);
    } finally {
      await db.$disconnect();
    }
  }, 120_000);
});
