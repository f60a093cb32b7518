import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { setClaimStatus } from "../lib/verification/mutations";
import { signIn } from "./support/auth";
import { addMember, createPersonWithTeam, db } from "./support/db";
import { seedLongArticle } from "./support/long-article";
import { SERVER_RENDERED_CLAIMS, WINDOW_THRESHOLD } from "../components/workspace/claim-window";

// A long article's claims list is windowed (decision 0030): only the rows near the screen are in
// the DOM, and whatever targets a claim elsewhere in the list brings its row in first.

const claimList = (page: Page) => page.getByRole("list", { name: "Claims", exact: true });
const sideColumn = (page: Page) => page.getByRole("complementary", { name: "Claims and suggestions" });
const countRows = (page: Page) => page.locator("[data-claim-id]").count();

/** The list positions of the rows that are on screen in the side column. */
function visiblePositions(page: Page) {
  return sideColumn(page).evaluate((column) => {
    const box = column.getBoundingClientRect();
    return [...column.querySelectorAll<HTMLElement>("li[aria-posinset]")]
      .filter((row) => row.getBoundingClientRect().bottom > box.top && row.getBoundingClientRect().top < box.bottom)
      .map((row) => Number(row.getAttribute("aria-posinset")));
  });
}

/** Scrolls the side column (the one that scrolls on a wide screen) to a fraction of its height. */
async function scrollSideColumn(page: Page, fraction: number) {
  await sideColumn(page).evaluate((column, at) => column.scrollTo({ top: (column.scrollHeight - column.clientHeight) * at }), fraction);
}

/**
 * The page's size and how a scroll through the list goes: the side column is scrolled 100 px a
 * frame for 240 frames (a fast flick, 6,000 px/s at 60 Hz); the frames' lengths and the long
 * tasks (over 50 ms) are counted. Elements are counted once the list is complete.
 */
function measureScroll(page: Page) {
  return page.evaluate(async () => {
    const readyMs = Math.round(performance.getEntriesByName("workspace-ready")[0]?.startTime ?? -1);
    const column = document.querySelector<HTMLElement>('aside[aria-label="Claims and suggestions"]')!;
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)));
    observer.observe({ type: "longtask" });
    const started = performance.now();
    let last = started;
    let worstFrameMs = 0;
    for (let frame = 1; frame <= 240; frame += 1) {
      column.scrollTop = 100 * frame;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      worstFrameMs = Math.max(worstFrameMs, now - last);
      last = now;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    observer.disconnect();
    return {
      readyMs, elements: document.getElementsByTagName("*").length, rows: document.querySelectorAll("[data-claim-id]").length,
      scrollMs: Math.round(last - started), fps: Math.round(240_000 / (last - started)), worstFrameMs: Math.round(worstFrameMs),
      longTasks: longTasks.length, longTaskMs: Math.round(longTasks.reduce((sum, duration) => sum + duration, 0)),
    };
  });
}

test("a 1,000-claim article renders the claims near the screen; the text, the scrollbar and a state change reach any of them", async ({ page }) => {
  const editor = await createPersonWithTeam("longlist");
  const colleague = await createPersonWithTeam("longpeer");
  await addMember(editor.team.id, colleague.user.id, "editor");
  const { article, ids } = await seedLongArticle(editor);
  const statuses = new Map((await db.claim.findMany({ where: { articleId: article.id }, select: { id: true, status: true } })).map((claim) => [claim.id, claim.status]));
  /** The last unchecked claims in the list, far from its top. */
  const [far, farther] = ids.filter((id) => statuses.get(id) === "unchecked").slice(-2);
  const numberOf = (id: string) => ids.indexOf(id) + 1;

  await signIn(page, editor.email, editor.password);
  await page.goto(article.url);
  await expect(page.locator("[data-workspace][data-ready]")).toBeAttached({ timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Claims (1000)" })).toBeVisible();

  const figures = await measureScroll(page);
  test.info().annotations.push({ type: "figures", description: JSON.stringify(figures) });
  console.log(`1,000 claims: ${JSON.stringify(figures)}`);
  await scrollSideColumn(page, 0);

  // Far fewer rows than claims, each saying where it stands in the whole list.
  expect(await countRows(page)).toBeLessThan(100);
  const first = claimList(page).getByRole("listitem").first();
  await expect(first).toHaveAttribute("aria-setsize", "1000");
  await expect(first).toHaveAttribute("aria-posinset", "1");
  const axe = await new AxeBuilder({ page }).include('ol[aria-label="Claims"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);

  // Halfway down, the rows there are rendered (and the screenshot shows the place).
  await scrollSideColumn(page, 0.5);
  await expect.poll(() => visiblePositions(page)).toEqual(expect.arrayContaining([expect.any(Number)]));
  const halfway = await visiblePositions(page);
  expect(Math.min(...halfway)).toBeGreaterThan(300);
  expect(Math.max(...halfway)).toBeLessThan(700);
  if (process.env.LONG_ARTICLE_SCREENSHOTS) await page.screenshot({ path: `${process.env.LONG_ARTICLE_SCREENSHOTS}/long-article-halfway.png` });
  expect(await countRows(page)).toBeLessThan(100);

  // To the bottom: the last claim. Rows measured on the way change the height, so scroll until it holds.
  await expect(async () => {
    await scrollSideColumn(page, 1);
    await expect(claimList(page).getByRole("button", { name: "Show claim 1000 in the text", exact: true })).toBeInViewport({ timeout: 500 });
  }).toPass({ timeout: 10_000 });

  // Back to the top; then a highlight far down in the text selects its claim, whose row comes into view.
  await scrollSideColumn(page, 0);
  await expect(page.locator(`#claim-${far}`)).toHaveCount(0);
  await page.locator(`#article-text [data-marker="${far}"]`).click();
  const farRow = page.locator(`#claim-${far}`);
  await expect(farRow).toHaveAttribute("aria-current", "true");
  await expect(farRow).toHaveAttribute("aria-posinset", String(numberOf(far)));
  await expect(farRow).toBeInViewport();
  expect(await countRows(page)).toBeLessThan(100);

  // Ticked, then scrolled out of the DOM: the tick is kept, and the state change applies to it.
  await farRow.getByRole("checkbox", { name: `Select claim ${numberOf(far)}` }).check();
  await page.locator("#article-text").click({ position: { x: 1, y: 1 } });
  await scrollSideColumn(page, 0);
  await expect(page.getByText("1 of 1000 selected")).toBeVisible();
  await page.getByLabel("Set state…").selectOption({ label: "◐ In progress" });
  await page.getByRole("button", { name: /^Set the state of/ }).click();
  await expect(page.getByText("1 claim set to In progress")).toBeVisible();
  await expect.poll(async () => (await db.claim.findUniqueOrThrow({ where: { id: far } })).status).toBe("in_progress");
  await page.locator(`#article-text [data-marker="${far}"]`).click();
  await expect(farRow).toContainText("In progress");

  // A colleague's change to a claim that is not rendered is patched into the list, shown when reached.
  await scrollSideColumn(page, 0);
  const { revision } = await db.claim.findUniqueOrThrow({ where: { id: farther }, select: { revision: true } });
  await setClaimStatus(db, { teamId: editor.team.id, userId: colleague.user.id }, { claimId: farther, revision, status: "in_progress" });
  const fartherMarker = page.locator(`#article-text [data-marker="${farther}"]`);
  await expect(fartherMarker).toHaveAttribute("data-s", "in_progress");
  await fartherMarker.click();
  await expect(page.locator(`#claim-${farther}`)).toContainText("In progress");
});

test("up to 150 claims, each claim reaches the browser once: the first screen's rows as HTML, the rest only in the page's data", async ({ page }) => {
  const editor = await createPersonWithTeam("onceonly");
  const { article, ids } = await seedLongArticle(editor, WINDOW_THRESHOLD);
  const firstStatement = "First claim statement written for this test";
  const farStatement = "Hundredth claim statement written for this test";
  await db.claim.update({ where: { id: ids[0] }, data: { statement: firstStatement } });
  await db.claim.update({ where: { id: ids[99] }, data: { statement: farStatement } });
  await signIn(page, editor.email, editor.password);
  // A row rendered differently in the browser than on the server fails hydration (React #418).
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));

  // The page as the server sends it: HTML with the page's data (React's payload) inside.
  const html = await (await page.request.get(article.url)).text();
  const occurrences = (text: string) => html.split(text).length - 1;
  console.log(`150 claims: ${html.length} bytes of HTML and data`);
  expect(occurrences(firstStatement)).toBe(2);
  expect(occurrences(farStatement)).toBe(1);
  expect(html.match(/data-claim-id=/g)?.length).toBe(SERVER_RENDERED_CLAIMS);

  // In the browser every row is there once the page is interactive, the hundredth included.
  await page.goto(article.url);
  await expect(page.locator("[data-workspace][data-ready]")).toBeAttached({ timeout: 30_000 });
  await expect(page.locator("[data-claim-id]")).toHaveCount(WINDOW_THRESHOLD);
  await page.locator(`#claim-${ids[99]}`).scrollIntoViewIfNeeded();
  await expect(page.locator(`#claim-${ids[99]}`)).toContainText(farStatement);
  await claimList(page).getByRole("button", { name: "Show claim 150 in the text", exact: true }).click();
  await expect(page.locator(`#claim-${ids[149]}`)).toHaveAttribute("aria-current", "true");

  // A claim whose passage is gone keeps its old quote at [0, 0): that quote travels in the
  // page's data; the others' come from the article text (decision 0031). Lost, it is listed last.
  const lostQuote = "A passage this test removed from the article";
  await db.claim.update({ where: { id: ids[1] }, data: { anchorState: "lost", start: 0, end: 0, quote: lostQuote, previousQuote: "An earlier wording of that passage" } });
  await page.reload();
  await expect(page.locator("[data-workspace][data-ready]")).toBeAttached({ timeout: 30_000 });
  // Each row shows its quote as stored: rendered on the server (the first) or in the browser.
  for (const index of [0, 1, 2, 99, 149]) {
    const { quote } = await db.claim.findUniqueOrThrow({ where: { id: ids[index] }, select: { quote: true } });
    await page.locator(`#claim-${ids[index]}`).scrollIntoViewIfNeeded();
    await expect(page.locator(`#claim-${ids[index]}`)).toContainText(`“${quote}”`);
  }
  expect(pageErrors).toEqual([]);
});
