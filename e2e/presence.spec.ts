import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createArticle, seedClaim } from "./support/articles";
import { signInTwo } from "./support/auth";
import { E2E_BASE_URL } from "./support/constants";
import { addMember, createPersonWithTeam, db } from "./support/db";

// Two editors on one article: each sees where the other is and what they do (lib/presence), and
// the other's presence goes within seconds when their page closes.
const KARTAPOLOV = "The move is aimed at countering sabotage and internal threats, according to a statement by Duma defense committee chairman Andrey Kartapolov.";
const GUARD = "Russia already has a national guard, and Putin is protected by layers of security.";
const SHOTS = process.env.PRESENCE_SCREENSHOTS;

const colleaguesOn = (page: Page, where: "article" | "claim") => page.getByRole("list", { name: `Colleagues on this ${where}` });

async function isLive(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: "Live: colleagues' changes show as they happen" })).toBeAttached();
}

test("a colleague's place and activity show on the article and the claim, once per person, never oneself, and go when their pages close", async ({ browser }) => {
  test.setTimeout(120_000);
  const sam = await createPersonWithTeam("sam");
  const mira = await createPersonWithTeam("mira");
  await addMember(sam.team.id, mira.user.id, "editor");
  const article = await createArticle(sam);
  await seedClaim(sam, article.id, KARTAPOLOV);
  const guard = await seedClaim(sam, article.id, GUARD);
  const claimUrl = `/t/${sam.team.slug}/articles/${article.id}/claims/${guard.id}`;
  const { firstPage: samsClaim, secondPage: miras, close } = await signInTwo(browser, sam, mira);

  // Mira reads the article; nobody else is there yet, so no list at all.
  await miras.goto(article.url);
  await expect(miras.locator("[data-workspace][data-ready]")).toBeVisible();
  await isLive(miras);
  await expect(colleaguesOn(miras, "article")).toHaveCount(0);

  // Sam opens claim 2: Mira sees him there within a second or two, and hears it.
  await samsClaim.goto(claimUrl);
  await expect(samsClaim.locator("[data-claim-page][data-ready]")).toBeVisible();
  const samOnArticle = colleaguesOn(miras, "article").getByRole("listitem");
  await expect(samOnArticle).toHaveText(`${initials(sam.user.name)}${sam.user.name} · on claim 2`, { timeout: 5_000 });
  await expect(miras.locator("[aria-live=polite]").filter({ hasText: `${sam.user.name} is also on this article.` })).toBeAttached();

  // He starts writing a verdict: the activity follows his focus.
  await samsClaim.getByRole("textbox", { name: "Rationale" }).click();
  await expect(samOnArticle).toContainText(`${sam.user.name} · claim 2, writing a verdict`, { timeout: 5_000 });
  // His own page does not show him (nobody else is on the claim).
  await expect(colleaguesOn(samsClaim, "claim")).toHaveCount(0);

  // A second tab of Sam's on the article is still one Sam for Mira, and shows Mira, not Sam.
  const samsArticle = await samsClaim.context().newPage();
  await samsArticle.goto(article.url);
  await expect(samsArticle.locator("[data-workspace][data-ready]")).toBeVisible();
  await expect(colleaguesOn(samsArticle, "article").getByRole("listitem")).toHaveText(`${initials(mira.user.name)}${mira.user.name} · reading the article`, { timeout: 5_000 });
  await samsArticle.getByRole("button", { name: "Show claim 1 in the text" }).click();
  await samsArticle.getByRole("button", { name: "Edit claim 1" }).click();
  await expect(samsArticle.getByLabel("Statement of claim 1")).toBeFocused();
  await expect(samOnArticle).toContainText(`${sam.user.name} · claim 1, editing the statement`, { timeout: 5_000 });
  await expect(samOnArticle).toHaveCount(1);
  if (SHOTS) await miras.screenshot({ path: `${SHOTS}/presence-workspace.png` });
  await expectNoAxeViolations(miras);

  // Mira opens claim 2 (a client-side navigation): Sam is also here, writing a verdict; Sam's
  // claim page shows Mira.
  await miras.getByRole("list", { name: /^Claims/ }).getByRole("listitem").filter({ hasText: "national guard" }).getByRole("link", { name: /^Open claim/ }).click();
  await expect(miras.locator("[data-claim-page][data-ready]")).toBeVisible();
  const samOnClaim = colleaguesOn(miras, "claim").getByRole("listitem");
  await expect(samOnClaim).toHaveText(`${initials(sam.user.name)}${sam.user.name} is also here, writing a verdict`, { timeout: 5_000 });
  await expect(colleaguesOn(samsClaim, "claim").getByRole("listitem")).toHaveText(`${initials(mira.user.name)}${mira.user.name} is also here`, { timeout: 5_000 });
  if (SHOTS) await miras.screenshot({ path: `${SHOTS}/presence-claim.png` });
  await expectNoAxeViolations(miras);
  if (SHOTS) {
    await miras.setViewportSize({ width: 390, height: 844 });
    await colleaguesOn(miras, "claim").scrollIntoViewIfNeeded();
    await miras.screenshot({ path: `${SHOTS}/presence-claim-390.png` });
  }

  // Sam closes both his pages: he is gone from Mira's page within seconds, and she hears it.
  await samsArticle.close({ runBeforeUnload: true });
  await samsClaim.close({ runBeforeUnload: true });
  await expect(colleaguesOn(miras, "claim")).toHaveCount(0, { timeout: 5_000 });
  await expect(miras.locator("[aria-live=polite]").filter({ hasText: `${sam.user.name} left.` })).toBeAttached();
  await close();
});

test("the article list shows who is on each article, and no one on the others", async ({ browser }) => {
  test.setTimeout(90_000);
  const sam = await createPersonWithTeam("listsam");
  const mira = await createPersonWithTeam("listmira");
  await addMember(sam.team.id, mira.user.id, "editor");
  const article = await createArticle(sam);
  const other = await createArticle(sam);
  await db.article.update({ where: { id: article.id }, data: { title: "Private armies bill" } });
  await db.article.update({ where: { id: other.id }, data: { title: "A quieter story" } });
  await seedClaim(sam, article.id, KARTAPOLOV);
  const { firstPage: sams, secondPage: miras, close } = await signInTwo(browser, sam, mira);
  await miras.goto(`/t/${sam.team.slug}`);
  await isLive(miras);
  await expect(miras.getByRole("list", { name: /^Colleagues on/ })).toHaveCount(0);

  // Sam opens the first article: Mira's list shows him on that row only, without a reload.
  await sams.goto(article.url);
  await expect(sams.locator("[data-workspace][data-ready]")).toBeVisible();
  const onArticle = miras.getByRole("list", { name: "Colleagues on “Private armies bill”" }).getByRole("listitem");
  await expect(onArticle).toHaveText(`${initials(sam.user.name)}${sam.user.name} · reading the article`, { timeout: 5_000 });
  await expect(miras.getByRole("list", { name: "Colleagues on “A quieter story”" })).toHaveCount(0);
  await expect(miras.locator("[aria-live=polite]").filter({ hasText: `${sam.user.name} is also on “Private armies bill”.` })).toBeAttached();
  if (SHOTS) await miras.screenshot({ path: `${SHOTS}/presence-article-list.png` });
  await expectNoAxeViolations(miras);

  // He leaves: gone from the row within seconds.
  await sams.close({ runBeforeUnload: true });
  await expect(onArticle).toHaveCount(0, { timeout: 5_000 });
  await close();
});

test("a page's presence is the team's alone: another team's member cannot announce themselves on its article", async ({ browser }) => {
  const owner = await createPersonWithTeam("presenceowner");
  const stranger = await createPersonWithTeam("presencestranger");
  const article = await createArticle(owner);
  const { firstPage: mine, secondPage: theirs, close } = await signInTwo(browser, owner, stranger);
  // A browser sends its Origin with every POST; a write without one is refused (lib/security/origin.ts).
  const sameSite = { headers: { origin: E2E_BASE_URL } };
  const url = (slug: string) => `/api/t/${slug}/articles/${article.id}/presence?tab=presence-e2e-tab&activity=viewing`;
  expect((await mine.request.post(url(owner.team.slug), sameSite)).status()).toBe(204);
  // Not a member of the team; a member of their own team naming this article.
  expect((await theirs.request.post(url(owner.team.slug), sameSite)).status()).toBe(404);
  expect((await theirs.request.post(url(stranger.team.slug), sameSite)).status()).toBe(404);
  // Nonsense is refused with a message.
  const bad = await mine.request.post(`/api/t/${owner.team.slug}/articles/${article.id}/presence?tab=x&activity=dancing`, sameSite);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/reload the page/);
  expect((await mine.request.delete(url(owner.team.slug), sameSite)).status()).toBe(204);
  await close();
});

/** The colleagues' row passes axe's WCAG 2.1 AA checks (the pages as a whole: e2e/accessibility.spec.ts). */
async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include("[data-presence]").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
}

function initials(name: string): string {
  const words = name.split(" ");
  return `${words[0]![0]}${words.at(-1)![0]}`.toUpperCase();
}
