import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { createPersonWithTeam, db } from "./support/db";

const fixture = path.resolve("prisma/fixtures/putin-private-armies.txt");

test("an editor uploads the fixture, reviews the debris struck out, keeps one line, and imports it once", async ({ page }) => {
  const editor = await createPersonWithTeam("importer");
  await signIn(page, editor.email, editor.password);
  await page.getByRole("link", { name: "Import an article" }).click();
  await page.getByLabel("Upload a file").check();
  await page.getByLabel("Article file").setInputFiles(fixture);
  await page.getByRole("button", { name: "Read article" }).click();

  await expect(page.getByLabel("Title")).toHaveValue(/Putin is forming mysterious private armies/);
  const debris = page.getByTestId("debris-line");
  await expect(debris).toHaveCount(7);
  await expect(debris.filter({ hasText: "Read the original article on Business Insider" })).toBeVisible();
  await expect(page.getByText(/7 lines look like page debris/)).toBeVisible();
  await page.getByLabel("Outlet").fill("Business Insider");
  await page.getByLabel("Keep “Read the original article on Business Insider”").check();
  await page.getByRole("button", { name: "Import article" }).click();

  await expect(page).toHaveURL(/\/articles\/[^/?]+\?notice=imported/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Putin is forming mysterious private armies/);
  const version = await db.articleVersion.findFirstOrThrow({ where: { teamId: editor.team.id } });
  expect(version.text).not.toContain("Oops!");
  expect(version.text).toContain("Read the original article on Business Insider");
  expect(version.text).toContain("Russian President Vladimir Putin is forming private militias across Russia.");

  // The same text again is recognised and the editor is sent to the existing article.
  await page.goto(`/t/${editor.team.slug}/articles/new`);
  await page.getByLabel("Upload a file").check();
  await page.getByLabel("Article file").setInputFiles(fixture);
  await page.getByRole("button", { name: "Read article" }).click();
  await page.getByLabel("Keep “Read the original article on Business Insider”").check();
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${version.articleId}\\?notice=duplicate`));
  expect(await db.article.count({ where: { teamId: editor.team.id } })).toBe(1);
});

test("bad input gets a clear message and keeps what was typed", async ({ page }) => {
  const editor = await createPersonWithTeam("badinput");
  await signIn(page, editor.email, editor.password);
  await page.goto(`/t/${editor.team.slug}/articles/new`);
  await page.getByRole("button", { name: "Read article" }).click();
  await expect(page.getByText("There is no text to import: the paste is empty.")).toBeVisible();

  await page.getByLabel("Upload a file").check();
  await page.getByLabel("Article file").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
  await page.getByRole("button", { name: "Read article" }).click();
  await expect(page.getByText(/is not a supported file type/)).toBeVisible();

  await page.getByLabel("Article file").setInputFiles({ name: "binary.txt", mimeType: "text/plain", buffer: Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]) });
  await page.getByRole("button", { name: "Read article" }).click();
  await expect(page.getByText(/contains binary data, not text/)).toBeVisible();
  await expect(page.getByLabel("Upload a file")).toBeChecked();
  expect(await db.article.count({ where: { teamId: editor.team.id } })).toBe(0);
});

test("HTML is imported as text only, with its metadata prefilled", async ({ page }) => {
  const editor = await createPersonWithTeam("html");
  await signIn(page, editor.email, editor.password);
  await page.goto(`/t/${editor.team.slug}/articles/new`);
  const html = `<!doctype html><html><head><title>Ignored</title>
    <meta property="og:title" content="Council approves 3.5% budget rise">
    <meta property="og:site_name" content="Metro Gazette">
    <meta property="article:published_time" content="2024-03-05T09:00:00Z">
    <script>window.hacked = true</script><style>p{color:red}</style></head>
    <body><article><h1>Council approves 3.5% budget rise</h1>
    <p onclick="window.hacked=true">The city council approved a 3.5% rise on Tuesday, according to the mayor's office.</p>
    <img src="https://tracker.example/pixel.gif" width="1" height="1">
    <p>Opposition members said the rise would cost households $120 a year.</p></article></body></html>`;
  await page.getByLabel("Upload a file").check();
  await page.getByLabel("Article file").setInputFiles({ name: "saved-page.html", mimeType: "text/html", buffer: Buffer.from(html) });
  await page.getByRole("button", { name: "Read article" }).click();
  await expect(page.getByLabel("Title")).toHaveValue("Council approves 3.5% budget rise");
  await expect(page.getByLabel("Outlet")).toHaveValue("Metro Gazette");
  await expect(page.getByLabel("Published on")).toHaveValue("2024-03-05");
  await expect(page.getByTestId("import-preview")).not.toContainText("window.hacked");
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page).toHaveURL(/notice=imported/);
  expect(await page.evaluate(() => (window as unknown as { hacked?: boolean }).hacked)).toBeUndefined();
  const version = await db.articleVersion.findFirstOrThrow({ where: { teamId: editor.team.id } });
  expect(version.text).not.toMatch(/<|onclick|pixel/);
});

test("re-importing an edited version re-anchors the claims and flags the one whose passage changed", async ({ page }) => {
  const editor = await createPersonWithTeam("versions");
  const original = [
    "The council approved the budget on Monday.",
    "The new bridge will open in 2026, the mayor said.",
    "Critics said the cost rose to 90 million euros.",
  ].join("\n\n");
  const article = await db.article.create({
    data: {
      teamId: editor.team.id, title: "Bridge budget", url: "https://metro.example/bridge", createdById: editor.user.id,
      versions: { create: { number: 1, text: original, contentHash: "e2e-original", teamId: editor.team.id, createdById: editor.user.id } },
    },
    include: { versions: true },
  });
  const quotes = ["The council approved the budget on Monday.", "The new bridge will open in 2026"];
  for (const [index, quote] of quotes.entries()) {
    const start = original.indexOf(quote);
    await db.claim.create({
      data: {
        teamId: editor.team.id, articleId: article.id, versionId: article.versions[0].id, position: index + 1, quote,
        prefix: original.slice(Math.max(0, start - 32), start), suffix: original.slice(start + quote.length, start + quote.length + 32),
        start, end: start + quote.length, statement: quote, createdById: editor.user.id,
      },
    });
  }
  await signIn(page, editor.email, editor.password);
  await page.goto(`/t/${editor.team.slug}/articles/${article.id}`);
  await page.getByRole("link", { name: /new version/i }).click();
  const edited = `Breaking: an update.\n\n${original.replace("open in 2026", "open in 2028")}`;
  await page.getByRole("textbox", { name: "Article text" }).fill(edited);
  await page.getByRole("button", { name: "Read article" }).click();
  await page.getByRole("button", { name: "Import as new version" }).click();

  await expect(page.getByText(/Version 2 imported\. Claims re-anchored: \d+ moved, 1 changed, 0 lost/)).toBeVisible();
  await expect(page.getByText("The passage changed in version 2.")).toBeVisible();
  const claims = await db.claim.findMany({ where: { articleId: article.id }, orderBy: { position: "asc" } });
  expect(["anchored", "moved"]).toContain(claims[0].anchorState);
  expect(claims[1].anchorState).toBe("changed");
  expect(claims[1]).toMatchObject({ previousQuote: "The new bridge will open in 2026", quote: "The new bridge will open in 2028" });
});
