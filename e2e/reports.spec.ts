import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIResponse } from "@playwright/test";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { addCitation } from "../lib/citations/mutations";
import { addCitationSchema } from "../lib/citations/schema";
import { giveVerdict, setClaimStatus } from "../lib/verification/mutations";
import { createArticle, seedClaim } from "./support/articles";
import { signIn } from "./support/auth";
import { addMember, createPersonWithTeam, db } from "./support/db";

const PLANS = `The plans for the private military companies, or "special enterprises," were noted in a new bill that raises the draft age for the Russian military.`;
const SOKOV = "Nikolai Sokov, a former Kremlin official, told The Daily Beast the law was aimed at shoring up Putin's defenses.";
const TITLE = "Putin is forming mysterious private armies across Russia to protect himself from Wagner soldiers, report says";

/** A team whose article has one traced, judged and finished claim and one still open, and a viewer. */
async function setUpTracedArticle() {
  const owner = await createPersonWithTeam("chief");
  const viewer = await createPersonWithTeam("reader");
  await addMember(owner.team.id, viewer.user.id, "viewer");
  const article = await createArticle(owner);
  const actor = { teamId: owner.team.id, userId: owner.user.id };
  const plans = await seedClaim(owner, article.id, PLANS);
  await seedClaim(owner, article.id, SOKOV);
  const cite = (fields: Record<string, unknown>) => addCitationSchema.parse({ claimId: plans.id, relation: "states", ...fields });
  const beast = await addCitation(db, actor, cite({ sourceName: "The Daily Beast", url: "https://www.thedailybeast.com/x" }));
  await addCitation(db, actor, cite({ sourceName: "Duma bill", sourceKind: "document", relaysForId: beast.id, isOrigin: true, archiveUrl: "https://web.archive.org/web/2023/https://sozd.duma.gov.ru/" }));
  await setClaimStatus(db, actor, { claimId: plans.id, revision: 1, status: "in_progress" });
  await giveVerdict(db, actor, { claimId: plans.id, revision: 2, verdict: "accurate", rationale: "The amendments are in the bill itself, on the Duma's site." });
  await setClaimStatus(db, actor, { claimId: plans.id, revision: 3, status: "done" });
  return { owner, viewer, article };
}

async function saveBody(response: APIResponse, name: string) {
  expect(response.status(), await response.text().catch(() => "")).toBe(200);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-report-")), name);
  fs.writeFileSync(file, await response.body());
  return file;
}

test("a viewer exports the report in every format, each with the same content and its fingerprint", async ({ page }) => {
  const { viewer, owner, article } = await setUpTracedArticle();
  await signIn(page, viewer.email, viewer.password);
  await page.goto(article.url);
  await page.getByRole("link", { name: "Report", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Verification report" })).toBeVisible();
  await expect(page.getByText("have a final verdict, whatever it says (1 of 2 claims)")).toBeVisible();
  await expect(page.getByText("found “Accurate” with a final verdict (1 of 2 claims)")).toBeVisible();
  const shown = (await page.getByText(/^sha256:[0-9a-f]{64}$/).textContent())!;
  const api = `/api/t/${owner.team.slug}/articles/${article.id}/report`;

  // The archive: every format of the report the page shows, with the fingerprint the page shows.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download all formats (.zip)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^report-putin-is-forming-[a-z-]+-\d{4}-\d{2}-\d{2}\.zip$/);
  const archive = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-archive-")), "report.zip");
  await download.saveAs(archive);
  expect(execFileSync("unzip", ["-t", archive], { encoding: "utf8" })).toContain("No errors detected");
  const listing = execFileSync("unzip", ["-Z1", archive], { encoding: "utf8" }).trim().split("\n");
  expect(listing.map((name) => name.replace(/^report-.*-\d{4}-\d{2}-\d{2}\./, "")).sort()).toEqual(["README.txt", "claimreview.jsonld", "csv", "html", "json", "md", "pdf"]);
  const archivedJson = JSON.parse(execFileSync("unzip", ["-p", archive, listing.find((name) => name.endsWith(".json"))!], { encoding: "utf8" }));
  expect(`sha256:${archivedJson.fingerprint.value}`).toBe(shown);
  const archivedPdf = execFileSync("unzip", ["-p", archive, listing.find((name) => name.endsWith(".pdf"))!]);
  expect(execFileSync("pdftotext", ["-", "-"], { input: archivedPdf, encoding: "utf8" }).replace(/\s+/g, "")).toContain(shown);

  // JSON: valid against the versioned schema in the repo.
  const jsonResponse = await page.request.get(`${api}?format=json`);
  expect(jsonResponse.headers()["content-type"]).toContain("application/json");
  const report = await jsonResponse.json();
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync("docs/schemas/report-v1.schema.json", "utf8")));
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  expect(report.article.title).toBe(TITLE);
  // One origin through one outlet is not a sourcing weakness: only an origin repeated by several
  // cited sources is flagged (docs/decisions/0018-provenance-vocabulary.md).
  expect(report.summary.singleOriginClaims).toEqual([]);
  expect(jsonResponse.headers()["x-report-fingerprint"]).toBe(`sha256:${report.fingerprint.value}`);
  // The same report downloaded later, alone, carries the same fingerprint as the archive and the page.
  expect(`sha256:${report.fingerprint.value}`).toBe(shown);

  // CSV: one row per claim, parsed back, with the fingerprint on every row.
  const csv = await page.request.get(`${api}?format=csv`);
  const rows = parse((await csv.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
  expect(rows.map((row) => row.statement)).toEqual([PLANS, SOKOV]);
  expect(Object.values(rows[0]).join(" ")).toContain("Accurate");

  // ClaimReview: one object for the one final verdict, with Google's required fields.
  const markup = await (await page.request.get(`${api}?format=claimreview`)).json();
  const reviews = Array.isArray(markup) ? markup : (markup["@graph"] ?? [markup]);
  expect(reviews).toHaveLength(1);
  expect(reviews[0]).toMatchObject({ "@type": "ClaimReview", claimReviewed: PLANS, reviewRating: { alternateName: "Accurate", ratingValue: 5 }, itemReviewed: { "@type": "Claim" } });
  for (const field of ["url", "datePublished", "author"]) expect(reviews[0][field], field).toBeTruthy();

  // Markdown carries the same fingerprint.
  const markdown = await (await page.request.get(`${api}?format=md`)).text();
  expect(markdown).toContain(TITLE);
  expect(markdown).toMatch(/sha256:[0-9a-f]{64}/);

  // PDF: pages as images, the title on the first page.
  const pdf = await saveBody(await page.request.get(`${api}?format=pdf`), "report.pdf");
  execFileSync("pdftoppm", ["-png", "-r", "40", pdf, path.join(path.dirname(pdf), "page")]);
  expect(fs.readdirSync(path.dirname(pdf)).filter((file) => file.endsWith(".png")).length).toBeGreaterThanOrEqual(1);
  const firstPage = execFileSync("pdftotext", ["-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" });
  expect(firstPage.replace(/\s+/g, " ")).toContain("Putin is forming mysterious private armies");
  expect(firstPage).toContain("Page 1 of");
});

test("the HTML report is self-contained: opened in the browser, it makes no request of its own", async ({ page }) => {
  const { owner, article } = await setUpTracedArticle();
  await signIn(page, owner.email, owner.password);
  const url = `/api/t/${owner.team.slug}/articles/${article.id}/report?format=html&inline=1&comments=1`;
  // A tab of its own: the signed-in page's link prefetches would otherwise land in the list.
  const reportTab = await page.context().newPage();
  const requests: string[] = [];
  reportTab.on("request", (request) => requests.push(request.url()));
  await reportTab.goto(url);
  await expect(reportTab.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(reportTab.getByText(/sha256:[0-9a-f]{64}/).first()).toBeVisible();
  await expect(reportTab.getByText("Duma bill").first()).toBeVisible();
  expect(requests, "only the report itself was fetched").toEqual([expect.stringContaining("/report?format=html")]);
});

test("the team dashboard and the date-range export", async ({ page }) => {
  const { owner, article } = await setUpTracedArticle();
  await signIn(page, owner.email, owner.password);
  await page.goto(`/t/${owner.team.slug}/reports`);
  await expect(page.getByText(TITLE).first()).toBeVisible();
  const today = new Date().toISOString().slice(0, 10);
  const exported = await page.request.get(`/api/t/${owner.team.slug}/reports/export?from=${today}&to=${today}&format=json`);
  expect(exported.status()).toBe(200);
  const body = await exported.json();
  expect(body.articles.map((each: { id?: string; articleId?: string }) => each.id ?? each.articleId)).toContain(article.id);
  const refused = await page.request.get(`/api/t/${owner.team.slug}/reports/export?from=${today}&to=2000-01-01`);
  expect(refused.status()).toBe(400);
  const stranger = await createPersonWithTeam("stranger");
  await page.context().clearCookies();
  await signIn(page, stranger.email, stranger.password);
  expect([403, 404]).toContain((await page.request.get(`/api/t/${owner.team.slug}/articles/${article.id}/report?format=json`)).status());
});
