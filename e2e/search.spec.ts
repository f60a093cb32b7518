import { expect, test } from "@playwright/test";
import { addComment } from "../lib/verification/comments";
import { createArticle, seedClaim } from "./support/articles";
import { signIn } from "./support/auth";
import { createPersonWithTeam, db } from "./support/db";

// The team's search box: grouped, ranked results across claims, rationales, comments, sources and
// articles, matched words marked, what users wrote never run as markup, and only the team's own rows.
test("the search box finds claims, rationales, comments, sources and articles, marks the words and links to each", async ({ page }) => {
  test.setTimeout(180_000);
  const editor = await createPersonWithTeam("searcher");
  const actor = { teamId: editor.team.id, userId: editor.user.id };
  const article = await createArticle(editor);
  const hostile = `<img src=x onerror="window.__searchXss=1">École militaire: Putin is forming private armies`;
  const claim = await seedClaim(editor, article.id, "private military companies", hostile);
  // The verdict's rules are tested elsewhere: the rationale is written as the verdict form stores it.
  await db.claim.update({ where: { id: claim.id }, data: { verdict: "unsubstantiated", rationale: "The ecole registry lists the armies' founders.", verdictById: editor.user.id, verdictAt: new Date() } });
  await addComment(db, actor, { claimId: claim.id, body: "Ask the École press office about the armies" });
  const comment = await db.claimComment.findFirstOrThrow({ where: { claimId: claim.id }, select: { id: true } });
  await db.source.create({ data: { teamId: editor.team.id, name: "École de guerre", nameKey: "ecole de guerre", kind: "organisation", createdById: editor.user.id } });
  // Another team's rows with the same words never show.
  const stranger = await createPersonWithTeam("stranger");
  const theirs = await createArticle(stranger);
  await seedClaim(stranger, theirs.id, "private military companies", "Stranger's claim about the École");

  await signIn(page, editor.email, editor.password);
  await page.goto(`/t/${editor.team.slug}`);
  const box = page.getByRole("searchbox", { name: "Search claims, rationales, comments, sources and articles" });
  await box.fill("ecole");
  await box.press("Enter");
  await expect(page).toHaveURL(/\?q=ecole$/);

  const results = page.getByRole("main");
  for (const heading of ["Claims", "Rationales", "Comments", "Sources"]) await expect(results.getByRole("heading", { name: heading, exact: true, level: 2 })).toBeVisible();
  await expect(results.getByRole("heading", { name: "Articles", exact: true, level: 2 })).toHaveCount(0);
  const claims = results.getByRole("list", { name: "Claims" });
  await expect(claims.getByRole("link", { name: hostile })).toHaveAttribute("href", `/t/${editor.team.slug}/articles/${article.id}/claims/${claim.id}`);
  await expect(claims.locator("mark")).toHaveText(["École"]);
  await expect(results.getByRole("list", { name: "Sources" }).locator("mark")).toHaveText(["École"]);
  await expect(page.getByText("Stranger's claim")).toHaveCount(0);
  // The claim's text is shown as text: no image element, no script run.
  await expect(results.locator("img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __searchXss?: number }).__searchXss)).toBeUndefined();
  await page.screenshot({ path: "test-results/search/results.png", fullPage: true });

  // Type-ahead prefix and a phrase: the article by its title, the claim by its words in order.
  await box.fill('"private armies" mysteri');
  await box.press("Enter");
  await expect(results.getByRole("list", { name: "Articles" }).getByRole("link", { name: /^Putin is forming mysterious private armies/ })).toBeVisible();
  await expect(results.getByRole("list", { name: "Articles" }).locator("mark").first()).toHaveText("mysterious");

  // A comment's hit opens the claim at the comment.
  await box.fill("press office");
  await box.press("Enter");
  await expect(page).toHaveURL(/\?q=press\+office$/);
  await results.getByRole("list", { name: "Comments" }).getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/claims/${claim.id}#comment-${comment.id}$`));
  await expect(page.locator(`#comment-${comment.id}`)).toContainText("Ask the École press office");

  // Punctuation only, and nothing found.
  await page.goto(`/t/${editor.team.slug}?q=${encodeURIComponent("%_%")}`);
  await expect(page.getByRole("status").filter({ hasText: "has only punctuation" })).toBeVisible();
  await page.goto(`/t/${editor.team.slug}?q=zzyzx`);
  await expect(page.getByText("Nothing in this team matches “zzyzx”.")).toBeVisible();
  await page.screenshot({ path: "test-results/search/no-results.png" });
});
