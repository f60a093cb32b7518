import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase, testDatabaseKind } from "@/tests/test-db";
import { renderReportClaimReview } from "./formats/claimreview";
import type { FingerprintedReport } from "./model";
import { closePdfBrowser, renderReportPdf } from "./pdf";
import { REPORT_RENDERERS } from "./render";
import { parseReportQuery } from "./options";
import { buildTeamExport } from "./team-export";
import { renderTeamCsv } from "./team-csv";
import { loadTeamExport } from "./team-export-queries";
import { defaultReportRange } from "./date-range";
import { exportReport, setUpReportArticle } from "./test-fixtures";

const db = setUpTestDatabase();
// CR stays out: CSV ends its rows with CR LF.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
// What an old row may hold, written before the action wrapper stripped these characters
// (a SQLite row: PostgreSQL cannot hold U+0000 in text).
const NUL = testDatabaseKind === "sqlite" ? "\u0000" : "";
const RLO = "\u202E";
const ISOLATE = "\u2067";
const ARABIC = "قال الوزير \u200F(5%)";

let report: FingerprintedReport;
let teamId: string;
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-unsafe-"));
afterAll(async () => {
  await closePdfBrowser();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

beforeAll(async () => {
  const { team, articleId, claimIds } = await setUpReportArticle(db);
  teamId = team.id;
  const [bill, , sokov] = claimIds;
  await db.article.update({ where: { id: articleId }, data: { title: `Armies${NUL} ${RLO}txet${ISOLATE}`, outlet: `Insider${RLO}` } });
  await db.claim.update({ where: { id: sokov }, data: { statement: `Sokov ${RLO}eslaf si siht${NUL} ${ARABIC}`, rationale: `A prediction${NUL} about a vote${RLO}, not a fact.` } });
  await db.citation.updateMany({ where: { claimId: bill }, data: { passage: `Companies${NUL} may keep ${RLO}armed units.`, note: `Note\u0007${ISOLATE}` } });
  await db.source.updateMany({ where: { teamId }, data: { name: `Duma ${RLO}llib` } });
  await db.claimEvent.updateMany({ where: { claimId: sokov }, data: { note: `Said${NUL}${RLO}` } });
  await db.claimComment.updateMany({ where: { claimId: bill }, data: { body: `Internal${RLO} note${NUL}` } });
  // The statement changed under its sign-off; without the rule the verdict is final all the same.
  await db.team.update({ where: { id: teamId }, data: { verificationRules: JSON.stringify({ accurateNeeds: "origin_or_two_independent", requireSignOff: false }) } });
  report = await exportReport(db, team.id, articleId, { includeComments: true, finalOnly: false });
});

describe("stored control and bidi characters", () => {
  it("are printed by none of the text formats, while right-to-left text and its marks stay", () => {
    for (const [format, renderer] of Object.entries(REPORT_RENDERERS)) {
      const text = renderer.render(report, {});
      expect(UNSAFE.exec(text), format).toBeNull();
      // JSON would write NUL as an escape: no escaped form is printed either.
      expect(text, format).not.toMatch(/\\u0000|\\u202e|\\u2067/i);
      expect(text, format).toContain("Sokov eslaf si siht");
    }
    expect(renderReportClaimReview(report)).toContain(`Sokov eslaf si siht ${ARABIC}`);
    expect(report.claims[2]).toMatchObject({ statement: `Sokov eslaf si siht ${ARABIC}`, rationale: "A prediction about a vote, not a fact." });
  });

  it("are printed by neither PDF (typeset, or printed by Chromium for right-to-left text)", async () => {
    const pdf = await renderReportPdf(report);
    const file = path.join(tempDir, "report.pdf");
    fs.writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" });
    expect(text).toContain("Companies may keep armed units.");
    // pdftotext wraps right-to-left runs in embeddings of its own (U+202B…U+202C): look for ours.
    expect(/[\u0000\u0007\u202E\u2067]/.exec(text)).toBeNull();
  }, 60_000);

  it("are printed by neither form of the team export", async () => {
    const range = defaultReportRange();
    const exported = buildTeamExport(await loadTeamExport(db, teamId, range), { range, generatedAt: new Date(), generatedBy: { name: "Olga", email: null } });
    expect(exported.articles[0].claims[2].statement).toBe(`Sokov eslaf si siht ${ARABIC}`);
    expect(UNSAFE.exec(JSON.stringify(exported))).toBeNull();
    expect(JSON.stringify(exported)).not.toMatch(/\\u0000|\\u202e/i);
    expect(UNSAFE.exec(renderTeamCsv(exported))).toBeNull();
  });

  it("are dropped from a report's query string (the ClaimReview url)", () => {
    const parsed = parseReportQuery(new URLSearchParams({ format: "claimreview", reviewUrl: `https://desk.example/checks/${RLO}armies` }));
    expect(parsed.success && parsed.data.reviewUrl).toBe("https://desk.example/checks/armies");
  });
});
