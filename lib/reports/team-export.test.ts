import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { addCitation } from "@/lib/citations/mutations";
import { addCitationSchema } from "@/lib/citations/schema";
import { createClaim, updateClaimStatement } from "@/lib/claims/mutations";
import { createTeam } from "@/lib/teams/mutations";
import { giveVerdict } from "@/lib/verification/mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { readReportRange } from "./date-range";
import { TEAM_CSV_COLUMNS, renderTeamCsv } from "./team-csv";
import { TEAM_EXPORT_SCHEMA, buildTeamExport } from "./team-export";
import { nameTeamExportFile, readTeamExportQuery } from "./team-export-query";
import { loadTeamExport } from "./team-export-queries";

const db = setUpTestDatabase();
const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const TEXT = "=HYPERLINK(\"http://evil.test\") says the bill, \"armies\" included. Kartapolov backed it, he said.";

function rangeOf(from: string, to: string) {
  const result = readReportRange({ from, to });
  if (!result.ok) throw new Error(result.problems.join(" "));
  return result.range;
}

async function setUp() {
  const owner = await createTestUser(db, { name: "Olga Owner" });
  const team = await createTeam(db, { name: "Desk", userId: owner.id });
  const actor = { teamId: team.id, userId: owner.id };
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: "+Armies, bills", outlet: "Daily Beast", text: TEXT, removedLines: [] }));
  const [first, second] = TEXT.split(/(?<=\.) /).map((sentence) => ({ start: TEXT.indexOf(sentence), end: TEXT.indexOf(sentence) + sentence.length }));
  const claimA = await createClaim(db, actor, { articleId, ...first });
  const claimB = await createClaim(db, actor, { articleId, ...second, statement: "-Kartapolov\nbacked the bill" });
  const beast = await addCitation(db, actor, addCitationSchema.parse({ claimId: claimA.id, relation: "states", sourceName: "The Daily Beast" }));
  await addCitation(db, actor, addCitationSchema.parse({ claimId: claimA.id, relation: "states", sourceName: "Duma bill", relaysForId: beast.id, isOrigin: "on" }));
  await giveVerdict(db, actor, { claimId: claimA.id, revision: 1, verdict: "accurate", rationale: "@The bill's text on the Duma site says exactly this." });
  const old = await saveImport(db, actor, saveImportSchema.parse({ title: "Old news", text: "Nothing happened last year at all.", removedLines: [] }));
  return { owner, team, actor, articleId, claimIds: [claimA.id, claimB.id], oldArticleId: old.articleId };
}

const meta = (from: string, to: string) => ({ range: rangeOf(from, to), generatedAt: new Date("2025-03-31T12:00:00Z"), generatedBy: { name: "Olga Owner", email: "olga@example.test" } });

describe("team export", () => {
  it("holds the articles imported or worked on in the range", async () => {
    const { team, actor, articleId, oldArticleId } = await setUp();
    const past = new Date(Date.now() - 40 * DAY_MS);
    await db.article.updateMany({ where: { teamId: team.id }, data: { createdAt: past } });
    await db.articleVersion.updateMany({ where: { teamId: team.id }, data: { createdAt: past } });
    await db.claimEvent.updateMany({ where: { teamId: team.id }, data: { createdAt: past } });
    expect((await loadTeamExport(db, team.id, rangeOf(day(-7), day(0)))).articles).toEqual([]);

    const claim = await db.claim.findFirstOrThrow({ where: { articleId }, orderBy: { position: "desc" } });
    await updateClaimStatement(db, actor, { claimId: claim.id, revision: claim.revision, statement: "Kartapolov backed the bill." });
    const recent = await loadTeamExport(db, team.id, rangeOf(day(-7), day(0)));
    expect(recent.articles.map((article) => article.id)).toEqual([articleId]);
    const longAgo = await loadTeamExport(db, team.id, rangeOf(day(-41), day(-39)));
    expect(longAgo.articles.map((article) => article.id).sort()).toEqual([articleId, oldArticleId].sort());
  });

  it("writes JSON with the schema, the range and each article's numbered claims", async () => {
    const { team } = await setUp();
    const data = buildTeamExport(await loadTeamExport(db, team.id, rangeOf(day(-1), day(0))), meta(day(-1), day(0)));
    expect(data).toMatchObject({
      schema: TEAM_EXPORT_SCHEMA,
      team: { name: "Desk", slug: team.slug },
      range: { from: day(-1), to: day(0), timeZone: "UTC" },
      generatedAt: "2025-03-31T12:00:00.000Z",
      generatedBy: { name: "Olga Owner", email: "olga@example.test" },
    });
    const [armies, old] = data.articles;
    expect(old).toMatchObject({ title: "Old news", claims: [] });
    expect(armies.claims[0]).toMatchObject({
      number: 1, status: "in_progress", statusLabel: "In progress", verdict: { key: "accurate", label: "Accurate", rating: 5 },
      verdictBy: "Olga Owner", isFinal: true, origins: [{ name: "Duma bill", reached: true }], singleOrigin: false,
    });
    expect(armies.claims[1]).toMatchObject({ number: 2, verdict: null, origins: [], singleOrigin: false });
  });

  it("writes CSV that parses back, with a BOM, CRLF and formulas disarmed", async () => {
    const { team, articleId } = await setUp();
    const csv = renderTeamCsv(buildTeamExport(await loadTeamExport(db, team.id, rangeOf(day(-1), day(0))), meta(day(-1), day(0))));
    expect(csv.startsWith("\uFEFFarticle_id,article_title,")).toBe(true);
    expect(csv.replaceAll("\r\n", "").includes("\n")).toBe(true); // the multi-line statement, quoted
    expect(csv.endsWith("\r\n")).toBe(true);
    const rows: Record<string, string>[] = parse(csv, { bom: true, columns: true, record_delimiter: "\r\n" });
    expect(Object.keys(rows[0])).toEqual([...TEAM_CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      article_id: articleId, article_title: "'+Armies, bills", outlet: "Daily Beast", claim_number: "1",
      statement: "'=HYPERLINK(\"http://evil.test\") says the bill, \"armies\" included.",
      status: "in_progress", verdict: "accurate", verdict_label: "Accurate", rating: "5",
      rationale: "'@The bill's text on the Duma site says exactly this.", verdict_by: "Olga Owner",
      signed_off_by: "", origins: "Duma bill", single_origin: "no",
    });
    expect(rows[1]).toMatchObject({ claim_number: "2", statement: "'-Kartapolov\nbacked the bill", verdict: "", single_origin: "no" });
    expect(rows[2]).toMatchObject({ article_title: "Old news", claim_number: "", statement: "" });
  });

  it("lists a changed or vanished cited passage among the claim's warnings, in JSON and CSV", async () => {
    const { team, claimIds } = await setUp();
    const fresh = async () => buildTeamExport(await loadTeamExport(db, team.id, rangeOf(day(-1), day(0))), meta(day(-1), day(0)));
    expect((await fresh()).articles[0].claims[0].warnings).toEqual([]);

    const bill = await db.citation.findFirstOrThrow({ where: { claimId: claimIds[0], source: { name: "Duma bill" } } });
    await db.citation.update({ where: { id: bill.id }, data: { captureState: "changed" } });
    const changed = await fresh();
    expect(changed.articles[0].claims[0].warnings).toEqual([
      { kind: "passage_changed", message: expect.stringContaining("The passage cited from Duma bill changed on its page") },
    ]);
    expect(changed.articles[0].claims[1].warnings).toEqual([]);
    const rows: Record<string, string>[] = parse(renderTeamCsv(changed), { bom: true, columns: true, record_delimiter: "\r\n" });
    expect(rows[0].warnings).toMatch(/^The passage cited from Duma bill changed on its page/);
    expect(rows[1].warnings).toBe("");

    await db.citation.update({ where: { id: bill.id }, data: { captureState: "vanished" } });
    expect((await fresh()).articles[0].claims[0].warnings.map((warning) => warning.kind)).toEqual(["passage_vanished"]);
  });
});

describe("readTeamExportQuery", () => {
  const read = (query: string) => readTeamExportQuery(new URLSearchParams(query), new Date("2025-03-31T10:00:00Z"));

  it("defaults to CSV over the last 30 days, and names the file after team, range and format", () => {
    const { range, format } = read("");
    expect([range.from, range.to, format]).toEqual(["2025-03-02", "2025-03-31", "csv"]);
    expect(nameTeamExportFile("desk", range, "json")).toBe("factdesk-desk-2025-03-02-to-2025-03-31.json");
  });

  it("refuses a bad format or range with every problem in words", () => {
    expect(() => read("format=xlsx&from=2025-04-01&to=2025-03-01")).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", message: "The format must be csv or json. The start date must not be after the end date." }),
    );
    expect(() => read("from=2024-01-01&to=2025-06-01&format=json")).toThrow(/at most 366 days/);
  });
});
