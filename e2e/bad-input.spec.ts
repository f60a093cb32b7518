/**
 * Bad input, end to end: script-like text in every field an editor fills (nothing runs, the text is
 * shown as text), Unicode of every kind, over-long fields, broken uploads, malformed and foreign
 * ids, cross-site POSTs and dead invitation links. Each gets a clear refusal and leaves nothing
 * half-written. The per-field refusals of every server action are in lib/**\/bad-input*.test.ts.
 */
import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { createArticle, seedClaim, selectText } from "./support/articles";
import { signIn, signUpThroughMail } from "./support/auth";
import { armTrap, chooseSource, dropMaxLength, payload, payloadUrl, shortPayload } from "./support/bad-input-trap";
import { createPersonWithTeam, db, TEST_PASSWORD } from "./support/db";
import { acceptInvitation, createInvitation } from "../lib/teams/invitations";
import { isInsidePair } from "../lib/text/truncate";
import { SOURCE_SITE_URL } from "./support/services";
import { publishSourcePage } from "./support/source-site";

const KARTAPOLOV = "The move is aimed at countering sabotage and internal threats, according to a statement by Duma defense committee chairman Andrey Kartapolov.";
const URL_REFUSED = "Enter a web address starting with http:// or https://";
const CITATION_URL_REFUSED = "Give a full web address starting with http:// or https://";

type Person = Awaited<ReturnType<typeof createPersonWithTeam>>;

async function openClaim(page: Page, person: Person, articleId: string, claimId: string) {
  await page.goto(`/t/${person.team.slug}/articles/${articleId}/claims/${claimId}`);
  await expect(page.locator("[data-claim-page][data-ready]")).toBeVisible();
}

/** Opens an article's workspace and waits until it takes selections. */
async function openWorkspace(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator("[data-workspace][data-ready]")).toBeAttached();
}

/** Signs up through the form (and the mailed link); returns the new user's team slug. */
async function signUp(page: Page, fields: { name: string; email: string; teamName: string }) {
  return signUpThroughMail(page, { ...fields, password: TEST_PASSWORD });
}

test.describe("script-like text is stored and shown as text, and never runs", () => {
  test("in the sign-up, team and import fields, pasted text and an uploaded page", async ({ page }) => {
    test.setTimeout(120_000);
    const trap = await armTrap(page);
    const email = `xss-${randomUUID().slice(0, 8)}@e2e.test`;
    const userName = shortPayload("user-name");
    const teamName = shortPayload("team-name");
    const slug = await signUp(page, { name: userName, email, teamName });
    await expect(page.getByTestId("current-team")).toHaveText(teamName);
    await trap.expectClean("the team's front page");
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: { include: { team: true } } } });
    expect(user.name).toBe(userName);
    expect(user.memberships[0].team.name).toBe(teamName);

    // Paste: the text is plain text whatever it looks like; the metadata takes the payloads as typed.
    await page.goto(`/t/${slug}/articles/new`);
    const pasted = [
      `Budget vote <script>__xss('paste-title')</script>`,
      "",
      `The council approved the budget <img src=x onerror="__xss('paste-body')"> on Tuesday.`,
      "",
      `Critics said "><svg onload=__xss('paste-body-2')> the rise was steep, see javascript:__xss('paste-link') for more.`,
    ].join("\n");
    await page.getByRole("textbox", { name: "Article text" }).fill(pasted);
    await page.getByRole("button", { name: "Read article" }).click();
    await expect(page.getByLabel("Title")).toHaveValue(`Budget vote <script>__xss('paste-title')</script>`);
    await trap.expectClean("the import preview");
    const title = payload("article-title");
    const outlet = payload("outlet");
    const author = payload("author");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Outlet").fill(outlet);
    await page.getByLabel("Author").fill(author);
    await page.getByLabel("Web address").fill("javascript:__xss('article-url')");
    await page.getByRole("button", { name: "Import article" }).click();
    await expect(page.getByText(URL_REFUSED)).toBeVisible();
    expect(await db.article.count({ where: { teamId: user.memberships[0].teamId } })).toBe(0);

    const url = payloadUrl("https://example.org/budget", "article-url");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Outlet").fill(outlet);
    await page.getByLabel("Author").fill(author);
    await page.getByLabel("Web address").fill(url);
    await page.getByRole("button", { name: "Import article" }).click();
    await expect(page).toHaveURL(/\/articles\/[^/?]+\?notice=imported/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    for (const line of [outlet, author, `<img src=x onerror="__xss('paste-body')">`, `"><svg onload=__xss('paste-body-2')>`, "javascript:__xss('paste-link')"]) {
      await expect(page.getByText(line, { exact: false }).first()).toBeVisible();
    }
    await expect(page.locator(`a[href="${url.replace(/"/g, '\\"')}"]`)).toHaveCount(1);
    await trap.expectClean("the workspace of the pasted article");
    const pastedArticle = await db.article.findFirstOrThrow({ where: { teamId: user.memberships[0].teamId }, include: { versions: true } });
    expect(pastedArticle).toMatchObject({ title, outlet, author, url });
    expect(pastedArticle.versions[0].text).toContain(`<img src=x onerror="__xss('paste-body')">`);

    // Upload: a saved page full of scripts and handlers is read as text; its scripts are gone.
    const html = `<!doctype html><html><head><title>Ignored</title>
      <meta property="og:title" content="&lt;img src=x onerror=__xss('og-title')&gt; Harbour plan">
      <meta property="og:url" content="javascript:__xss('og-url')">
      <meta property="og:site_name" content="Gazette &lt;script&gt;__xss('og-site')&lt;/script&gt;">
      <base href="javascript:__xss('base')//">
      <script>__xss('upload-script')</script>
      <style>body{background:url("javascript:__xss('upload-css')")}</style>
      </head><body onload="__xss('upload-body')"><article>
      <h1>Harbour plan</h1>
      <p onclick="__xss('upload-onclick')" onmouseover="__xss('upload-hover')">The harbour will be dredged in 2025, the port authority said on Monday.</p>
      <p>The plan quotes &lt;script&gt;__xss('upload-escaped')&lt;/script&gt; word for word.</p>
      <img src=x onerror="__xss('upload-img')"><iframe src="javascript:__xss('upload-iframe')"></iframe>
      <p><a href="javascript:__xss('upload-link')">Read the plan</a> on the authority's site.</p>
      <svg><script>__xss('upload-svg')</script></svg><object data="javascript:__xss('upload-object')"></object>
      </article></body></html>`;
    await page.goto(`/t/${slug}/articles/new`);
    await page.getByLabel("Upload a file").check();
    await page.getByLabel("Article file").setInputFiles({ name: "saved-page.html", mimeType: "text/html", buffer: Buffer.from(html) });
    await page.getByRole("button", { name: "Read article" }).click();
    await expect(page.getByLabel("Title")).toHaveValue("Harbour plan");
    await expect(page.getByLabel("Web address")).toHaveValue("");
    await expect(page.getByTestId("import-preview")).not.toContainText("upload-script");
    await trap.expectClean("the preview of the uploaded page");
    await page.getByRole("button", { name: "Import article" }).click();
    await expect(page).toHaveURL(/notice=imported/);
    await expect(page.getByText("<script>__xss('upload-escaped')</script>", { exact: false })).toBeVisible();
    await trap.expectClean("the workspace of the uploaded page");
    const uploaded = await db.articleVersion.findFirstOrThrow({ where: { teamId: user.memberships[0].teamId, source: { contains: "html" } } });
    expect(uploaded.text).not.toMatch(/upload-(script|onclick|hover|img|iframe|svg|object|css|body)|og-url/);

    // The team's lists and settings show the same text as text.
    for (const path of [`/t/${slug}`, `/t/${slug}/settings/members`, `/t/${slug}/my-claims`, `/t/${slug}/reports`]) {
      await page.goto(path);
      await trap.expectClean(path);
    }
    await page.goto(`/t/${slug}`);
    await expect(page.getByText(title).first()).toBeVisible();
    await page.goto(`/t/${slug}/settings/members`);
    await expect(page.getByText(userName).first()).toBeVisible();
  });

  test("in claims, citations, captures, comments, verdicts, sources and verdict labels, on every page that shows them", async ({ page }) => {
    test.setTimeout(180_000);
    const person = await createPersonWithTeam("xss");
    const article = await createArticle(person);
    const trap = await armTrap(page);
    await signIn(page, person.email, person.password);
    const team = person.team.slug;

    // A claim whose statement is a payload, made by selecting a passage.
    const statement = payload("statement");
    await openWorkspace(page, article.url);
    await selectText(page, KARTAPOLOV);
    await page.getByRole("button", { name: "Add claim" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a claim" });
    await dialog.getByLabel("Statement to check").fill(statement);
    await dialog.getByRole("button", { name: "Save claim" }).click();
    await expect(dialog).toBeHidden();
    const claim = await db.claim.findFirstOrThrow({ where: { articleId: article.id } });
    expect(claim.statement).toBe(statement);
    await trap.expectClean("the workspace after adding a claim");

    // A citation of a new source: javascript: addresses are refused, payload text is kept as typed.
    await openClaim(page, person, article.id, claim.id);
    const sourceName = payload("inline-source");
    const passage = payload("passage");
    const note = payload("citation-note");
    const form = page.getByRole("region", { name: "Add a citation" });
    await chooseSource(page, sourceName);
    await form.getByLabel("URL", { exact: true }).fill("javascript:__xss('citation-url')");
    await form.getByLabel("Archive URL").fill("JavaScript:__xss('archive-url')");
    await form.getByLabel("Passage (word for word)").fill(passage);
    await form.getByLabel("Note", { exact: true }).fill(note);
    await form.getByRole("button", { name: "Add citation" }).click();
    await expect(form.getByText(CITATION_URL_REFUSED)).toHaveCount(2);
    expect(await db.citation.count({ where: { claimId: claim.id } })).toBe(0);
    expect(await db.source.count({ where: { teamId: person.team.id } })).toBe(0);

    const pageName = `xss-${claim.id}`;
    const citedUrl = payloadUrl(`${SOURCE_SITE_URL}/${pageName}`, "citation-url");
    const archiveUrl = payloadUrl("https://archive.example/page", "archive-url");
    await publishSourcePage(
      SOURCE_SITE_URL,
      pageName,
      `<html><head><title>Militias</title><script>__xss('capture-script')</script></head><body onload="__xss('capture-body')"><article><h1>Militias</h1>
      <p>Moscow. The quote &lt;img src=x onerror=__xss('capture-text')&gt; was in the bill, Kartapolov said.</p>
      <p><img src=x onerror="__xss('capture-img')">More paragraphs follow here, as in any article of some length.</p></article></body></html>`,
    );
    await form.getByLabel("URL", { exact: true }).fill(citedUrl);
    await form.getByLabel("Archive URL").fill(archiveUrl);
    await form.getByRole("button", { name: "Add citation" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Citation of" })).toBeVisible();
    const citation = await db.citation.findFirstOrThrow({ where: { claimId: claim.id }, include: { source: true } });
    expect(citation).toMatchObject({ url: citedUrl, archiveUrl, passage, note, source: { name: sourceName } });
    await trap.expectClean("the claim page after adding a citation");

    // Capture the cited page: its snapshot is text.
    await page.getByRole("button", { name: `Capture page: ${sourceName}` }).click();
    await expect(page.getByRole("link", { name: `View capture of ${sourceName}` })).toBeVisible();
    await page.getByRole("link", { name: `View capture of ${sourceName}` }).click();
    await expect(page.getByText("<img src=x onerror=__xss('capture-text')>", { exact: false }).first()).toBeVisible();
    await trap.expectClean("the capture viewer");
    const capture = await db.sourceCapture.findFirstOrThrow({ where: { citationId: citation.id } });
    expect(capture.text).not.toMatch(/capture-(script|body|img)/);

    // A comment, a verdict and an assignment.
    await openClaim(page, person, article.id, claim.id);
    const comment = payload("comment");
    await page.getByLabel("Comment", { exact: true }).fill(comment);
    await page.getByRole("button", { name: "Add comment" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Comment added." })).toBeVisible();
    const rationale = payload("rationale");
    await page.getByRole("radio", { name: /^Not checkable/ }).check();
    await page.getByRole("textbox", { name: "Rationale" }).fill(rationale);
    await page.getByRole("button", { name: "Give verdict" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Verdict recorded." })).toBeVisible();
    await page.getByLabel("Assignee").selectOption(person.user.id);
    await expect(page.getByText("Saved as soon as you choose.")).toBeVisible();
    await expect.poll(async () => (await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).assigneeId).toBe(person.user.id);
    await trap.expectClean("the claim page after a comment and a verdict");

    // A registry source: a javascript: homepage is refused; the payloads are kept as typed.
    await page.goto(`/t/${team}/sources/new`);
    const registryName = payload("registry-source");
    const reliability = payload("reliability");
    const notes = payload("notes");
    const source = page.getByRole("form", { name: "New source" });
    await source.getByLabel("Name", { exact: true }).fill(registryName);
    await source.getByLabel("Homepage (optional)").fill("javascript:__xss('homepage')");
    await source.getByLabel("Reliability notes (optional)").fill(reliability);
    await source.getByLabel("Notes (optional)", { exact: true }).fill(notes);
    await source.getByRole("button", { name: "Add source" }).click();
    await expect(source.getByText(URL_REFUSED)).toBeVisible();
    expect(await db.source.count({ where: { teamId: person.team.id } })).toBe(1);
    const homepage = payloadUrl("https://example.org/", "homepage");
    await source.getByLabel("Homepage (optional)").fill(homepage);
    await source.getByRole("button", { name: "Add source" }).click();
    await expect(page.getByText("Source added to the registry.")).toBeVisible();
    const registry = await db.source.findFirstOrThrow({ where: { teamId: person.team.id, homepage } });
    expect(registry).toMatchObject({ name: registryName, reliability, notes });
    await trap.expectClean("the new source's page");

    // The team's verdict labels.
    await page.goto(`/t/${team}/settings/verification`);
    const label = shortPayload("label");
    const publicName = shortPayload("public-name");
    await page.getByLabel("Label for Not checkable").fill(label);
    await page.getByLabel("Public name for Not checkable").fill(publicName);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Verification settings saved.")).toBeVisible();
    await trap.expectClean("the verification settings");

    // Every page that shows them, as text.
    const pages: [string, string[]][] = [
      [article.url, [statement, label]],
      [`${article.url}/claims/${claim.id}`, [statement, sourceName, passage, note, comment, rationale, label]],
      [`${article.url}/sources`, [statement, sourceName]],
      [`/t/${team}/sources`, [sourceName, registryName]],
      [`/t/${team}/sources/${citation.sourceId}`, [sourceName, statement]],
      [`/t/${team}/sources/${registry.id}`, [registryName, reliability, notes]],
      [`/t/${team}/my-claims`, [statement, label]],
      [`/t/${team}/reports`, []],
      [`${article.url}/report`, []],
      [`/t/${team}/captures/${capture.id}`, [sourceName, statement]],
      [`/api/t/${team}/articles/${article.id}/report?format=html&inline=1&comments=1&final=0`, [statement, sourceName, passage, note, comment, rationale]],
    ];
    for (const [path, texts] of pages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      for (const text of texts) await expect(page.getByText(text, { exact: false }).first(), `${text} on ${path}`).toBeVisible();
      await trap.expectClean(path);
    }
    // Links to the typed addresses keep them as http(s) addresses.
    await page.goto(`${article.url}/claims/${claim.id}`);
    expect(await page.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href")!).filter((href) => /xss/.test(href)))).toEqual([citedUrl, archiveUrl]);
    await page.goto(`/t/${team}/sources/${registry.id}`);
    expect(await page.locator("a[href*='xss']").getAttribute("href")).toBe(homepage);
  });
});

// A refused save in the import's review step (here: a javascript: address) must keep what the
// editor typed: React resets the form after the action, and an editor who fixes only the address
// must not import the page's title instead of theirs without noticing.
test("a refused import keeps the metadata the editor typed", async ({ page }) => {
  const editor = await createPersonWithTeam("keeper");
  await signIn(page, editor.email, editor.password);
  await page.goto(`/t/${editor.team.slug}/articles/new`);
  await page.getByRole("textbox", { name: "Article text" }).fill("Harbour plan\n\nThe harbour will be dredged in 2025, the port authority said.");
  await page.getByRole("button", { name: "Read article" }).click();
  await page.getByLabel("Title").fill("Port authority to dredge the harbour");
  await page.getByLabel("Outlet").fill("Metro Gazette");
  await page.getByLabel("Web address").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.getByText(URL_REFUSED)).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Port authority to dredge the harbour");
  await expect(page.getByLabel("Outlet")).toHaveValue("Metro Gazette");
  await expect(page.getByLabel("Web address")).toHaveValue("javascript:alert(1)");
});

const FAMILY = "👨‍👩‍👧‍👦";
const EMOJI_SENTENCE = "The mayor posted 🏳️‍🌈 and 👩🏽‍💻 to celebrate the opening of the bridge.";
const ARABIC_SENTENCE = "قال رئيس البلدية إن الجسر الجديد سيفتح للمشاة يوم الثلاثاء.";
const HEBREW = "הגשר החדש נפתח להולכי רגל ביום שלישי.";
const CYRILLIC = "Мэр опубликовал 🏳️‍🌈 в честь открытия моста.";
const COMBINING = "Zalgo-ish q\u0307\u0323 and ǹ\u0331 and Cafe\u0301 keep their marks.";

test("right-to-left text, emoji sequences, combining marks and Cyrillic are saved and shown intact, and claims anchor over them", async ({ page }) => {
  test.setTimeout(120_000);
  const trap = await armTrap(page);
  const name = `زينب حداد ${"👩🏽‍💻"}`;
  const teamName = `Редакция «Факты» 🇺🇦 ${randomUUID().slice(0, 4)}`;
  const email = `unicode-${randomUUID().slice(0, 8)}@e2e.test`;
  const slug = await signUp(page, { name, email, teamName });
  await expect(page.getByTestId("current-team")).toHaveText(teamName);
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
  expect(user.name).toBe(name);
  const teamId = user.memberships[0].teamId;

  const title = `הכותרת: الجسر الجديد 🌉 Мост`;
  const text = [title, "", `Residents cheered ${FAMILY} as the bridge opened. ${EMOJI_SENTENCE}`, "", ARABIC_SENTENCE, "", HEBREW, "", COMBINING].join("\n");
  await page.goto(`/t/${slug}/articles/new`);
  await page.getByRole("textbox", { name: "Article text" }).fill(text);
  await page.getByRole("button", { name: "Read article" }).click();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page).toHaveURL(/notice=imported/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const version = await db.articleVersion.findFirstOrThrow({ where: { teamId } });
  expect(version.text).toBe(text.slice(title.length + 2).normalize("NFC"));
  for (const line of [EMOJI_SENTENCE, ARABIC_SENTENCE, HEBREW, COMBINING.normalize("NFC")]) await expect(page.getByText(line, { exact: false })).toBeVisible();

  // A claim by selection over the emoji sentence, another over the Arabic one; the highlights
  // and the stored quotes are exactly the selected text.
  await expect(page.locator("[data-workspace][data-ready]")).toBeAttached();
  const claims: [string, string][] = [
    [EMOJI_SENTENCE, CYRILLIC],
    [ARABIC_SENTENCE, `${HEBREW} ${FAMILY}`],
  ];
  for (const [sentence, statement] of claims) {
    const start = version.text.indexOf(sentence);
    // The quote's 32-character context does not cut an emoji here (that case is its own test below).
    expect(isInsidePair(version.text, start - 32) || isInsidePair(version.text, start + sentence.length + 32)).toBe(false);
    await selectText(page, sentence);
    await page.getByRole("button", { name: "Add claim" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a claim" });
    await expect(dialog.getByLabel("Exact quote")).toHaveValue(sentence);
    await dialog.getByLabel("Statement to check").fill(statement);
    await dialog.getByRole("button", { name: "Save claim" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator("#article-text mark[data-claims]").filter({ hasText: sentence.slice(0, 12) })).toHaveText(sentence);
    await expect(page.getByRole("list", { name: "Claims", exact: true }).getByText(statement)).toBeVisible();
  }
  const stored = await db.claim.findMany({ where: { teamId }, orderBy: { start: "asc" } });
  expect(stored.map((claim) => [claim.quote, claim.statement])).toEqual(claims);
  for (const claim of stored) expect(version.text.slice(claim.start, claim.end)).toBe(claim.quote);

  // On the claim page: a source with a Cyrillic name and emoji, a comment in three scripts.
  const sourceName = "Агентство «Новости» 📰";
  const comment = `👍🏽 تم التحقق ✔️ Проверено q\u0307\u0323 ${FAMILY}`;
  await page.goto(`/t/${slug}/articles/${stored[0].articleId}/claims/${stored[0].id}`);
  await expect(page.locator("[data-claim-page][data-ready]")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CYRILLIC);
  await chooseSource(page, sourceName);
  await page.getByRole("region", { name: "Add a citation" }).getByRole("button", { name: "Add citation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Citation of ${sourceName} added.` })).toBeVisible();
  await page.getByLabel("Comment", { exact: true }).fill(comment);
  await page.getByRole("button", { name: "Add comment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Comment added." })).toBeVisible();
  await page.reload();
  await expect(page.getByText(comment, { exact: true })).toBeVisible();
  await expect(page.getByText(sourceName).first()).toBeVisible();
  expect((await db.source.findFirstOrThrow({ where: { teamId } })).name).toBe(sourceName);
  expect((await db.claimComment.findFirstOrThrow({ where: { teamId } })).body).toBe(comment);
  await page.goto(`/t/${slug}/sources`);
  await expect(page.getByText(sourceName)).toBeVisible();
  await page.goto(`/t/${slug}/settings/members`);
  await expect(page.getByText(name).first()).toBeVisible();
  await trap.expectClean("the Unicode pages");
});

// The quote's 32-unit prefix must not cut the emoji in half (Prisma cannot write half of one);
// see lib/claims/bad-input.test.ts for the unit case.
test("a claim can be made on a sentence that follows an emoji by exactly 31 characters", async ({ page }) => {
  const editor = await createPersonWithTeam("emoji");
  const sentence = "The rocket lifted off at dawn on Tuesday.";
  const paragraph = `Launch 🚀 ${"x".repeat(28)}. ${sentence}`;
  const article = await createArticle(editor, paragraph);
  expect(isInsidePair(paragraph, paragraph.indexOf(sentence) - 32)).toBe(true);
  await signIn(page, editor.email, editor.password);
  await openWorkspace(page, article.url);
  await selectText(page, sentence);
  await page.getByRole("button", { name: "Add claim" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a claim" });
  await dialog.getByRole("button", { name: "Save claim" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator("#article-text mark[data-claims]")).toHaveText(sentence);
});

test("over-long statements, names, passages, rationales and comments get a field error and nothing is saved", async ({ page }) => {
  test.setTimeout(120_000);
  const editor = await createPersonWithTeam("long");
  const article = await createArticle(editor);
  const claim = await seedClaim(editor, article.id, KARTAPOLOV);
  const rows = async () => ({
    claims: await db.claim.count({ where: { teamId: editor.team.id } }),
    events: await db.claimEvent.count({ where: { teamId: editor.team.id } }),
    sources: await db.source.count({ where: { teamId: editor.team.id } }),
    citations: await db.citation.count({ where: { teamId: editor.team.id } }),
    comments: await db.claimComment.count({ where: { teamId: editor.team.id } }),
  });
  const before = await rows();
  await signIn(page, editor.email, editor.password);

  // A 2,001-character statement for a new claim.
  await openWorkspace(page, article.url);
  await selectText(page, "Fighters from the group met little resistance");
  await page.getByRole("button", { name: "Add claim" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a claim" });
  await dialog.getByLabel("Statement to check").fill("The mayor said so. ".repeat(106).slice(0, 2_001));
  await dialog.getByRole("button", { name: "Save claim" }).click();
  await expect(dialog.getByText("Keep the statement under 2000 characters")).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // A 201-character new source name and a 5,001-character passage in a citation.
  await openClaim(page, editor, article.id, claim.id);
  const form = page.getByRole("region", { name: "Add a citation" });
  await page.getByRole("combobox", { name: "Source", exact: true }).evaluate((element) => element.removeAttribute("maxlength"));
  await chooseSource(page, `The ${"Very ".repeat(40)}Long Gazette`.slice(0, 201));
  await form.getByRole("button", { name: "Add citation" }).click();
  await expect(form.getByText("Keep the name under 200 characters")).toBeVisible();
  await page.getByRole("combobox", { name: "Source", exact: true }).fill("");
  await chooseSource(page, "Short Gazette");
  await form.getByLabel("Passage (word for word)").evaluate((element) => element.removeAttribute("maxlength"));
  await form.getByLabel("Passage (word for word)").fill("p".repeat(5_001));
  await form.getByRole("button", { name: "Add citation" }).click();
  await expect(form.getByText("Keep the passage under 5,000 characters")).toBeVisible();

  // A 5,001-character comment and a 10,001-character rationale.
  const commentField = page.getByLabel("Comment", { exact: true });
  await commentField.evaluate((element) => element.removeAttribute("maxlength"));
  await commentField.fill("c".repeat(5_001));
  await page.getByRole("button", { name: "Add comment" }).click();
  await expect(page.getByText("Keep the comment under 5,000 characters")).toBeVisible();
  await page.getByRole("radio", { name: /^Not checkable/ }).check();
  const rationale = page.getByRole("textbox", { name: "Rationale" });
  await rationale.evaluate((element) => element.removeAttribute("maxlength"));
  await rationale.fill("r".repeat(10_001));
  await page.getByRole("button", { name: "Give verdict" }).click();
  await expect(page.getByText("Keep the rationale under 10,000 characters")).toBeVisible();

  // A 201-character name in the source registry.
  await page.goto(`/t/${editor.team.slug}/sources/new`);
  const source = page.getByRole("form", { name: "New source" });
  await dropMaxLength(page, 'form[aria-label="New source"] input[name="name"]');
  await source.getByLabel("Name", { exact: true }).fill("n".repeat(201));
  await source.getByRole("button", { name: "Add source" }).click();
  await expect(source.getByText("Name: at most 200 characters")).toBeVisible();

  expect(await rows()).toEqual(before);
  expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ verdict: null, rationale: null, revision: 1 });
});

/** Fills a field with `text` repeated, built in the page (megabytes over the wire are slow). */
async function fillHuge(field: Locator, text: string, times: number) {
  await field.evaluate((element, [chunk, count]) => {
    (element as HTMLTextAreaElement).value = (chunk as string).repeat(count as number);
    element.dispatchEvent(new Event("input", { bubbles: true }));
  }, [text, times] as const);
}

test.describe("uploads and pastes that cannot be read", () => {
  test("oversized, binary, non-UTF-8 and empty inputs get a clear message and add no article", async ({ page }) => {
    test.setTimeout(180_000);
    const editor = await createPersonWithTeam("uploads");
    await signIn(page, editor.email, editor.password);
    await page.goto(`/t/${editor.team.slug}/articles/new`);
    await page.getByLabel("Upload a file").check();
    const files: [string, Buffer, string, RegExp][] = [
      ["big.txt", Buffer.alloc(5 * 1024 * 1024 + 1, "a"), "text/plain", /"big\.txt" is 5\.0 MB; the limit is 5 MB\./],
      ["latin1.txt", Buffer.from("Caf\xe9 cr\xe8me br\xfbl\xe9e, the chef said on Monday.", "latin1"), "text/plain", /is not valid UTF-8 text/],
      ["scan.txt", Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "latin1"), "text/plain", /looks like a PDF document, not text/],
      ["photo.html", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "text/html", /looks like a PNG image, not text/],
      ["wide.txt", Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), "text/plain", /UTF-32 text is not supported/],
      ["program.md", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0]), "text/markdown", /contains binary data, not text/],
      ["broken16.txt", Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41]), "text/plain", /not valid UTF-16/],
      ["letter.docx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", /"letter\.docx" is not a supported file type/],
      ["scripts-only.html", Buffer.from("<html><head><script>__xss(1)</script></head><body><script>__xss(2)</script><style>p{}</style></body></html>"), "text/html", /No article text was found/],
    ];
    for (const [name, buffer, mimeType, message] of files) {
      await page.getByLabel("Article file").setInputFiles({ name, mimeType, buffer });
      await page.getByRole("button", { name: "Read article" }).click();
      await expect(page.getByText(message), name).toBeVisible();
      await expect(page.getByLabel("Upload a file")).toBeChecked();
    }

    // A paste over the 5 MB limit is refused with its size (by the form, before sending it).
    await page.getByLabel("Paste text").check();
    await fillHuge(page.getByRole("textbox", { name: "Article text" }), "Words of a very long article. ", 185_000);
    await page.getByRole("button", { name: "Read article" }).click();
    await expect(page.getByText(/The pasted text is 5\.\d MB; the limit is 5 MB\./)).toBeVisible({ timeout: 30_000 });
    expect(await db.article.count({ where: { teamId: editor.team.id } })).toBe(0);
    expect(await db.articleVersion.count({ where: { teamId: editor.team.id } })).toBe(0);
  });

  // Not "Choose a file": one was chosen, and it is empty.
  test("an empty file is named as empty", async ({ page }) => {
    const editor = await createPersonWithTeam("empty");
    await signIn(page, editor.email, editor.password);
    await page.goto(`/t/${editor.team.slug}/articles/new`);
    await page.getByLabel("Upload a file").check();
    await page.getByLabel("Article file").setInputFiles({ name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) });
    await page.getByRole("button", { name: "Read article" }).click();
    await expect(page.getByText('"empty.txt" is empty.')).toBeVisible();
  });

  // Past the server action body limit (next.config.ts bodySizeLimit "6mb") Next refuses the request
  // and the page is replaced by a crash screen; the form checks the paste's size before sending.
  test("a paste larger than the request limit gets a clear message, not a crash", async ({ page }) => {
    test.setTimeout(120_000);
    const editor = await createPersonWithTeam("hugepaste");
    await signIn(page, editor.email, editor.password);
    await page.goto(`/t/${editor.team.slug}/articles/new`);
    await fillHuge(page.getByRole("textbox", { name: "Article text" }), "Words of an article far too long. ", 220_000);
    await page.getByRole("button", { name: "Read article" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /limit is 5 MB|too large|too big/i })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("textbox", { name: "Article text" })).toBeVisible();
    expect(await db.article.count({ where: { teamId: editor.team.id } })).toBe(0);
  });
});

test.describe("malformed and foreign ids", () => {
  test("pages with a garbage, oversized or another team's id are 404 pages, never a server error", async ({ page }) => {
    test.setTimeout(180_000);
    const mine = await createPersonWithTeam("ids");
    const theirs = await createPersonWithTeam("other");
    const article = await createArticle(mine);
    const claim = await seedClaim(mine, article.id, KARTAPOLOV);
    const secondArticle = await createArticle(mine);
    const theirArticle = await createArticle(theirs);
    const theirClaim = await seedClaim(theirs, theirArticle.id, KARTAPOLOV);
    const theirSource = await db.source.create({ data: { teamId: theirs.team.id, name: "Their Outlet", nameKey: "their outlet", kind: "outlet", createdById: theirs.user.id } });
    const theirCitation = await db.citation.create({ data: { teamId: theirs.team.id, claimId: theirClaim.id, sourceId: theirSource.id, relation: "states", url: "https://example.org/", createdById: theirs.user.id } });
    const theirCapture = await db.sourceCapture.create({ data: { teamId: theirs.team.id, citationId: theirCitation.id, url: "https://example.org/", text: "Their snapshot", passageState: "no_passage", fetchedById: theirs.user.id } });
    await signIn(page, mine.email, mine.password);

    const team = `/t/${mine.team.slug}`;
    const garbage = ["nope", "x".repeat(10_000), "%00", "%3Cscript%3E__xss(1)%3C%2Fscript%3E", "..%2F..%2Fetc%2Fpasswd", "'%20OR%201=1--", "%F0%9F%91%A9%E2%80%8D%F0%9F%91%A9", "%25", "a%2Fb"];
    const paths = [
      ...garbage.flatMap((id) => [
        `${team}/articles/${id}`,
        `${team}/articles/${id}/sources`,
        `${team}/articles/${id}/report`,
        `${team}/articles/${id}/new-version`,
        `${team}/articles/${article.id}/claims/${id}`,
        `${team}/articles/${id}/claims/${claim.id}`,
        `${team}/sources/${id}`,
        `${team}/captures/${id}`,
        `/t/${id}/articles/${article.id}`,
      ]),
      `${team}/articles/${theirArticle.id}`,
      `${team}/articles/${theirArticle.id}/sources`,
      `${team}/articles/${theirArticle.id}/claims/${theirClaim.id}`,
      `${team}/articles/${article.id}/claims/${theirClaim.id}`,
      `${team}/articles/${secondArticle.id}/claims/${claim.id}`,
      `${team}/sources/${theirSource.id}`,
      `${team}/captures/${theirCapture.id}`,
      `/t/${theirs.team.slug}/articles/${theirArticle.id}`,
      `/t/${theirs.team.slug}/captures/${theirCapture.id}`,
    ];
    // Only the claim is missing: its page sits under the article's loading.tsx, so its notFound()
    // comes once a 200 has begun streaming (Next then marks the page noindex). A missing article
    // or team is a real 404, decided by a layout before anything streams.
    const isClaimOnly = (path: string) => [article.id, secondArticle.id].some((id) => path.startsWith(`${team}/articles/${id}/claims/`));
    for (const path of paths) {
      const response = await page.request.get(path);
      const where = path.slice(0, 160);
      const html = await response.text();
      expect(html, where).toContain("This page could not be found.");
      expect(isClaimOnly(path) ? [200, 404] : [404], where).toContain(response.status());
      if (response.status() === 200) expect(html, where).toMatch(/<meta name="robots" content="noindex"/);
    }
    // In the browser, too: the not-found page, and nothing from the address runs.
    const trap = await armTrap(page);
    for (const path of [`${team}/articles/%3Cscript%3E__xss(1)%3C%2Fscript%3E`, `${team}/articles/${theirArticle.id}/claims/${theirClaim.id}`, `${team}/captures/${theirCapture.id}`]) {
      await page.goto(path);
      await expect(page.getByText("This page could not be found.")).toBeVisible();
    }
    await trap.expectClean("the 404 pages");

    // The report route answers JSON: 404 for ids, 400 for bad options, never 500.
    const api: [string, number, RegExp][] = [
      ...garbage.map((id): [string, number, RegExp] => [`/api${team}/articles/${id}/report?format=json`, 404, /does not exist/]),
      [`/api${team}/articles/${theirArticle.id}/report?format=json`, 404, /does not exist/],
      [`/api/t/${theirs.team.slug}/articles/${theirArticle.id}/report?format=json`, 404, /not a member/],
      [`/api/t/${"x".repeat(5_000)}/articles/${article.id}/report`, 404, /not a member/],
      [`/api${team}/articles/${article.id}/report?format=%3Cscript%3E`, 400, /Unknown format/],
      [`/api${team}/articles/${article.id}/report?format=json&history=maybe`, 400, /history must be 1 or 0/],
      [`/api${team}/articles/${article.id}/report?format=json&reviewUrl=javascript:alert(1)`, 400, /reviewUrl must be a web address/],
      [`/api${team}/reports/export?from=yesterday&to=2024-01-01`, 400, /start date must look like/],
      [`/api${team}/reports/export?from=2024-02-30&to=2024-03-01`, 400, /not a day on the calendar/],
      [`/api${team}/reports/export?from=2020-01-01&to=2024-01-01`, 400, /at most 366 days/],
      [`/api${team}/reports/export?format=xlsx`, 400, /csv or json/],
    ];
    for (const [path, status, message] of api) {
      const response = await page.request.get(path);
      expect(response.status(), path.slice(0, 160)).toBe(status);
      expect((await response.json()).error, path.slice(0, 160)).toMatch(message);
    }
  });

  // A path segment that is not valid UTF-8 once percent-decoded (%FF, %C0%AF, %ED%A0%80, a lone
  // surrogate) made Next 16's decoding of dynamic route params answer a bare 500; proxy.ts
  // refuses such an address first.
  test("an address that is not valid UTF-8 is a 400 or 404, not a server error", async ({ page }) => {
    const editor = await createPersonWithTeam("utf8");
    const article = await createArticle(editor);
    await signIn(page, editor.email, editor.password);
    const team = `/t/${editor.team.slug}`;
    for (const bad of ["%FF", "%C0%AF", "%ED%A0%80"]) {
      for (const path of [`${team}/articles/${bad}`, `${team}/articles/${article.id}/claims/${bad}`, `${team}/sources/${bad}`, `${team}/captures/${bad}`, `/t/${bad}`, `/invite/${bad}`, `/api${team}/articles/${bad}/report`]) {
        const response = await page.request.get(path);
        expect([400, 404], path).toContain(response.status());
      }
    }
  });

  // The search is cut at 200 characters; half an emoji at the cut is a string Prisma cannot send.
  test("a search longer than 200 characters with an emoji at the cut still lists", async ({ page }) => {
    const editor = await createPersonWithTeam("search");
    await signIn(page, editor.email, editor.password);
    const q = encodeURIComponent(`${"a".repeat(199)}😀 more`);
    for (const path of [`/t/${editor.team.slug}?q=${q}`, `/t/${editor.team.slug}/sources?q=${q}`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
    }
  });

  test("search and filter parameters of any shape are answered with the page", async ({ page }) => {
    const editor = await createPersonWithTeam("params");
    await signIn(page, editor.email, editor.password);
    const team = `/t/${editor.team.slug}`;
    const values = ["%ED%A0%80", "%00", "x".repeat(5_000), "%3Cscript%3E__xss(1)%3C%2Fscript%3E", "%25%25%25", "%F0%9F%91%A9%E2%80%8D%F0%9F%91%A9"];
    const trap = await armTrap(page);
    for (const value of values) {
      for (const path of [`${team}?q=${value}&status=${value}`, `${team}/sources?q=${value}&kind=${value}`, `${team}/reports?from=${value}&to=${value}`, `${team}/my-claims?tab=${value}`]) {
        const response = await page.goto(path);
        expect(response?.status(), path.slice(0, 120)).toBe(200);
      }
    }
    await trap.expectClean("pages with odd parameters");
  });
});

test.describe("cross-site requests", () => {
  test("a server action replayed with a foreign Origin is refused; route handlers take no POST; nothing changes", async ({ page, context, browser }) => {
    test.setTimeout(120_000);
    const editor = await createPersonWithTeam("csrf");
    const article = await createArticle(editor);
    const claim = await seedClaim(editor, article.id, KARTAPOLOV);
    await signIn(page, editor.email, editor.password);
    await openClaim(page, editor, article.id, claim.id);

    // A genuine request of the app, to replay.
    await page.getByLabel("Comment", { exact: true }).fill("Genuine comment");
    const [request] = await Promise.all([
      page.waitForRequest((candidate) => candidate.method() === "POST" && Boolean(candidate.headers()["next-action"])),
      page.getByRole("button", { name: "Add comment" }).click(),
    ]);
    await expect(page.getByRole("status").filter({ hasText: "Comment added." })).toBeVisible();
    const actionId = request.headers()["next-action"];
    const headers = Object.fromEntries(["next-action", "content-type", "next-router-state-tree"].flatMap((name) => (request.headers()[name] ? [[name, request.headers()[name]]] : [])));
    const replay = (body: string, origin: string) =>
      context.request.post(request.url(), { headers: { ...headers, origin }, data: request.postData()!.replace("Genuine comment", body) });
    const comments = () => db.claimComment.findMany({ where: { claimId: claim.id }, select: { body: true }, orderBy: { createdAt: "asc" } });

    for (const origin of ["https://evil.example", "null", `http://127.0.0.1:${new URL(request.url()).port}`, `http://localhost.evil.example:${new URL(request.url()).port}`]) {
      const response = await replay(`Forged from ${origin}`, origin);
      expect(await response.text(), origin).not.toContain("Comment added.");
    }
    expect((await comments()).map((comment) => comment.body)).toEqual(["Genuine comment"]);
    // The same replay from the app's own origin works: the refusals above were the Origin check's.
    const control = await replay("Same-origin replay", new URL(request.url()).origin);
    expect(await control.text()).toContain("Comment added.");
    expect((await comments()).map((comment) => comment.body)).toEqual(["Genuine comment", "Same-origin replay"]);

    // Route handlers answer GET only; a POST from another site is refused before it reaches them
    // (proxy.ts), and one from the app's own origin gets a 405.
    for (const path of [`/api/t/${editor.team.slug}/articles/${article.id}/report`, `/api/t/${editor.team.slug}/reports/export`]) {
      const response = await context.request.post(path, { headers: { origin: "https://evil.example" }, form: { format: "json" } });
      expect(response.status(), path).toBe(403);
      const own = await context.request.post(path, { headers: { origin: new URL(request.url()).origin }, form: { format: "json" } });
      expect(own.status(), path).toBe(405);
    }
    // next-auth: signing out or in without its CSRF token does nothing.
    await context.request.post("/api/auth/signout", { headers: { origin: "https://evil.example" }, form: { callbackUrl: "https://evil.example" }, maxRedirects: 0 });
    await page.goto(`/t/${editor.team.slug}`);
    await expect(page).toHaveURL(new RegExp(`/t/${editor.team.slug}$`));
    const stranger = await browser.newContext();
    await stranger.request.post("/api/auth/callback/credentials", {
      headers: { origin: "https://evil.example" },
      form: { email: editor.email, password: editor.password, callbackUrl: "https://evil.example/" },
      maxRedirects: 0,
    });
    expect((await stranger.cookies()).filter((cookie) => cookie.name.includes("session-token"))).toEqual([]);
    await stranger.close();

    // A page on another site that auto-submits forms to the app, in the signed-in browser.
    const app = new URL(request.url()).origin;
    const forms: [string, string][] = [
      ["action", `<form method="post" enctype="multipart/form-data" action="${app}/t/${editor.team.slug}/articles/${article.id}/claims/${claim.id}">
        <input type="hidden" name="$ACTION_ID_${actionId}" value=""><input name="team" value="${editor.team.slug}">
        <input name="claimId" value="${claim.id}"><input name="body" value="Cross-site comment"></form>`],
      ["signout", `<form method="post" action="${app}/api/auth/signout"><input name="callbackUrl" value="https://evil.example"></form>`],
      ["report", `<form method="post" action="${app}/api/t/${editor.team.slug}/articles/${article.id}/report"><input name="format" value="json"></form>`],
    ];
    for (const [name, form] of forms) {
      const url = await publishSourcePage(SOURCE_SITE_URL, `csrf-${claim.id}-${name}`, `<!doctype html><html><body>${form}<script>document.forms[0].submit()</script></body></html>`);
      await page.goto(url);
      // The form has left the other site (an error page of the browser counts: a 405 has no body).
      await page.waitForURL((address) => !address.href.startsWith(SOURCE_SITE_URL), { timeout: 15_000 });
      await page.waitForLoadState("load");
    }
    expect((await comments()).map((comment) => comment.body)).toEqual(["Genuine comment", "Same-origin replay"]);
    await page.goto(`/t/${editor.team.slug}`);
    await expect(page).toHaveURL(new RegExp(`/t/${editor.team.slug}$`));
    await expect(page.getByTestId("current-team")).toHaveText(editor.team.name);
  });
});

test.describe("dead invitation links", () => {
  test("expired, withdrawn, used and malformed links explain themselves, signed in or not, and change nothing", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const owner = await createPersonWithTeam("inviter");
    const stranger = await createPersonWithTeam("stranger");
    const joiner = await createPersonWithTeam("joiner");
    const invite = (role: "owner" | "editor", email = stranger.email) => createInvitation(db, { teamId: owner.team.id, role, email, actorId: owner.user.id });
    const expired = await invite("editor");
    await db.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const withdrawn = await invite("owner");
    const used = await invite("editor", joiner.email);
    await acceptInvitation(db, { token: used.token, userId: joiner.user.id });

    // The owner withdraws one through the members page.
    const ownerContext = await browser.newContext();
    const ownerPage = await ownerContext.newPage();
    await signIn(ownerPage, owner.email, owner.password);
    await ownerPage.goto(`/t/${owner.team.slug}/settings/members`);
    ownerPage.once("dialog", (dialog) => void dialog.accept());
    await ownerPage.getByRole("listitem").filter({ hasText: "Owner" }).getByRole("button", { name: "Withdraw" }).first().click();
    await expect.poll(async () => (await db.invitation.findUniqueOrThrow({ where: { id: withdrawn.id } })).revokedAt).not.toBeNull();
    await ownerContext.close();

    const state = async () => ({
      memberships: await db.membership.findMany({ where: { teamId: owner.team.id }, orderBy: { id: "asc" } }),
      invitations: await db.invitation.findMany({ where: { teamId: owner.team.id }, orderBy: { id: "asc" } }),
      users: await db.user.count(),
    });
    const before = await state();
    const links: [string, RegExp][] = [
      [expired.token, /has expired\. Ask the team's owner for a new one/],
      [withdrawn.token, /was withdrawn by the team/],
      [used.token, /has already been used/],
      ["not-a-real-token", /not valid\. Check that you copied all of it/],
      ["t".repeat(5_000), /not valid/],
      ["%3Cscript%3E__xss(1)%3C%2Fscript%3E", /not valid/],
      [`${used.token.slice(0, -1)}x`, /not valid/],
    ];

    const guest = await browser.newContext();
    const guestPage = await guest.newPage();
    const guestTrap = await armTrap(guestPage);
    await signIn(page, stranger.email, stranger.password);
    for (const [token, message] of links) {
      // Signed out: the reason, and no way to join.
      const response = await guestPage.goto(`/invite/${token}`);
      expect(response?.status(), token.slice(0, 40)).toBe(200);
      await expect(guestPage.getByRole("alert").filter({ hasText: message })).toBeVisible();
      await expect(guestPage.getByRole("link", { name: "Create an account to join" })).toHaveCount(0);
      await guestPage.goto(`/sign-up?invitation=${token}`);
      await expect(guestPage.getByRole("alert").filter({ hasText: /This invitation link no longer works/ })).toBeVisible();
      await expect(guestPage.getByRole("button", { name: "Create account", exact: true })).toBeVisible();
      // Signed in as someone else: the same reason, no Join button.
      await page.goto(`/invite/${token}`);
      await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
      await expect(page.getByRole("button", { name: /^Join / })).toHaveCount(0);
    }
    await guestTrap.expectClean("the invitation pages");
    expect(await state()).toEqual(before);
    await guest.close();
  });

  test("a link that dies while its page is open is refused on Join and on sign-up; a second Join is refused", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const owner = await createPersonWithTeam("inviter");
    const stranger = await createPersonWithTeam("stranger");
    const invite = (email = stranger.email) => createInvitation(db, { teamId: owner.team.id, role: "editor", email, actorId: owner.user.id });
    const members = () => db.membership.count({ where: { teamId: owner.team.id } });
    await signIn(page, stranger.email, stranger.password);
    const join = page.getByRole("button", { name: `Join ${owner.team.name}` });

    // Withdrawn, then expired, while the stranger looks at the invitation.
    for (const [kill, message] of [
      [(id: string) => db.invitation.update({ where: { id }, data: { revokedAt: new Date() } }), /was withdrawn by the team/],
      [(id: string) => db.invitation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1_000) } }), /has expired/],
    ] as const) {
      const invitation = await invite();
      await page.goto(`/invite/${invitation.token}`);
      await expect(join).toBeVisible();
      await kill(invitation.id);
      await join.click();
      await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
      expect(await members()).toBe(1);
    }

    // Sign-up through a link withdrawn meanwhile: refused, and no account is left behind.
    const email = `late-${randomUUID().slice(0, 8)}@e2e.test`;
    const signUpLink = await invite(email);
    const guest = await browser.newContext();
    const guestPage = await guest.newPage();
    await guestPage.goto(`/sign-up?invitation=${signUpLink.token}`);
    await expect(guestPage.getByLabel("Work email")).toHaveValue(email);
    await guestPage.getByLabel("Your name").fill("Late Comer");
    await guestPage.getByLabel("Password").fill(TEST_PASSWORD);
    await db.invitation.update({ where: { id: signUpLink.id }, data: { revokedAt: new Date() } });
    await guestPage.getByRole("button", { name: `Create account and join ${owner.team.name}` }).click();
    await expect(guestPage.getByRole("alert").filter({ hasText: /was withdrawn by the team/ })).toBeVisible();
    expect(await db.user.count({ where: { email } })).toBe(0);
    await guest.close();

    // The same link open in two tabs: the first Join works, the second is refused.
    const twice = await invite();
    const second = await page.context().newPage();
    await page.goto(`/invite/${twice.token}`);
    await second.goto(`/invite/${twice.token}`);
    await join.click();
    await expect(page).toHaveURL(new RegExp(`/t/${owner.team.slug}\\?notice=joined`));
    await second.getByRole("button", { name: `Join ${owner.team.name}` }).click();
    await expect(second.getByRole("alert").filter({ hasText: /has already been used/ })).toBeVisible();
    expect(await db.membership.count({ where: { teamId: owner.team.id, userId: stranger.user.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { teamId: owner.team.id, type: "invitation.accepted" } })).toBe(1);
  });
});
