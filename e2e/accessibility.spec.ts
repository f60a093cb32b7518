import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { issueAccountToken } from "../lib/auth/account-tokens";
import { addCitation } from "../lib/citations/mutations";
import { addCitationSchema } from "../lib/citations/schema";
import { addComment } from "../lib/verification/comments";
import { giveVerdict, setClaimStatus } from "../lib/verification/mutations";
import { createArticle, seedClaim } from "./support/articles";
import { signIn } from "./support/auth";
import { addMember, createPersonWithTeam, db } from "./support/db";
import { expectSecurityHeaders, watchViolations } from "./support/policy";

// One tour of every page an editor works in, with real content: WCAG 2.1 A and AA as axe-core
// checks them, the security headers on each response, and the Content Security Policy never
// violated (the DOM's violation events and the console), with Next's scripts booted under it.
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

/** Opens `url` and checks its headers, that the client booted under the policy, and axe. */
async function visit(page: Page, name: string, url: string) {
  const response = await page.goto(url);
  expect(response!.status(), url).toBe(200);
  if (!url.startsWith("/api/")) {
    expectSecurityHeaders(response!.headers(), url);
    // Next's client boots only if its nonce'd scripts ran; a blocked script would leave this unset.
    await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version)), { message: url }).toBe(true);
  }
  await expect(page.locator("h1").first()).toBeVisible();
  await audit(page, name);
}

test("every page passes axe's WCAG 2.1 AA checks and runs under the security policy, signed out and signed in", async ({ page, context }) => {
  // 22 audits (the inbox and the mention autocomplete among them), each a few seconds on a busy machine.
  test.setTimeout(240_000);
  const violations = await watchViolations(context);
  await visit(page, "sign-in", "/sign-in");
  await visit(page, "sign-up", "/sign-up");
  await visit(page, "forgot password", "/forgot-password");
  const linked = await createPersonWithTeam("linked");
  const link = (purpose: "verify_email" | "reset_password") =>
    issueAccountToken(db, { userId: linked.user.id, email: linked.email, purpose, via: "operator" }).then((issued) => issued!.token);
  await visit(page, "confirm email address", `/verify-email/${await link("verify_email")}`);
  await visit(page, "choose a new password", `/reset-password/${await link("reset_password")}`);

  const owner = await createPersonWithTeam("auditor");
  const actor = { teamId: owner.team.id, userId: owner.user.id };
  const article = await createArticle(owner);
  const claim = await seedClaim(owner, article.id, PLANS);
  const beast = await addCitation(db, actor, addCitationSchema.parse({ claimId: claim.id, relation: "states", sourceName: "The Daily Beast", url: "https://www.thedailybeast.com/x" }));
  await addCitation(db, actor, addCitationSchema.parse({ claimId: claim.id, relation: "states", sourceName: "Duma bill", sourceKind: "document", relaysForId: beast.id, isOrigin: true }));
  await setClaimStatus(db, actor, { claimId: claim.id, revision: 1, status: "in_progress" });
  await giveVerdict(db, actor, { claimId: claim.id, revision: 2, verdict: "accurate", rationale: "The amendments are in the bill itself, on the Duma's site." });
  const source = await db.source.findFirstOrThrow({ where: { teamId: owner.team.id, name: "The Daily Beast" }, select: { id: true } });
  // A colleague's comment mentions the owner: the inbox has an unread entry, the header a count.
  const colleague = await createPersonWithTeam("colleague");
  await addMember(owner.team.id, colleague.user.id, "editor");
  await addComment(db, { teamId: owner.team.id, userId: colleague.user.id }, { claimId: claim.id, body: `@${owner.user.name} the bill is on the Duma's site.` });
  // Suggestions asked for: the workspace marks them in the text (read when the page loads), and a
  // dismissed one gives the dashboard a rate. (The suggester's model is JSON, which this runner cannot import.)
  await db.article.update({ where: { id: article.id }, data: { suggestedAt: new Date() } });
  await db.suggestionDismissal.create({ data: { articleId: article.id, sentenceHash: "0".repeat(32), dismissedById: owner.user.id } });

  await signIn(page, owner.email, owner.password);
  const team = `/t/${owner.team.slug}`;
  const pages: [string, string][] = [
    ["articles", team],
    ["search results", `${team}?q=amendments`],
    ["import", `${team}/articles/new`],
    ["workspace", article.url],
    ["claim", `${article.url}/claims/${claim.id}`],
    ["source map", `${article.url}/sources`],
    ["report page", `${article.url}/report`],
    ["report (HTML export)", `/api/t/${owner.team.slug}/articles/${article.id}/report?format=html&inline=1`],
    ["my claims", `${team}/my-claims`],
    ["notifications", `${team}/notifications`],
    ["sources", `${team}/sources`],
    ["new source", `${team}/sources/new`],
    ["source", `${team}/sources/${source.id}`],
    ["source: the claims behind a track record number", `${team}/sources/${source.id}?period=month&role=relay&in=all#track-claims`],
    ["reports dashboard", `${team}/reports`],
    ["members", `${team}/settings/members`],
    ["verification settings", `${team}/settings/verification`],
    ["account", "/account"],
  ];
  for (const [name, url] of pages) await visit(page, name, url);
  // The account page again, half-way through setting up two-step verification (QR code, key, code field).
  await page.getByRole("button", { name: "Set up two-step verification" }).click();
  await expect(page.getByRole("img", { name: "QR code of your two-step verification secret" })).toBeVisible();
  await audit(page, "account: two-step set-up");

  // A server action from the browser (fetch under connect-src 'self') and the client re-render.
  await page.goto(`${article.url}/claims/${claim.id}`);
  await page.getByRole("textbox", { name: "Comment" }).fill("Checked under the policy.");
  await page.getByRole("button", { name: "Add comment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Comment added." })).toBeVisible();
  await expect(page.getByRole("list", { name: /^Comments/ }).getByText("Checked under the policy.")).toBeVisible();
  // The comment box completing a colleague's name ("@" and the first letters).
  await page.getByRole("textbox", { name: "Comment" }).pressSequentially("@Colle");
  await expect(page.getByRole("listbox", { name: "Team members to mention" }).getByRole("option")).toHaveText([colleague.user.name]);
  await audit(page, "claim: mention autocomplete");
  expect(violations).toEqual([]);
});
