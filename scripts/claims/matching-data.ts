import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/**
 * The CheckThat! 2022 Task 2A files (claim matching), beside the repo as the check-worthiness
 * files are (scripts/claims/data.ts); CLAIM_MATCHING_DIR points elsewhere (a git worktree, say).
 */
export const MATCHING_DIR = process.env.CLAIM_MATCHING_DIR ?? resolve(process.cwd(), "../shared/datasets/claim-matching");

export type VerifiedClaim = { id: string; claim: string; title: string };
export type Query = { id: string; text: string };
/** query id -> ids of the verified claims that settle it. */
export type Qrels = Map<string, Set<string>>;

function readTsv(nameOrPath: string): string[][] {
  const path = nameOrPath.includes("/") ? resolve(process.cwd(), nameOrPath) : resolve(MATCHING_DIR, nameOrPath);
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => line.split("\t").map(unquote));
}

/** A field wrapped in quotes, with quotes inside doubled (the queries' convention). */
function unquote(field: string): string {
  return field.length >= 2 && field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
}

export function readVerifiedClaims(): VerifiedClaim[] {
  const [header, ...rows] = readTsv("verified-claims.tsv");
  if (header[0] !== "vclaim_id") throw new Error("verified-claims.tsv: unexpected header");
  return rows.map(([id, claim, title]) => ({ id, claim, title: title ?? "" }));
}

export function readQueries(nameOrPath: string): Query[] {
  return readTsv(nameOrPath)
    .filter(([id]) => id !== "query_id" && id !== "iclaim_id")
    .map(([id, text]) => ({ id, text }));
}

export function readQrels(nameOrPath: string): Qrels {
  const qrels: Qrels = new Map();
  for (const [queryId, , claimId, relevance] of readTsv(nameOrPath)) {
    if (relevance !== "1") continue;
    const set = qrels.get(queryId) ?? new Set<string>();
    set.add(claimId);
    qrels.set(queryId, set);
  }
  return qrels;
}

/**
 * Average precision in the top k (CheckThat!'s scorer: precision at each relevant rank within k,
 * summed, over the number of relevant claims); MAP@k is its mean over the queries.
 */
export function computeAveragePrecisionAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let found = 0;
  let sum = 0;
  ranked.slice(0, k).forEach((id, index) => {
    if (!relevant.has(id)) return;
    found += 1;
    sum += found / (index + 1);
  });
  return sum / relevant.size;
}
