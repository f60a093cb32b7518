import { expect, test, type Page } from "@playwright/test";
import { giveVerdict } from "../lib/verification/mutations";
import { createArticle, seedClaim } from "./support/articles";
import { signIn, signInTwo } from "./support/auth";
import { addMember, createPersonWithTeam, db } from "./support/db";

// A change answers with what it did and the page shows it from the answer: the action renders no
// page and nothing is fetched after it (docs/decisions/0014-changes-answer-with-what-they-did.md).
// Other pages are fresh when navigated to, Back and Forward included.

const PLANS = `The plans for the private military companies, or "special enterprises," were noted in a new bill that raises the draft age for the Russian military.`;
const KARTAPOLOV = "The move is aimed at countering sabotage and internal threats, according to a statement by Duma defense committee chairman Andrey Kartapolov.";
const RATIONALE = "Kartapolov's intent is his own account, not a fact anyone can check.";

/**
 * What the page asks of the server from now on: the page fetches (a refresh or a navigation; not
 * link prefetches) and the server actions, each with whether its answer carried a page rendered
 * again (`x-action-revalidated`).
 */
function watchServer(page: Page) {
  const seen = { pageFetches: [] as string[], actions: [] as Array<{ rendersPage: boolean; bytes: number }> };
  page.on("response", async (response) => {
    const headers = response.request().headers();
    if (headers["next-action"]) {
      const bytes = (await response.body().catch(() => Buffer.alloc(0))).length;
      seen.actions.push({ rendersPage: response.headers()["x-action-revalidated"] !== undefined, bytes });
    } else if (headers.rsc === "1" && !headers["next-router-prefetch"]) {
      seen.pageFetches.push(new URL(response.url()).pathname);
    }
  });
  return seen;
}

/** Marks the document, so a check can tell that no navigation since was a full page load. */
async function markDocument(page: Page) {
  await page.evaluate(() => Object.assign(window, { factdeskMark: true }));
  return async () => expect(await page.evaluate(() => (window as unknown as { factdeskMark?: boolean }).factdeskMark)).toBe(true);
}

async function openClaim(page: Page, teamSlug: string, articleId: string, claimId: string) {
  await page.goto(`/t/${teamSlug}/articles/${articleId}/claims/${claimId}`);
  await expect(page.locator("[data-claim-page][data-ready]")).toBeVisible();
}

/** The claim page's state badge (its glyph, then the state). */
const stateBadge = (page: Page, label: string) => page.getByRole("region", { name: "State" }).getByText(new RegExp(`^\\W?\\s*${label}$`));
const history = (page: Page) => page.getByRole("list", { name: "History" });
const claimList = (page: Page) => page.getByRole("list", { name: "Claims", exact: true });
const claimItem = (page: Page, text: string) => claimList(page).getByRole("listitem").filter({ hasText: text });

test("the claim page shows a state, a verdict, a sign-off, an assignee and a comment from the actions' answers", async ({ browser }) => {
  const ana = await createPersonWithTeam("ana");
  const ben = await createPersonWithTeam("ben");
  await addMember(ana.team.id, ben.user.id, "editor");
  await db.team.update({ where: { id: ana.team.id }, data: { verificationRules: JSON.stringify({ accurateNeeds: "origin_or_two_independent", requireSignOff: true }) } });
  const article = await createArticle(ana);
  const claim = await seedClaim(ana, article.id, KARTAPOLOV);
  const { firstPage: anaPage, secondPage: benPage, close } = await signInTwo(browser, ana, ben);
  await openClaim(anaPage, ana.team.slug, article.id, claim.id);
  const anaServer = watchServer(anaPage);

  await anaPage.getByRole("button", { name: "Move to In progress" }).click();
  await expect(stateBadge(anaPage, "In progress")).toBeVisible();
  await expect(history(anaPage).getByRole("listitem").first()).toContainText(`${ana.user.name} changed the state`);

  await anaPage.getByRole("radio", { name: /^Not checkable/ }).check();
  await anaPage.getByRole("textbox", { name: "Rationale" }).fill(RATIONALE);
  await anaPage.getByRole("button", { name: "Give verdict" }).click();
  await expect(anaPage.getByText("Awaiting sign-off by a second editor")).toBeVisible();
  await expect(stateBadge(anaPage, "Needs review")).toBeVisible();
  await expect(history(anaPage)).toContainText("gave a verdict");

  await anaPage.getByLabel("Assignee").selectOption({ label: `${ben.user.name} (Editor)` });
  await expect(history(anaPage).getByRole("listitem").first()).toContainText("changed the assignee");
  await anaPage.getByRole("textbox", { name: "Comment" }).fill("Ben, can you sign this off?");
  await anaPage.getByRole("button", { name: "Add comment" }).click();
  await expect(anaPage.getByRole("heading", { name: "Comments (1)" })).toBeVisible();
  await expect(anaPage.getByRole("list", { name: "Comments (1)" })).toContainText("Ben, can you sign this off?");
  await expect(anaPage.getByRole("textbox", { name: "Comment" })).toHaveValue("");
  // Ana's own changes: no page fetched again. (Ben's changes below reach her open page through
  // the live feed, which fetches it: e2e/live.spec.ts.)
  const anaOwn = { pageFetches: [...anaServer.pageFetches], actions: [...anaServer.actions] };

  await openClaim(benPage, ana.team.slug, article.id, claim.id);
  const benServer = watchServer(benPage);
  await benPage.getByRole("button", { name: "Sign off" }).click();
  await expect(benPage.getByText(`Signed off by ${ben.user.name}`)).toBeVisible();
  // The state control knows the verdict is final now: Done is offered and accepted.
  await benPage.getByRole("button", { name: "Move to Done" }).click();
  await expect(stateBadge(benPage, "Done")).toBeVisible();
  await benPage.getByRole("button", { name: "Withdraw verdict…" }).click();
  await benPage.getByLabel("Reason for withdrawing").fill("Kartapolov has since explained it in a transcript.");
  await benPage.getByRole("button", { name: "Withdraw verdict", exact: true }).click();
  await expect(benPage.getByText("No verdict yet.")).toBeVisible();
  await expect(stateBadge(benPage, "In progress")).toBeVisible();
  await expect(history(benPage)).toContainText("withdrew the verdict");

  expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ status: "in_progress", verdict: null, assigneeId: ben.user.id });
  for (const server of [anaOwn, benServer]) {
    expect(server.pageFetches).toEqual([]);
    expect(server.actions.length).toBeGreaterThan(0);
    expect(server.actions.filter((action) => action.rendersPage)).toEqual([]);
  }
  await close();
});

test("the workspace shows an edited statement and ticked claims' new state from the answers; the article list, My claims and Reports are fresh when navigated to", async ({ page }) => {
  const person = await createPersonWithTeam("desk");
  const article = await createArticle(person);
  const first = await seedClaim(person, article.id, PLANS);
  await seedClaim(person, article.id, KARTAPOLOV);
  await giveVerdict(db, { teamId: person.team.id, userId: person.user.id }, { claimId: first.id, revision: 1, verdict: "not_checkable", rationale: RATIONALE });
  await signIn(page, person.email, person.password);
  await page.goto(article.url);
  await expect(page.locator("[data-workspace][data-ready]")).toBeVisible();
  const server = watchServer(page);
  const isSameDocument = await markDocument(page);

  await claimItem(page, KARTAPOLOV).getByRole("button", { name: /^Show claim \d+ in the text$/ }).click();
  await page.getByRole("button", { name: "Edit claim 2" }).click();
  await page.getByLabel("Statement of claim 2").fill("Kartapolov says the units will counter sabotage.");
  await page.getByRole("button", { name: "Save statement" }).click();
  await expect(claimList(page)).toContainText("Kartapolov says the units will counter sabotage.");

  await page.getByRole("checkbox", { name: "Select claim 1" }).check();
  await page.getByLabel("Assign to…").selectOption({ label: person.user.name });
  await page.getByRole("button", { name: /^Assign/ }).click();
  await expect(claimItem(page, PLANS)).toContainText(`Assigned to ${person.user.name}`);
  await page.getByLabel("Set state…").selectOption({ label: "● Done" });
  await page.getByRole("button", { name: /^Set/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 claim set to Done" })).toBeVisible();
  await expect(page.getByText("1 done")).toBeVisible();
  expect(server.pageFetches).toEqual([]);
  expect(server.actions).toHaveLength(3);
  expect(server.actions.filter((action) => action.rendersPage)).toEqual([]);

  const nav = page.getByRole("navigation", { name: "Team" });
  await nav.getByRole("link", { name: "Articles" }).click();
  await expect(page.getByRole("list", { name: "Articles" }).getByRole("img", { name: "1 of 2 claims done" })).toBeVisible();
  await nav.getByRole("link", { name: "My claims" }).click();
  await expect(page.getByRole("list", { name: "Assigned to me" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("list", { name: "Assigned to me" })).toContainText(PLANS);
  await nav.getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("list", { name: "Articles in progress" }).getByRole("img", { name: "1 of 2 claims done" })).toBeVisible();
  await isSameDocument();
});

test("Back and Forward show a page kept from before a change as it now is", async ({ page }) => {
  const person = await createPersonWithTeam("returner");
  const article = await createArticle(person);
  const claim = await seedClaim(person, article.id, KARTAPOLOV);
  await signIn(page, person.email, person.password);
  await page.goto(article.url);
  await expect(page.locator("[data-workspace][data-ready]")).toBeVisible();
  const isSameDocument = await markDocument(page);

  await page.getByRole("link", { name: "Open claim 1" }).click();
  await expect(page.locator("[data-claim-page][data-ready]")).toBeVisible();
  await page.getByRole("button", { name: "Move to In progress" }).click();
  await expect(stateBadge(page, "In progress")).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(article.url);
  await expect(claimItem(page, KARTAPOLOV)).toContainText("In progress");
  await expect(page.getByText("1 in progress")).toBeVisible();
  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`/claims/${claim.id}$`));
  await expect(stateBadge(page, "In progress")).toBeVisible();
  await expect(history(page)).toContainText("changed the state");
  await isSameDocument();
});

test("two tabs of one editor: the stale tab's save is refused with the other change, then goes through", async ({ browser }) => {
  const person = await createPersonWithTeam("tabs");
  const article = await createArticle(person);
  const claim = await seedClaim(person, article.id, KARTAPOLOV);
  const context = await browser.newContext();
  const firstTab = await context.newPage();
  await signIn(firstTab, person.email, person.password);
  const secondTab = await context.newPage();
  // The second tab has lost its live updates (a dropped connection): it stays stale, as a tab
  // did before live updates, and its save must still be refused (e2e/live.spec.ts has them on).
  await secondTab.route(/\/api\/t\/[^/]+\/live/, (route) => route.abort());
  await openClaim(firstTab, person.team.slug, article.id, claim.id);
  await openClaim(secondTab, person.team.slug, article.id, claim.id);

  await firstTab.getByRole("button", { name: "Move to In progress" }).click();
  await expect(stateBadge(firstTab, "In progress")).toBeVisible();

  await secondTab.getByRole("radio", { name: /^Not checkable/ }).check();
  await secondTab.getByRole("textbox", { name: "Rationale" }).fill(RATIONALE);
  await secondTab.getByRole("button", { name: "Give verdict" }).click();
  const refusal = secondTab.getByRole("alert").filter({ hasText: "while you were editing" });
  await expect(refusal).toContainText(`${person.user.name} changed the state`);
  expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).verdict).toBeNull();

  // The refused tab fetches the claim as it now stands, and keeps what was typed; saving again goes through.
  await expect(stateBadge(secondTab, "In progress")).toBeVisible();
  await expect(secondTab.getByRole("textbox", { name: "Rationale" })).toHaveValue(RATIONALE);
  await secondTab.getByRole("button", { name: "Give verdict" }).click();
  await expect(secondTab.getByRole("status").filter({ hasText: "Verdict recorded." })).toBeVisible();
  expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ status: "in_progress", verdict: "not_checkable" });
  await context.close();
});
