import { createHash } from "node:crypto";
import type { FingerprintedReport, Report, ReportFingerprint } from "./model";

/**
 * How the report is serialised before hashing. It follows RFC 8785 (JSON Canonicalization
 * Scheme) for the values a report holds: object keys sorted by UTF-16 code units at every
 * depth, no whitespace, strings and numbers as ECMAScript's JSON.stringify writes them (which
 * is what JCS prescribes), UTF-8 bytes. "Lite" because it does not promise JCS for values a
 * report never holds: `undefined` members are dropped and non-finite numbers are refused.
 */
export const CANONICALIZATION = "JCS-lite (RFC 8785 subset): keys sorted by UTF-16 code units, no whitespace, UTF-8";

/**
 * The members the fingerprint leaves out: itself, and when and by whom this copy was made. It
 * fingerprints what the report says (the article, the options, the summary, every claim), so
 * the PDF, the JSON and every other format of the same report, made at any time by anyone,
 * carry the same value, and any change to what it says changes it (docs/decisions/0017).
 */
export const FINGERPRINT_EXCLUDES = ["fingerprint", "generatedAt", "generatedBy"] as const;

/** What copies made before `excludes` was written left out: the fingerprint member only. */
const LEGACY_EXCLUDES = ["fingerprint"] as const;

/** Keys a JS engine would order numerically, whatever order they were set in. */
const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;

/**
 * A copy with every object's keys in canonical order, so JSON.stringify (native, fast) writes
 * the canonical form. Null when an index-like key makes insertion order useless.
 */
function sortKeys(value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) throw new TypeError("A report holds only finite numbers");
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(sortKeys);
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (INDEX_LIKE.test(key)) throw new IndexLikeKey();
    sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  }
  return sorted;
}

class IndexLikeKey extends Error {}

/** The slow, literal form of the same rules, for values with index-like keys. */
function serializeCanonically(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(sortKeys(value)) ?? "null";
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : serializeCanonically(item))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${serializeCanonically(item)}`).join(",")}}`;
}

/** Default `sort()` compares UTF-16 code units, the order RFC 8785 prescribes. */
export function canonicalizeJson(value: unknown): string {
  try {
    return JSON.stringify(sortKeys(value));
  } catch (error) {
    if (error instanceof IndexLikeKey) return serializeCanonically(value);
    throw error;
  }
}

/** SHA-256 (hex) of the report's canonical JSON with the `excludes` members left out. */
export function hashReport(report: Report, excludes: readonly string[] = FINGERPRINT_EXCLUDES): string {
  const content = Object.fromEntries(Object.entries(report).filter(([key]) => !excludes.includes(key)));
  return createHash("sha256").update(canonicalizeJson(content), "utf8").digest("hex");
}

/**
 * The report with its fingerprint, placed after the schema fields so it reads near the top.
 * Anyone can check a copy: drop the members `excludes` names, canonicalise, hash, compare.
 */
export function fingerprintReport(report: Report): FingerprintedReport {
  const { fingerprint: _previous, ...content } = report;
  const fingerprint: ReportFingerprint = {
    algorithm: "sha256", value: hashReport(content), canonicalization: CANONICALIZATION, excludes: [...FINGERPRINT_EXCLUDES],
  };
  const { schema, schemaVersion, ...rest } = content;
  return { schema, schemaVersion, fingerprint, ...rest };
}

/** True when a copy's content still matches the fingerprint it carries (older copies: all but the fingerprint). */
export function verifyFingerprint(report: FingerprintedReport): boolean {
  const excludes = report.fingerprint.excludes ?? LEGACY_EXCLUDES;
  return report.fingerprint.algorithm === "sha256" && report.fingerprint.value === hashReport(report, excludes);
}
