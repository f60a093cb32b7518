import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { createPersonWithTeam, db } from "./support/db";
import { SOURCE_SITE_URL } from "./support/services";
import { publishSourcePage } from "./support/source-site";

const story = readFileSync("lib/articles/__fixtures__/bbc-style-article.html", "utf8");

test("an editor imports an article by its address, then re-fetches it: unchanged, then changed as version 2", async ({ page }) => {
  const editor = await createPersonWithTeam("byaddress");
  const name = `flood-bill-${editor.team.id}`;
  const address = await publishSourcePage(SOURCE_SITE_URL, name, story);
  await signIn(page, editor.email, editor.password);
  await page.goto(`/t/${editor.team.slug}/articles/new`);

  // A failed fetch says why and loses nothing: neither the address nor a paste begun before.
  await page.getByLabel("Article text").fill("Notes I was pasting");
  await page.getByLabel("Fetch from a web address").check();
  const field = page.getByLabel("Web address of the article");
  await field.fill(`${SOURCE_SITE_URL}/no-such-${name}`);
  await page.getByRole("button", { name: "Fetch and read" }).click();
  await expect(page.getByText(/The server answered 404 \(Not Found\)/)).toBeVisible();
  await expect(field).toHaveValue(`${SOURCE_SITE_URL}/no-such-${name}`);
  await page.getByLabel("Paste text").check();
  await expect(page.getByLabel("Article text")).toHaveValue("Notes I was pasting");

  await page.getByLabel("Fetch from a web address").check();
  await field.fill(address);
  await page.getByRole("button", { name: "Fetch and read" }).click();
  await expect(page.getByLabel("Title")).toHaveValue("Senate passes emergency flood relief bill after all-night session");
  await expect(page.getByLabel("Author")).toHaveValue("Jane Smith");
  await expect(page.getByLabel("Published on")).toHaveValue("2026-12-02");
  await expect(page.getByText(`Fetched from ${address}`)).toBeVisible();
  await expect(page.getByTestId("import-preview")).toContainText("The bill passed by 62 votes to 36");
  await page.getByRole("button", { name: "Import article" }).click();

  await expect(page).toHaveURL(/\/articles\/[^/?]+\?notice=imported/);
  await expect(page.getByTestId("version-capture")).toContainText(`This version was fetched from ${address}`);
  const article = await db.article.findFirstOrThrow({ where: { teamId: editor.team.id }, select: { id: true } });

  await page.getByRole("link", { name: "Re-fetch" }).click();
  await expect(page.getByRole("heading", { name: "Re-fetch the article" })).toBeVisible();
  await expect(page.getByLabel("Web address of the article")).toHaveValue(address);
  await page.getByRole("button", { name: "Fetch and read" }).click();
  await expect(page.getByText(/Unchanged: the article at .* reads the same as version 1/)).toBeVisible();

  await publishSourcePage(SOURCE_SITE_URL, name, story.replace("by 62 votes to 36", "by 63 votes to 36"));
  await page.getByRole("button", { name: "Fetch and read" }).click();
  await expect(page.getByText(/This text becomes version 2 of/)).toBeVisible();
  await expect(page.getByTestId("import-preview")).toContainText("The bill passed by 63 votes to 36");
  await page.getByRole("button", { name: "Import as new version" }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${article.id}\\?notice=new-version&version=2`));

  const versions = await db.articleVersion.findMany({ where: { articleId: article.id }, orderBy: { number: "asc" }, select: { capture: { select: { finalUrl: true, pageSha256: true } } } });
  expect(versions.map((version) => version.capture?.finalUrl)).toEqual([address, address]);
  expect(new Set(versions.map((version) => version.capture?.pageSha256)).size).toBe(2);
});
