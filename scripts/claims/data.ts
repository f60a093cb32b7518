import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseCheckworthinessTsv } from "../../lib/claims/suggest/dataset";
import type { LabelledSentence } from "../../lib/claims/suggest/dataset";

/**
 * Folder of the CheckThat! 2024 Task 1 files: beside the repo (npm scripts run at the repo root),
 * or where CLAIMS_DATASET_DIR says (a checkout elsewhere, such as a git worktree).
 */
export const DATASET_DIR = process.env.CLAIMS_DATASET_DIR ?? resolve(process.cwd(), "../shared/datasets/ct24-checkworthiness");

/** Where the shipped model lives in the repo. */
export const MODEL_PATH = resolve(process.cwd(), "lib/claims/suggest/check-worthiness-model.json");

/** Reads a labelled TSV, either a bare file name inside the dataset folder or a path. */
export function readLabelledFile(nameOrPath: string): LabelledSentence[] {
  const path = nameOrPath.includes("/") ? resolve(process.cwd(), nameOrPath) : resolve(DATASET_DIR, nameOrPath);
  return parseCheckworthinessTsv(readFileSync(path, "utf8"));
}
