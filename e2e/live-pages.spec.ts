import { expect, test, type Locator, type Page } from "@playwright/test";
import { BODY, createArticle, seedClaim } from "./support/articles";
import { signInTwo } from "./support/auth";
import { addMember, createPersonWithTeam, db } from "./support/db";
import { isLive, markDocument } from "./support/live-page";

// The lighter pages an editor keeps open (the article list, My claims, a source map) show a
// colleague's change without a reload, keeping where the editor was: scroll position and focus.

/** Distinct, non-overlapping passages of the fixture: the start and the end of each paragraph. */
const PASSAGES = BODY.split(/\n+/)
  .map((paragraph) => paragraph.trim())
  .filter((paragraph) => paragraph.length > 80 && !paragraph.startsWith("Read the original"))
  .flatMap((paragraph) => [paragraph.slice(0, 32), paragraph.slice(-32)]);

/** Where `element` sits in the window now, and how far the page is scrolled. */
async function placeOf(page: Page, element: Locator) {
  const box = await element.boundingBox();
  return { top: Math.round(box!.y), scrollY: await page.evaluate(() => Math.round(window.scrollY)) };
}

/**
 * Watches the colleague's page for `text` to appear (in the browser, at once); `shown` then says
 * how long after `since` it did: the figure behind "within a second", which is the benchmark's to
 * hold (this machine's load varies), so the test only waits a generous while.
 */
async function watchFor(page: Page, selector: string, text: string) {
  await page.evaluate(([where, wanted]) => {
    const found = () => [...document.querySelectorAll(where!)].some((element) => element.textContent?.includes(wanted!));
    const state = window as unknown as { factdeskShownAt?: number };
    delete state.factdeskShownAt;
    new MutationObserver((_records, observer) => {
      if (!found()) return;
      state.factdeskShownAt = Date.now();
      observer.disconnect();
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, [selector, text]);
  return {
    shown: async (since: { clickedAt: number; answeredAt: number }) => {
      const shownAt = await page.evaluate(() => (window as unknown as { factdeskShownAt?: number }).factdeskShownAt);
      expect(shownAt).toBeDefined();
      test.info().annotations.push({ type: "shown (ms after the click; after the colleague's answer or commit)", description: `${shownAt! - since.clickedAt}; ${shownAt! - since.answeredAt}` });
    },
  };
}

/** Two editors of one team (A the owner, B an editor), each signed in in a browser of their own. */
async function twoEditors(label: string) {
  const a = await createPersonWithTeam(`${label}a`);
  const b = await createPersonWithTeam(`${label}b`);
  await addMember(a.team.id, b.user.id, "editor");
  return { a, b };
}

test("the article list: a colleague's change of a claim's state updates its progress in place", async ({ browser }) => {
  const { a, b } = await twoEditors("listlive");
  // Enough articles that the one changed sits far down the list (newest first: it is the oldest).
  const article = await createArticle(a);
  await db.article.update({ where: { id: article.id }, data: { title: "The article being checked", createdAt: new Date(Date.now() - 60_000) } });
  const claim = await seedClaim(a, article.id, PASSAGES[0]!);
  for (let index = 1; index <= 24; index++) {
    const other = await createArticle(a);
    await db.article.update({ where: { id: other.id }, data: { title: `Another article ${index}` } });
  }
  const { firstPage: pageA, secondPage: pageB, close } = await signInTwo(browser, a, b);

  await pageB.goto(`/t/${a.team.slug}`);
  await isLive(pageB);
  await pageB.screenshot({ path: "test-results/live-pages-article-list-top.png" });
  // A search being typed, not yet sent, survives the update too.
  const search = pageB.getByRole("searchbox", { name: /^Search claims/ });
  await search.fill("Kartapolov");
  const row = pageB.getByRole("list", { name: "Articles" }).getByRole("listitem").filter({ hasText: "The article being checked" });
  await expect(row).toContainText("1 unchecked");
  const link = row.getByRole("link", { name: "The article being checked" });
  await link.focus();
  await pageB.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const before = await placeOf(pageB, row);
  expect(before.scrollY).toBeGreaterThan(500);
  const isSameDocument = await markDocument(pageB);

  await pageA.goto(`${article.url}/claims/${claim.id}`);
  await expect(pageA.locator("[data-claim-page][data-ready]")).toBeVisible();
  const watch = await watchFor(pageB, 'ul[aria-label="Articles"] li', "1 in progress");
  const clickedAt = Date.now();
  await pageA.getByRole("button", { name: "Move to In progress" }).click();
  await expect(pageA.getByRole("status").filter({ hasText: "State changed" })).toBeVisible();
  const answeredAt = Date.now();
  await expect(row).toContainText("1 in progress", { timeout: 10_000 });
  await watch.shown({ clickedAt, answeredAt });
  await expect(row.getByRole("img", { name: "0 of 1 claim done" })).toBeVisible();

  // Where the editor was is where they are: same document, same scroll, same focus.
  expect(await placeOf(pageB, row)).toEqual(before);
  await expect(link).toBeFocused();
  await expect(search).toHaveValue("Kartapolov");
  await isSameDocument();
  await pageB.screenshot({ path: "test-results/live-pages-article-list.png" });
  await close();
});

test("My claims: a claim a colleague assigns to me appears, and the rows I was looking at stay put", async ({ browser }) => {
  const { a, b } = await twoEditors("minelive");
  const article = await createArticle(a);
  const claims = [];
  for (const passage of PASSAGES.slice(0, 21)) claims.push(await seedClaim(a, article.id, passage));
  const [target, ...assigned] = claims;
  await db.claim.updateMany({ where: { id: { in: assigned.map((claim) => claim.id) } }, data: { assigneeId: b.user.id } });
  const { firstPage: pageA, secondPage: pageB, close } = await signInTwo(browser, a, b);

  await pageB.goto(`/t/${a.team.slug}/my-claims`);
  await isLive(pageB);
  await pageB.screenshot({ path: "test-results/live-pages-my-claims-top.png" });
  const list = pageB.getByRole("list", { name: "Assigned to me" });
  await expect(list.getByRole("listitem")).toHaveCount(20);
  const lastRow = list.getByRole("listitem").last();
  const lastLink = lastRow.getByRole("link");
  await lastLink.focus();
  await pageB.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const before = await placeOf(pageB, lastRow);
  expect(before.scrollY).toBeGreaterThan(300);
  const lastStatement = await lastLink.innerText();
  const isSameDocument = await markDocument(pageB);

  await pageA.goto(`${article.url}/claims/${target!.id}`);
  await expect(pageA.locator("[data-claim-page][data-ready]")).toBeVisible();
  const watch = await watchFor(pageB, 'ul[aria-label="Assigned to me"] a', target!.statement);
  const clickedAt = Date.now();
  await pageA.getByLabel("Assignee").selectOption(b.user.id);
  await expect.poll(async () => (await db.claim.findUniqueOrThrow({ where: { id: target!.id } })).assigneeId, { intervals: [50] }).toBe(b.user.id);
  const answeredAt = Date.now();
  await expect(list.getByRole("listitem")).toHaveCount(21, { timeout: 10_000 });
  await watch.shown({ clickedAt, answeredAt });
  await expect(list.getByRole("link", { name: target!.statement })).toBeAttached();

  // The new claim came in above; the row in view stays where it was on screen, still focused.
  await expect(lastLink).toHaveText(lastStatement);
  expect((await placeOf(pageB, lastRow)).top).toBe(before.top);
  await expect(lastLink).toBeFocused();
  await isSameDocument();
  await pageB.screenshot({ path: "test-results/live-pages-my-claims.png" });
  await close();
});

test("a source map: a source a colleague cites on a claim shows in the map without a reload", async ({ browser }) => {
  const { a, b } = await twoEditors("maplive");
  const article = await createArticle(a);
  const claims = [];
  for (const passage of PASSAGES.slice(0, 12)) claims.push(await seedClaim(a, article.id, passage));
  const cited = claims.at(-1)!;
  const { firstPage: pageA, secondPage: pageB, close } = await signInTwo(browser, a, b);

  await pageB.goto(`${article.url}/sources`);
  await isLive(pageB);
  await pageB.screenshot({ path: "test-results/live-pages-source-map-top.png" });
  const matrix = pageB.getByRole("region", { name: "Claims and their sources" });
  await expect(matrix.getByRole("columnheader", { name: /Business Insider/ })).toHaveCount(0);
  const row = matrix.getByRole("row").filter({ has: pageB.getByRole("link", { name: "Claim 12", exact: true }) });
  const link = row.getByRole("link", { name: "Claim 12", exact: true });
  await link.focus();
  await row.evaluate((element) => element.scrollIntoView({ block: "center" }));
  const before = await placeOf(pageB, row);
  expect(before.scrollY).toBeGreaterThan(300);
  const isSameDocument = await markDocument(pageB);

  await pageA.goto(`${article.url}/claims/${cited.id}`);
  await expect(pageA.locator("[data-claim-page][data-ready]")).toBeVisible();
  const watch = await watchFor(pageB, "thead th", "Business Insider");
  const clickedAt = Date.now();
  await pageA.getByRole("button", { name: /^Cite the article's outlet/ }).click();
  await expect(pageA.getByRole("status").filter({ hasText: /Citation of .+ added\./ })).toBeVisible();
  const answeredAt = Date.now();
  await expect(matrix.getByRole("columnheader", { name: /Business Insider/ })).toBeVisible({ timeout: 10_000 });
  await watch.shown({ clickedAt, answeredAt });

  expect((await placeOf(pageB, row)).top).toBe(before.top);
  await expect(link).toBeFocused();
  await isSameDocument();
  await pageB.screenshot({ path: "test-results/live-pages-source-map.png" });
  await close();
});
