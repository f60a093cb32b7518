// npm run eval:claims [-- FILE.tsv] - scores the shipped model file (not a refit) on
// dev-test.tsv or the given file; the last line is "F1 <value>" for the Yes class.
import { readFileSync } from "node:fs";
import { decodeModel, scoreSentence } from "../lib/claims/suggest/model";
import type { ModelFile } from "../lib/claims/suggest/model";
import { scoreAtThreshold } from "../lib/claims/suggest/metrics";
import { MODEL_PATH, readLabelledFile } from "./claims/data";

const target = process.argv[2] ?? "dev-test.tsv";
const model = decodeModel(JSON.parse(readFileSync(MODEL_PATH, "utf8")) as ModelFile);
const rows = readLabelledFile(target);
const scores = rows.map((row) => scoreSentence(model, row.text));
const result = scoreAtThreshold(scores, rows.map((row) => row.isCheckWorthy), model.threshold);
console.log(`${target}: ${rows.length} sentences, threshold ${model.threshold}`);
console.log(`TP ${result.truePositives}  FP ${result.falsePositives}  FN ${result.falseNegatives}  TN ${result.trueNegatives}`);
console.log(`precision ${result.precision.toFixed(4)}  recall ${result.recall.toFixed(4)}`);
console.log(`F1 ${result.f1.toFixed(4)}`);
