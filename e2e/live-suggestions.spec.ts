import { expect, test, type Locator } from "@playwright/test";
import { createArticle } from "./support/articles";
import { signInTwo } from "./support/auth";
import { addMember, createPersonWithTeam, db } from "./support/db";
import { isLive, markDocument } from "./support/live-page";

// Suggestions on a shared article: a colleague's claim on a suggested passage, or their
// dismissal of one, takes the suggestion away on the other editor's open workspace, as a reload would.

async function sentenceOf(item: Locator) {
  const quoted = (await item.locator("p").first().textContent()) ?? "";
  return quoted.replace(/^“|”$/g, "");
}

test("a suggestion a colleague accepts or dismisses leaves the other editor's open workspace, list and text, without a reload", async ({ browser }) => {
  test.setTimeout(90_000);
  const owner = await createPersonWithTeam("suggestsharer");
  const colleague = await createPersonWithTeam("suggestwatcher");
  await addMember(owner.team.id, colleague.user.id, "editor");
  const article = await createArticle(owner);
  // Suggestions were asked for on this article: both workspaces mark them on load.
  await db.article.update({ where: { id: article.id }, data: { suggestedAt: new Date() } });
  const { firstPage: mine, secondPage: theirs, close } = await signInTwo(browser, owner, colleague);
  const suggested = (page: typeof mine) => page.getByRole("list", { name: "Suggested claims" }).getByRole("listitem");
  const marks = (page: typeof mine) => page.locator("#article-text [data-suggestion-marker]");

  for (const page of [mine, theirs]) {
    await page.goto(article.url);
    await expect(page.locator("[data-workspace][data-ready]")).toBeVisible();
    await isLive(page);
  }
  const count = await suggested(theirs).count();
  expect(count).toBeGreaterThanOrEqual(2);
  await expect(marks(theirs)).toHaveCount(count);
  const isSameDocument = await markDocument(theirs);

  const accepted = await sentenceOf(suggested(mine).first());
  await suggested(mine).first().getByRole("button", { name: /^Accept/ }).click();
  await expect(mine.getByRole("list", { name: "Claims", exact: true }).getByRole("listitem").filter({ hasText: accepted.slice(0, 40) })).toBeVisible();

  // The colleague's page: the claim arrives, and the suggestion it covers goes from the list and the text.
  await expect(theirs.getByRole("list", { name: "Claims", exact: true }).getByRole("listitem").filter({ hasText: accepted.slice(0, 40) })).toBeVisible({ timeout: 5_000 });
  await expect(suggested(theirs)).toHaveCount(count - 1);
  await expect(marks(theirs)).toHaveCount(count - 1);
  await expect(suggested(theirs).filter({ hasText: accepted })).toHaveCount(0);

  // Dismissed: no claim covers it, the feed says the article's decided passages changed.
  const dismissed = await sentenceOf(suggested(mine).first());
  await suggested(mine).first().getByRole("button", { name: /^Dismiss/ }).click();
  await expect(suggested(mine)).toHaveCount(count - 2);
  await expect(suggested(theirs)).toHaveCount(count - 2, { timeout: 5_000 });
  await expect(marks(theirs)).toHaveCount(count - 2);
  await expect(suggested(theirs).filter({ hasText: dismissed })).toHaveCount(0);
  await isSameDocument();
  await close();
});
