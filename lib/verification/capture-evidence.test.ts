import { describe, expect, it } from "vitest";
import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { addCitation } from "@/lib/citations/mutations";
import { addCitationSchema } from "@/lib/citations/schema";
import { createClaim } from "@/lib/claims/mutations";
import { listCsvRows } from "@/lib/reports/formats/csv";
import { REPORT_RENDERERS } from "@/lib/reports/render";
import { exportReport } from "@/lib/reports/test-fixtures";
import { captureCitation } from "@/lib/sources/capture";
import { createTeam } from "@/lib/teams/mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";
import { giveVerdict, setClaimStatus, signOffVerdict } from "./mutations";
import { getClaimDetail } from "./queries";
import { verificationSettingsSchema } from "./schema";
import { updateVerificationSettings } from "./settings-mutations";

const db = setUpTestDatabase();
const TEXT = "The ministry counted 94 new units this year.";
const PASSAGE = "The ministry said it had counted 94 new units by June";
const RATIONALE = "The ministry's own statement gives the figure, and it is the origin.";
const page = (text: string) => async (url: string) => ({ finalUrl: url, httpStatus: 200, contentType: "text/html", text });
const BEFORE = page(`Press release. ${PASSAGE}, officials said.`);
const AFTER = page(`Press release. ${PASSAGE.replace("94", "107")}, officials said.`);

/**
 * The editor's report: one claim citing the ministry's page (the origin) for "94"; the page
 * was captured, then said "107" at the re-check. `strict` and `signOff` are the team's rules.
 */
async function setUp({ strict, signOff }: { strict: boolean; signOff: boolean }) {
  const ana = await createTestUser(db, { name: "Ana Editor" });
  const ben = await createTestUser(db, { name: "Ben Second" });
  const team = await createTeam(db, { name: "Desk", userId: ana.id });
  await db.membership.create({ data: { teamId: team.id, userId: ben.id, role: "editor" } });
  const actor = { teamId: team.id, userId: ana.id };
  const signer = { teamId: team.id, userId: ben.id };
  await updateVerificationSettings(db, actor, verificationSettingsSchema.parse({
    revision: 1, accurateNeeds: "origin_or_two_independent", requireSignOff: signOff ? "on" : undefined, strictCaptures: strict ? "on" : undefined,
  }));
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({ title: "Units", text: TEXT, removedLines: [] }));
  const { id: claimId } = await createClaim(db, actor, { articleId, start: 0, end: TEXT.length });
  const citation = await addCitation(db, actor, addCitationSchema.parse({
    claimId, sourceName: "Ministry of Defence", sourceKind: "organisation", relation: "states", url: "https://ministry.example/release", passage: PASSAGE, isOrigin: "on",
  }));
  await captureCitation(db, actor, { citationId: citation.id }, { fetchPage: BEFORE });
  return { actor, signer, team, articleId, claimId, citation };
}

type Fixture = Awaited<ReturnType<typeof setUp>>;
const revisionOf = async (claimId: string) => (await db.claim.findUniqueOrThrow({ where: { id: claimId } })).revision;
const recheck = (f: Fixture, fetchPage = AFTER) => captureCitation(db, f.actor, { citationId: f.citation.id }, { fetchPage });
const verdict = async (f: Fixture) => giveVerdict(db, f.actor, { claimId: f.claimId, revision: await revisionOf(f.claimId), verdict: "accurate", rationale: RATIONALE });
const done = async (f: Fixture) => setClaimStatus(db, f.actor, { claimId: f.claimId, revision: await revisionOf(f.claimId), status: "done" });

/** The report's warnings for the claim, as the CSV's column and as each format prints them. */
async function reportWarnings(f: Fixture) {
  const report = await exportReport(db, f.team.id, f.articleId, { finalOnly: false });
  const [header, row] = listCsvRows(report);
  const texts = Object.fromEntries(Object.entries(REPORT_RENDERERS).filter(([format]) => format !== "claimreview").map(([format, renderer]) => [format, String(renderer.render(report, {}))]));
  return {
    csv: row?.[header!.indexOf("warnings")] ?? "",
    formatsNaming: Object.entries(texts).filter(([, text]) => text.includes("The passage cited from Ministry of Defence changed on its page")).map(([format]) => format).sort(),
    kinds: report.claims[0]?.provenance.warnings.map((warning) => warning.kind),
  };
}

describe("a re-check that finds the cited figure changed, before the verdict", () => {
  it("under strict rules refuses ‘Accurate’ and says why", async () => {
    const f = await setUp({ strict: true, signOff: false });
    expect((await recheck(f)).state).toBe("changed");
    await expect(verdict(f)).rejects.toThrow(/cannot rest on a passage that changed or vanished on its page \(Ministry of Defence\)/);
    expect((await db.claim.findUniqueOrThrow({ where: { id: f.claimId } })).verdict).toBeNull();
    // Another verdict may still be given: the rule guards "Accurate" only.
    await giveVerdict(db, f.actor, { claimId: f.claimId, revision: await revisionOf(f.claimId), verdict: "unsubstantiated", rationale: RATIONALE });
  });

  it("without strict rules lets it be given, with the warning on the claim page and in every report", async () => {
    const f = await setUp({ strict: false, signOff: false });
    await recheck(f);
    await verdict(f);
    await done(f);
    const detail = await getClaimDetail(db, f.team.id, f.claimId);
    expect(detail?.captureWarnings.map((warning) => warning.kind)).toEqual(["passage_changed"]);
    const capture = detail?.citations[0]?.latestCapture;
    expect(capture).toMatchObject({ comparedWording: PASSAGE, passageWording: PASSAGE.replace("94", "107") });
    const warnings = await reportWarnings(f);
    expect(warnings.csv).toMatch(/^The passage cited from Ministry of Defence changed on its page/);
    expect(warnings.formatsNaming).toEqual(["csv", "html", "json", "md"]);
    expect(warnings.kinds).toContain("passage_changed");
  });

  it("is lifted by a re-check that finds the cited passage again", async () => {
    const f = await setUp({ strict: true, signOff: false });
    await recheck(f);
    expect((await recheck(f, BEFORE)).state).toBe("found");
    await verdict(f);
    expect((await reportWarnings(f)).csv).toBe("");
  });
});

describe("a re-check that finds the cited figure changed, after the verdict", () => {
  it("withdraws the sign-off but never the verdict, sends a done claim back to review, and refuses a new sign-off and Done under strict rules", async () => {
    const f = await setUp({ strict: true, signOff: true });
    await verdict(f);
    await signOffVerdict(db, f.signer, { claimId: f.claimId, revision: await revisionOf(f.claimId) });
    await done(f);
    await recheck(f);
    const claim = await db.claim.findUniqueOrThrow({ where: { id: f.claimId } });
    expect(claim).toMatchObject({ verdict: "accurate", signedOffById: null, status: "needs_review" });
    const events = await db.claimEvent.findMany({ where: { claimId: f.claimId, type: { in: ["sign_off_withdrawn", "verdict_withdrawn"] } } });
    expect(events.map((event) => event.type)).toEqual(["sign_off_withdrawn"]);
    await expect(signOffVerdict(db, f.signer, { claimId: f.claimId, revision: claim.revision })).rejects.toThrow(/cannot be signed off: .*changed or vanished/);
    expect((await reportWarnings(f)).csv).toMatch(/Ministry of Defence changed on its page/);
  });

  it("without sign-off, under strict rules, moves a done claim back to review with the reason, keeping the verdict", async () => {
    const f = await setUp({ strict: true, signOff: false });
    await verdict(f);
    await done(f);
    await recheck(f);
    expect(await db.claim.findUniqueOrThrow({ where: { id: f.claimId } })).toMatchObject({ verdict: "accurate", status: "needs_review" });
    const moved = await db.claimEvent.findFirstOrThrow({ where: { claimId: f.claimId, type: "status_changed", toValue: "Needs review" } });
    expect(moved.note).toBe("A capture found that the cited passage changed on the cited page; the verdict awaits a re-check");
    await expect(done(f)).rejects.toThrow(/cannot be done yet: .*changed or vanished/);
  });

  it("without strict rules keeps a done claim done, and the report lists the warning", async () => {
    const f = await setUp({ strict: false, signOff: false });
    await verdict(f);
    await done(f);
    await recheck(f);
    expect(await db.claim.findUniqueOrThrow({ where: { id: f.claimId } })).toMatchObject({ verdict: "accurate", status: "done" });
    expect((await reportWarnings(f)).csv).toMatch(/Ministry of Defence changed on its page/);
  });
});
