import Database from "better-sqlite3";
import { dialectOf, type Db } from "../../lib/config/prisma-client";

/**
 * What "nothing partial" means for this schema, as queries that list offenders: every change is
 * one transaction writing its rows and its history row together, so after any crash each row
 * has its event and each event its row. Applies to a team whose claims were only created,
 * cited, commented and given verdicts (nothing removed or edited), as the fault tests do.
 * Written for both databases (quoted names, no boolean arithmetic); `:teamId` is the parameter.
 */
const INVARIANTS: Record<string, string> = {
  "claim without exactly one 'created' event": `
    SELECT c."id" FROM "Claim" c WHERE c."teamId" = :teamId
      AND (SELECT count(*) FROM "ClaimEvent" e WHERE e."claimId" = c."id" AND e."type" = 'created') <> 1`,
  "citations and 'citation_added' events differ": `
    SELECT c."id" FROM "Claim" c WHERE c."teamId" = :teamId
      AND (SELECT count(*) FROM "Citation" x WHERE x."claimId" = c."id")
       <> (SELECT count(*) FROM "ClaimEvent" e WHERE e."claimId" = c."id" AND e."type" = 'citation_added')`,
  "comments and 'commented' events differ": `
    SELECT c."id" FROM "Claim" c WHERE c."teamId" = :teamId
      AND (SELECT count(*) FROM "ClaimComment" m WHERE m."claimId" = c."id")
       <> (SELECT count(*) FROM "ClaimEvent" e WHERE e."claimId" = c."id" AND e."type" = 'commented')`,
  // Only verdicts bump a claim's revision here: one 'verdict_given' row per bump.
  "revision bumps and 'verdict_given' events differ": `
    SELECT c."id" FROM "Claim" c WHERE c."teamId" = :teamId
      AND c."revision" - 1 <> (SELECT count(*) FROM "ClaimEvent" e WHERE e."claimId" = c."id" AND e."type" = 'verdict_given')`,
  "verdict without its history row, or history without the verdict": `
    SELECT c."id" FROM "Claim" c WHERE c."teamId" = :teamId
      AND (c."verdict" IS NOT NULL) <> EXISTS (SELECT 1 FROM "ClaimEvent" e WHERE e."claimId" = c."id" AND e."type" = 'verdict_given')`,
  "first verdict's move to 'in progress' missing or doubled": `
    SELECT c."id" FROM "Claim" c WHERE c."teamId" = :teamId
      AND (SELECT count(*) FROM "ClaimEvent" e WHERE e."claimId" = c."id" AND e."type" = 'status_changed')
       <> CASE WHEN c."verdict" IS NULL THEN 0 ELSE 1 END`,
};

export type DatabaseCheck = { integrity: string; foreignKeyProblems: number; violations: Record<string, string[]> };

/** Opens the SQLite file as a new process would after a crash (WAL recovery included) and checks it. */
export function checkDatabase(file: string, teamId: string): DatabaseCheck {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma("integrity_check") as Array<{ integrity_check: string }>).map((row) => row.integrity_check).join("; ");
    const foreignKeyProblems = (db.pragma("foreign_key_check") as unknown[]).length;
    const violations: Record<string, string[]> = {};
    for (const [name, sql] of Object.entries(INVARIANTS)) {
      const ids = (db.prepare(sql.replaceAll(":teamId", "@teamId")).all({ teamId }) as Array<{ id: string }>).map((row) => row.id);
      if (ids.length) violations[name] = ids;
    }
    return { integrity, foreignKeyProblems, violations };
  } finally {
    db.close();
  }
}

/** The same invariants through a client, on either database: the rows that break each one. */
export async function findPartialWrites(db: Db, teamId: string): Promise<Record<string, string[]>> {
  const placeholder = dialectOf(db) === "postgresql" ? "$1" : "?";
  const violations: Record<string, string[]> = {};
  for (const [name, sql] of Object.entries(INVARIANTS)) {
    const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(sql.replaceAll(":teamId", placeholder), teamId);
    if (rows.length) violations[name] = rows.map((row) => row.id);
  }
  return violations;
}

/** The ids among `ids` that the SQLite file's table lacks. */
export function findMissing(file: string, table: "Claim" | "Citation" | "ClaimComment", ids: string[]): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const has = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`);
    return ids.filter((id) => !has.get(id));
  } finally {
    db.close();
  }
}
