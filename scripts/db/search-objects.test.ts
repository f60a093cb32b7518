import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffSchemas } from "./prisma-diff";
import { findUnkeptSearchIndexes, isSqliteSearchTable, SEARCH_MIGRATION } from "./search-objects";
import { MIGRATED_SCHEMA, readText } from "./schemas";

describe("findUnkeptSearchIndexes", () => {
  it("refuses a Prisma table rebuild of Claim that does not rebuild its search index, and accepts it with the statements added", () => {
    // A change SQLite can only make by copying the table: Prisma writes new_Claim, DROP, RENAME.
    const model = readText(MIGRATED_SCHEMA);
    const changed = model.replace(/(model Claim \{[\s\S]*?)position\s+Float/, "$1position     Decimal");
    const rebuild = diffSchemas(model, changed)!;
    expect(rebuild).toMatch(/DROP TABLE "Claim";/);
    const migration = { name: "20991231000000_claim_position_decimal", sql: rebuild };
    expect(findUnkeptSearchIndexes([migration])).toEqual([expect.stringMatching(/^Migration 20991231000000_claim_position_decimal rebuilds table "Claim"/)]);

    const search = fs.readFileSync(path.join("prisma", "migrations", SEARCH_MIGRATION, "migration.sql"), "utf8");
    const claimStatements = search.slice(search.indexOf('CREATE TRIGGER "ClaimSearch_insert"'), search.indexOf("CREATE VIRTUAL TABLE \"CommentSearch\""));
    expect(findUnkeptSearchIndexes([{ ...migration, sql: rebuild + claimStatements }])).toEqual([]);
    // The search migration itself and those before it are not checked.
    expect(findUnkeptSearchIndexes([{ name: "20261125010000_claims", sql: rebuild }])).toEqual([]);
  }, 120_000);

  it("knows the FTS5 tables and their shadow tables, and nothing else", () => {
    expect(["ClaimSearch", "ClaimSearch_data", "ClaimSearch_idx", "ClaimSearch_docsize", "ClaimSearch_config", "ArticleTextSearch_idx"].every(isSqliteSearchTable)).toBe(true);
    expect(["Claim", "ClaimComment", "ClaimSearchX", "ClaimSearch_other", "Source"].some(isSqliteSearchTable)).toBe(false);
  });
});
