import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { updateClaimStatement } from "@/lib/claims/mutations";
import { withdrawVerdict } from "@/lib/verification/mutations";
import { setUpTestDatabase } from "@/tests/test-db";
import { hashReport, verifyFingerprint } from "./fingerprint";
import { renderReportJson } from "./formats/json";
import { REPORT_SCHEMA_ID } from "./model";
import { EXPORT_TIME, exportReport, setUpReportArticle } from "./test-fixtures";

const db = setUpTestDatabase();
const schema = JSON.parse(readFileSync(new URL("../../docs/schemas/report-v1.schema.json", import.meta.url), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

describe("the report's content", () => {
  it("carries the article, the version, every claim with its verdict, citations and provenance", async () => {
    const { team, articleId } = await setUpReportArticle(db);
    const report = await exportReport(db, team.id, articleId);

    expect(report.article).toMatchObject({ title: "Putin's private armies", outlet: "Business Insider", author: "Jane Reporter", publishedAt: "2024-05-03", version: { number: 1, count: 1, importedBy: "Olga Owner" } });
    expect(report.generatedAt).toBe(EXPORT_TIME.toISOString());
    expect(report.claims.map((claim) => claim.number)).toEqual([1, 2, 3, 4, 5]);
    const [accurate, , notCheckable] = report.claims;
    expect(accurate).toMatchObject({
      status: "done", verdictState: "final", isFinal: true, verdictBy: "Olga Owner", signedOffBy: "Sam Second",
      verdict: { key: "accurate", label: "Accurate", rating: { "@type": "Rating", alternateName: "Accurate", ratingValue: 5, bestRating: 5, worstRating: 1 } },
      rationale: "The bill's text on the Duma site says exactly this.",
    });
    expect(accurate.citations.map((citation) => [citation.source.name, citation.relation, citation.isOrigin])).toEqual([
      ["Business Insider", "states", false], ["The Daily Beast", "states", false], ["Duma bill", "states", true], ["Reuters", "corroborates", false],
    ]);
    expect(accurate.citations[0]).toMatchObject({ archiveUrl: "https://archive.example/insider", url: "https://www.businessinsider.com/putin-private-armies" });
    expect(accurate.provenance).toMatchObject({ kind: "single", independentOrigins: 1, restsOnSingleOrigin: true, origins: [{ name: "Duma bill", reached: true }] });
    expect(accurate.provenance.paths.map((path) => path.text)).toContain("Business Insider ← The Daily Beast ← Duma bill (origin reached)");
    expect(accurate.provenance.warnings.map((warning) => warning.kind)).toContain("single_origin");
    expect(notCheckable.verdict?.rating).toEqual({ "@type": "Rating", alternateName: "Not checkable" });
  });

  it("sums up statuses, final verdicts, the share verified, single origins and open questions", async () => {
    const { team, articleId } = await setUpReportArticle(db);
    const { summary } = await exportReport(db, team.id, articleId);

    expect(summary).toMatchObject({
      claimCount: 5,
      byStatus: { unchecked: 2, in_progress: 0, needs_review: 2, done: 1 },
      byVerdict: { accurate: 1, false: 0, not_checkable: 1, misleading: 0, unsubstantiated: 0 },
      finalVerdicts: 2,
      shareVerified: 0.4,
      // Claim 2 is Kartapolov's own statement, cited first-hand: one origin, but not repeated.
      singleOriginClaims: [1],
      openQuestions: { notDone: [2, 3, 4, 5], awaitingSignOff: [2], withoutVerdict: [4, 5], withWarnings: [1] },
    });
  });
});

describe("options", () => {
  it("final only (the default) withholds a verdict awaiting sign-off, its rationale and its history values, but keeps the claim", async () => {
    const { team, articleId } = await setUpReportArticle(db);
    const report = await exportReport(db, team.id, articleId);
    const pending = report.claims[1];

    expect(pending).toMatchObject({ number: 2, verdictState: "awaiting_sign_off", verdictWithheld: true, verdict: null, rationale: null, verdictBy: "Olga Owner" });
    const given = pending.history?.find((entry) => entry.type === "verdict_given");
    expect(given).toMatchObject({ detailWithheld: true, to: null, note: null });
    expect(JSON.stringify(report)).not.toContain("opposite in the committee");
    // Comments are left out by default, also from the history that records them.
    expect(report.claims[0].history?.find((entry) => entry.type === "commented")).toMatchObject({ note: null, detailWithheld: true });
    expect(JSON.stringify(report)).not.toContain("Internal: ask the Duma press office");
  });

  it("with final=0, a pending verdict is shown, marked as awaiting sign-off and not counted as verified", async () => {
    const { team, articleId } = await setUpReportArticle(db);
    const report = await exportReport(db, team.id, articleId, { finalOnly: false });

    expect(report.claims[1]).toMatchObject({ verdictState: "awaiting_sign_off", verdictWithheld: false, isFinal: false, verdict: { key: "false", label: "Wrong" } });
    expect(report.summary.byVerdict.false).toBe(0);
    expect(report.summary.finalVerdicts).toBe(2);
  });

  it("leaves the history and the internal comments out when asked, and puts comments in only when asked", async () => {
    const { team, articleId } = await setUpReportArticle(db);
    const bare = await exportReport(db, team.id, articleId, { includeHistory: false, includeComments: false });
    const full = await exportReport(db, team.id, articleId, { includeHistory: true, includeComments: true });

    expect(bare.claims.every((claim) => claim.history === undefined && claim.comments === undefined)).toBe(true);
    expect(JSON.stringify(bare)).not.toContain("Internal: ask the Duma press office");
    expect(full.claims[0].comments).toEqual([expect.objectContaining({ author: "Olga Owner", body: "Internal: ask the Duma press office for the bill's number." })]);
    expect(full.claims[0].history?.map((entry) => entry.type)).toEqual(expect.arrayContaining(["created", "citation_added", "verdict_given", "verdict_signed_off"]));
  });
});

describe("JSON and its schema", () => {
  it("validates against docs/schemas/report-v1.schema.json with every option", async () => {
    const { team, articleId } = await setUpReportArticle(db);
    expect(schema.$id).toBe(REPORT_SCHEMA_ID);
    for (const options of [{}, { includeHistory: false }, { includeComments: true, finalOnly: false }]) {
      const json = JSON.parse(renderReportJson(await exportReport(db, team.id, articleId, options)));
      const valid = validate(json);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it("rejects a report that drifts from the schema", async () => {
    const { team, articleId } = await setUpReportArticle(db);
    const json = JSON.parse(renderReportJson(await exportReport(db, team.id, articleId)));
    json.claims[0].verdict.key = "mostly_true";
    delete json.summary.shareVerified;
    expect(validate(json)).toBe(false);
  });
});

describe("fingerprint", () => {
  it("covers what the report says, not when or by whom it was made: the same content gives the same value", async () => {
    const { team, articleId } = await setUpReportArticle(db);
    const first = await exportReport(db, team.id, articleId);
    const later = await exportReport(db, team.id, articleId, { generatedAt: new Date(EXPORT_TIME.getTime() + 86_400_000), generatedBy: { name: "Sam Second", email: null } });

    expect(first.fingerprint.value).toMatch(/^[0-9a-f]{64}$/);
    expect(first.fingerprint.excludes).toEqual(["fingerprint", "generatedAt", "generatedBy"]);
    expect(later.generatedAt).not.toBe(first.generatedAt);
    expect(later.fingerprint.value).toBe(first.fingerprint.value);
    expect(verifyFingerprint(first)).toBe(true);
    expect(verifyFingerprint({ ...first, generatedAt: "2030-01-01T00:00:00.000Z" })).toBe(true);
    expect(verifyFingerprint({ ...first, claims: first.claims.slice(1) })).toBe(false);
    // Other options say something else (history left out), so they are another report.
    expect((await exportReport(db, team.id, articleId, { includeHistory: false })).fingerprint.value).not.toBe(first.fingerprint.value);
  });

  it("changes when a claim's content changes: its statement, or its verdict", async () => {
    const { team, articleId, actor, claimIds, revisionOf } = await setUpReportArticle(db);
    const first = await exportReport(db, team.id, articleId);
    await updateClaimStatement(db, actor, { claimId: claimIds[3], revision: await revisionOf(claimIds[3]), statement: "Sales rose by a third." });
    const reworded = await exportReport(db, team.id, articleId);
    expect(reworded.fingerprint.value).not.toBe(first.fingerprint.value);

    await withdrawVerdict(db, actor, { claimId: claimIds[2], revision: await revisionOf(claimIds[2]), note: "New evidence came in" });
    const withdrawn = await exportReport(db, team.id, articleId);
    expect(withdrawn.fingerprint.value).not.toBe(reworded.fingerprint.value);
  });

  it("still verifies a copy made before `excludes` was written, whose fingerprint covered everything else", async () => {
    const { team, articleId } = await setUpReportArticle(db);
    const { fingerprint, ...content } = await exportReport(db, team.id, articleId);
    const legacy = { ...content, fingerprint: { algorithm: "sha256" as const, value: hashReport(content, ["fingerprint"]), canonicalization: fingerprint.canonicalization } };
    expect(verifyFingerprint(legacy)).toBe(true);
    expect(verifyFingerprint({ ...legacy, generatedAt: "2030-01-01T00:00:00.000Z" })).toBe(false);
  });
});
