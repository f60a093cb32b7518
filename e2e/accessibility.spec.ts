import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { addCitation } from "../lib/citations/mutations";
import { addCitationSchema } from "../lib/citations/schema";
import { giveVerdict, setClaimStatus } from "../lib/verification/mutations";
import { createArticle, seedClaim } from "./support/articles";
import { signIn } from "./support/auth";
import { createPersonWithTeam, db } from "./support/db";

// WCAG 2.1 A and AA, as axe-core checks them: every page an editor works in, with real content.
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const PLANS = `The plans for the private military companies, or "special enterprises," were noted in a new bill that raises the draft age for the Russian military.`;

type PageFigure = { page: string; violations: number; nodes: number; rules: string[] };
const figures: PageFigure[] = [];

async function audit(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const nodes = results.violations.reduce((sum, violation) => sum + violation.nodes.length, 0);
  figures.push({ page: name, violations: results.violations.length, nodes, rules: results.violations.map((violation) => violation.id) });
  const described = results.violations.map((violation) =>
    `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join("\n  ")}`);
  expect.soft(described, `axe violations on ${name}`).toEqual([]);
}

test.afterAll(() => {
  // The figure for the closing note: pages audited and what axe found on them.
  const file = path.join("test-results", "axe-figures.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ tags: WCAG_TAGS, pages: figures }, null, 2));
});

test("every page passes axe's WCAG 2.1 AA checks, signed out and signed in", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/sign-in");
  await audit(page, "sign-in");
  await page.goto("/sign-up");
  await audit(page, "sign-up");

  const owner = await createPersonWithTeam("auditor");
  const actor = { teamId: owner.team.id, userId: owner.user.id };
  const article = await createArticle(owner);
  const claim = await seedClaim(owner, article.id, PLANS);
  const beast = await addCitation(db, actor, addCitationSchema.parse({ claimId: claim.id, relation: "states", sourceName: "The Daily Beast", url: "https://www.thedailybeast.com/x" }));
  await addCitation(db, actor, addCitationSchema.parse({ claimId: claim.id, relation: "states", sourceName: "Duma bill", sourceKind: "document", relaysForId: beast.id, isOrigin: true }));
  await setClaimStatus(db, actor, { claimId: claim.id, revision: 1, status: "in_progress" });
  await giveVerdict(db, actor, { claimId: claim.id, revision: 2, verdict: "accurate", rationale: "The amendments are in the bill itself, on the Duma's site." });
  const source = await db.source.findFirstOrThrow({ where: { teamId: owner.team.id, name: "The Daily Beast" }, select: { id: true } });

  await signIn(page, owner.email, owner.password);
  const team = `/t/${owner.team.slug}`;
  const pages: [string, string][] = [
    ["articles", team],
    ["import", `${team}/articles/new`],
    ["workspace", article.url],
    ["claim", `${article.url}/claims/${claim.id}`],
    ["source map", `${article.url}/sources`],
    ["report page", `${article.url}/report`],
    ["report (HTML export)", `/api/t/${owner.team.slug}/articles/${article.id}/report?format=html&inline=1`],
    ["my claims", `${team}/my-claims`],
    ["sources", `${team}/sources`],
    ["new source", `${team}/sources/new`],
    ["source", `${team}/sources/${source.id}`],
    ["reports dashboard", `${team}/reports`],
    ["members", `${team}/settings/members`],
    ["verification settings", `${team}/settings/verification`],
  ];
  for (const [name, url] of pages) {
    await page.goto(url);
    await expect(page.locator("h1").first()).toBeVisible();
    await audit(page, name);
  }
});
