import { expect, test, type Page } from "@playwright/test";
import { createArticle, seedClaim } from "./support/articles";
import { signInTwo } from "./support/auth";
import { E2E_BASE_URL } from "./support/constants";
import { addMember, createPersonWithTeam, db } from "./support/db";

// Two editors on one article: what one does shows on the other's open pages, live (lib/live).
const KARTAPOLOV = "The move is aimed at countering sabotage and internal threats, according to a statement by Duma defense committee chairman Andrey Kartapolov.";
const RATIONALE = "Kartapolov's statement is his own account of the bill's purpose; nobody can check a purpose.";

/** Marks the document, so a check can tell that nothing since was a full page load. */
async function markDocument(page: Page) {
  await page.evaluate(() => Object.assign(window, { factdeskMark: true }));
  return async () => expect(await page.evaluate(() => (window as unknown as { factdeskMark?: boolean }).factdeskMark)).toBe(true);
}

async function isLive(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: "Live: colleagues' changes show as they happen" })).toBeAttached();
}

test("a colleague's state, verdict, citation and comment show on the other editor's open workspace and claim page without a reload, and a mention reaches the inbox", async ({ browser }) => {
  test.setTimeout(120_000);
  const owner = await createPersonWithTeam("livechief");
  const colleague = await createPersonWithTeam("liveeditor");
  await addMember(owner.team.id, colleague.user.id, "editor");
  const article = await createArticle(owner);
  const claim = await seedClaim(owner, article.id, KARTAPOLOV);
  const claimUrl = `/t/${owner.team.slug}/articles/${article.id}/claims/${claim.id}`;
  const { firstPage: mine, secondPage: theirs, close } = await signInTwo(browser, owner, colleague);

  await theirs.goto(article.url);
  await expect(theirs.locator("[data-workspace][data-ready]")).toBeVisible();
  await isLive(theirs);
  const isSameDocument = await markDocument(theirs);
  const item = theirs.getByRole("list", { name: /^Claims/ }).getByRole("listitem").filter({ hasText: "Kartapolov" });
  await expect(item).toContainText("Unchecked");

  await mine.goto(claimUrl);
  await expect(mine.locator("[data-claim-page][data-ready]")).toBeVisible();
  await mine.getByRole("button", { name: "Move to In progress" }).click();
  await expect(mine.getByRole("status").filter({ hasText: "State changed" })).toBeVisible();
  await expect(item).toContainText("In progress", { timeout: 5_000 });

  // The colleague opens the claim (a client-side navigation: the same document) and watches it.
  await item.getByRole("link", { name: /^Open claim/ }).click();
  await expect(theirs.locator("[data-claim-page][data-ready]")).toBeVisible();
  await isLive(theirs);
  await theirs.getByRole("textbox", { name: "Comment" }).fill("Half-written thought that must survive");

  // The comment mentions the colleague, chosen from the autocomplete by keyboard.
  const inbox = theirs.getByRole("banner").getByRole("link", { name: /^Inbox/ });
  await expect(inbox).toHaveAccessibleName("Inbox, nothing unread");
  const comment = mine.getByRole("textbox", { name: "Comment" });
  await comment.pressSequentially("Checked the Duma transcript, @liveed");
  const options = mine.getByRole("listbox", { name: "Team members to mention" }).getByRole("option");
  await expect(options).toHaveText([colleague.user.name]);
  await expect(comment).toHaveAttribute("aria-activedescendant", (await options.first().getAttribute("id"))!);
  await comment.press("Enter");
  await expect(mine.getByRole("listbox", { name: "Team members to mention" })).toBeHidden();
  await comment.pressSequentially(": the quote is there.");
  await expect(comment).toHaveValue(`Checked the Duma transcript, @${colleague.user.name} : the quote is there.`);
  await mine.getByRole("button", { name: "Add comment" }).click();
  await expect(theirs.getByRole("list", { name: "Comments (1)" })).toContainText("Checked the Duma transcript", { timeout: 5_000 });
  // The mention reaches the colleague's inbox, and the header's count, without a reload.
  await expect(inbox).toHaveAccessibleName("Inbox, 1 unread", { timeout: 5_000 });

  await mine.getByRole("radio", { name: /^Not checkable/ }).check();
  await mine.getByRole("textbox", { name: "Rationale" }).fill(RATIONALE);
  await mine.getByRole("button", { name: "Give verdict" }).click();
  await expect(theirs.getByText(RATIONALE, { exact: true })).toBeVisible({ timeout: 5_000 });

  await mine.getByRole("button", { name: /^Cite the article's outlet/ }).click();
  const added = mine.getByRole("status").filter({ hasText: /Citation of .+ added\./ });
  await expect(added).toBeVisible();
  const cited = /Citation of (.+) added\./.exec(await added.innerText())![1]!;
  await expect(theirs.getByRole("list", { name: /^Citations/ })).toContainText(cited, { timeout: 5_000 });

  // Nothing reloaded, and what the colleague was typing is still there.
  await expect(theirs.getByRole("textbox", { name: "Comment" })).toHaveValue("Half-written thought that must survive");
  await isSameDocument();

  // The inbox names who mentioned them where, and leads to the comment; opening it marks it read.
  await inbox.click();
  const entry = theirs.getByRole("list", { name: /^Inbox/ }).getByRole("listitem").first();
  await expect(entry).toContainText(`Unread ${owner.user.name} mentioned you in a comment`);
  await entry.getByRole("link", { name: /Kartapolov/ }).click();
  await expect(theirs).toHaveURL(/\/claims\/[^/#]+#comment-/);
  await expect(theirs.locator("[data-claim-page][data-ready]")).toBeVisible();
  await expect(inbox).toHaveAccessibleName("Inbox, nothing unread");
  await close();
});

test("a verdict being written keeps the claim it started from: a colleague's verdict arriving live is shown, never overwritten unseen", async ({ browser }) => {
  const owner = await createPersonWithTeam("livewriter");
  const colleague = await createPersonWithTeam("liveracer");
  await addMember(owner.team.id, colleague.user.id, "editor");
  const article = await createArticle(owner);
  const claim = await seedClaim(owner, article.id, KARTAPOLOV);
  const claimUrl = `/t/${owner.team.slug}/articles/${article.id}/claims/${claim.id}`;
  const { firstPage: mine, secondPage: theirs, close } = await signInTwo(browser, owner, colleague);
  for (const page of [mine, theirs]) {
    await page.goto(claimUrl);
    await expect(page.locator("[data-claim-page][data-ready]")).toBeVisible();
    await isLive(page);
  }

  // I start writing; the colleague gives their verdict first, which reaches my page live.
  await mine.getByRole("radio", { name: /^Not checkable/ }).check();
  await mine.getByRole("textbox", { name: "Rationale" }).fill(RATIONALE);
  // (Not checkable is the one verdict that needs no citation.)
  const THEIRS = "The bill's explanatory note gives a different purpose than Kartapolov does.";
  await theirs.getByRole("radio", { name: /^Not checkable/ }).check();
  await theirs.getByRole("textbox", { name: "Rationale" }).fill(THEIRS);
  await theirs.getByRole("button", { name: "Give verdict" }).click();
  await expect(theirs.getByRole("status").filter({ hasText: "Verdict recorded." })).toBeVisible();
  await expect(mine.getByText(THEIRS, { exact: true })).toBeVisible({ timeout: 5_000 });
  await expect(mine.getByText("Someone changed this claim while you were writing your verdict.")).toBeVisible();
  await expect(mine.getByRole("textbox", { name: "Rationale" })).toHaveValue(RATIONALE);

  // Giving mine is refused with their change named; theirs stands. A second try, now seen, lands.
  await mine.getByRole("button", { name: "Give verdict" }).click();
  await expect(mine.getByRole("alert").filter({ hasText: "while you were editing" })).toBeVisible();
  expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).rationale).toBe(THEIRS);
  await mine.getByRole("button", { name: "Give verdict" }).click();
  await expect(mine.getByRole("status").filter({ hasText: "Verdict recorded." })).toBeVisible();
  expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).rationale).toBe(RATIONALE);
  await close();
});

test("the live stream is the team's alone: another team's member and a signed-out visitor are refused", async ({ browser }) => {
  const owner = await createPersonWithTeam("streamowner");
  const stranger = await createPersonWithTeam("streamstranger");
  const { firstPage: mine, secondPage: theirs, close } = await signInTwo(browser, owner, stranger);
  const url = `/api/t/${owner.team.slug}/live?once=1`;
  const own = await mine.request.get(url);
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toContain("text/event-stream");
  expect((await theirs.request.get(url)).status()).toBe(404);
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`${E2E_BASE_URL}${url}`)).status()).toBe(401);
  await anonymous.close();
  expect((await mine.request.get(`/api/t/${owner.team.slug}/live?after=not-a-cursor`)).status()).toBe(400);
  await close();
});
