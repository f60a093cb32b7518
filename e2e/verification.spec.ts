import { expect, test, type Page } from "@playwright/test";
import { createArticle, seedClaim } from "./support/articles";
import { signIn, signInTwo } from "./support/auth";
import { addMember, createPersonWithTeam, db } from "./support/db";
import { SOURCE_SITE_URL } from "./support/services";
import { publishSourcePage } from "./support/source-site";

const PLANS = `The plans for the private military companies, or "special enterprises," were noted in a new bill that raises the draft age for the Russian military.`;
const KARTAPOLOV = "The move is aimed at countering sabotage and internal threats, according to a statement by Duma defense committee chairman Andrey Kartapolov.";
const RATIONALE = "The amendments on special enterprises are in the bill itself, which we read on the Duma's site.";

/** Picks a registry source, or creates it inline, through the Source combobox (keyboard only). */
async function chooseSource(page: Page, name: string) {
  const source = page.getByRole("combobox", { name: "Source" });
  await source.fill(name);
  const listbox = page.getByRole("listbox", { name: "Matching sources" });
  await expect(listbox.getByRole("option").first()).toBeVisible();
  const existing = listbox.getByRole("option", { name: new RegExp(`^${name}`) });
  const option = (await existing.count()) > 0 ? existing.first() : listbox.getByRole("option", { name: `Create new source “${name}”` });
  await option.click();
}

async function addCitation(page: Page, fields: { source: string; kind?: string; url?: string; passage?: string; relation?: string; via?: string; origin?: boolean }) {
  const form = page.getByRole("region", { name: /^(Add a citation|Trace further)/ });
  await chooseSource(page, fields.source);
  if (fields.kind) await form.getByLabel("Kind of the new source").selectOption({ label: fields.kind });
  if (fields.relation) await form.getByLabel("Relation to the claim").selectOption({ label: fields.relation });
  if (fields.url) await form.getByLabel("URL", { exact: true }).fill(fields.url);
  if (fields.passage) await form.getByLabel("Passage (word for word)").fill(fields.passage);
  if (fields.via) await form.getByLabel("Cited via").selectOption({ label: fields.via });
  if (fields.origin) await form.getByLabel("This is the origin (primary source reached)").check();
  await form.getByRole("button", { name: "Add citation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Citation of ${fields.source} added.` })).toBeVisible();
}

async function openClaim(page: Page, person: Awaited<ReturnType<typeof createPersonWithTeam>>, articleId: string, claimId: string) {
  await page.goto(`/t/${person.team.slug}/articles/${articleId}/claims/${claimId}`);
  await expect(page.locator("[data-claim-page][data-ready]")).toBeVisible();
}

test("an editor traces a claim to the Duma bill, sees one origin behind two outlets, and gives a verdict that enters the history", async ({ page }) => {
  const person = await createPersonWithTeam("tracer");
  const article = await createArticle(person);
  const claim = await seedClaim(person, article.id, PLANS);
  await signIn(page, person.email, person.password);
  await page.goto(article.url);
  await page.getByRole("link", { name: /^Open/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PLANS);
  await expect(page.locator("[data-claim-page][data-ready]")).toBeVisible();

  // Insider <- The Daily Beast <- the bill: the article cites the Beast, which got it from the bill.
  await addCitation(page, { source: "The Daily Beast", url: "https://www.thedailybeast.com/putin-private-armies" });
  await page.getByRole("button", { name: "Trace further: where did The Daily Beast get this?" }).click();
  await addCitation(page, { source: "Duma bill on the draft age", kind: "Document", origin: true });
  await addCitation(page, { source: "The Barents Observer", relation: "Corroborates", via: "Duma bill on the draft age (states)" });

  await expect(page.getByTestId("trace-summary")).toHaveText("2 outlets, 1 origin: Duma bill on the draft age");
  await expect(page.getByText("1 origin, repeated by 2 sources")).toBeVisible();
  const paths = page.getByRole("list", { name: "Provenance paths" });
  await expect(paths.getByRole("listitem").filter({ hasText: /^Path \d: Origin reached/ })).toHaveCount(2);

  await page.getByRole("radio", { name: /^Accurate/ }).check();
  await page.getByRole("textbox", { name: "Rationale" }).fill(RATIONALE);
  await page.getByRole("button", { name: "Give verdict" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Verdict recorded." })).toBeVisible();
  const history = page.getByRole("list", { name: "History" });
  await expect(history.getByText(/gave a verdict/).first()).toBeVisible();
  await expect(history).toContainText(RATIONALE);

  // The verdict stands alone; the form is behind "Change verdict", which moves focus into it.
  const change = page.getByRole("button", { name: "Change verdict" });
  await expect(page.getByRole("radio", { name: /^Accurate/ })).toHaveCount(0);
  await expect(change).toHaveAttribute("aria-expanded", "false");
  if (process.env.FRICTION_SCREENSHOTS) await page.locator("section[aria-labelledby=verdict-heading]").screenshot({ path: `${process.env.FRICTION_SCREENSHOTS}/verdict-closed.png` });
  await change.click();
  await expect(change).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("radio", { name: /^Accurate/ })).toBeFocused();
  if (process.env.FRICTION_SCREENSHOTS) await page.locator("section[aria-labelledby=verdict-heading]").screenshot({ path: `${process.env.FRICTION_SCREENSHOTS}/verdict-open.png` });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("radio", { name: /^Accurate/ })).toHaveCount(0);
  await expect(change).toBeFocused();
  await expect(page).toHaveURL(/\/claims\//);
  // The "v" shortcut opens it too; Cancel closes it.
  await page.keyboard.press("v");
  await expect(page.getByRole("radio", { name: /^Accurate/ })).toBeFocused();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("radio", { name: /^Accurate/ })).toHaveCount(0);
  await expect(change).toBeFocused();

  // What the browser showed is what was stored.
  const stored = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, include: { citations: { include: { source: true } } } });
  expect(stored).toMatchObject({ verdict: "accurate", rationale: RATIONALE, status: "in_progress" });
  const beast = stored.citations.find((citation) => citation.source.name === "The Daily Beast")!;
  const bill = stored.citations.find((citation) => citation.source.name === "Duma bill on the draft age")!;
  expect(beast.viaCitationId).toBe(bill.id);
  expect(bill.isOrigin).toBe(true);

  // The source map flags the claim as resting on a single origin, repeated by two outlets.
  await page.getByRole("link", { name: "Source map" }).first().click();
  await expect(page.getByRole("heading", { name: "Source map" })).toBeVisible();
  await expect(page.getByText("1 claim: 1 rests on a single origin repeated by several sources")).toBeVisible();
});

test("a stale save is refused with the other editor's change, and nothing is lost", async ({ browser }) => {
  const owner = await createPersonWithTeam("owner");
  const colleague = await createPersonWithTeam("colleague");
  await addMember(owner.team.id, colleague.user.id, "editor");
  const article = await createArticle(owner);
  const claim = await seedClaim(owner, article.id, KARTAPOLOV);
  const { firstPage: myPage, secondPage: theirPage, close } = await signInTwo(browser, owner, colleague);
  // My page has lost its live updates (a dropped connection), so it stays as it was loaded: the
  // save must be refused, not laid over their change (e2e/live.spec.ts has live updates on).
  await myPage.route(/\/api\/t\/[^/]+\/live/, (route) => route.abort());
  await openClaim(myPage, owner, article.id, claim.id);
  await openClaim(theirPage, owner, article.id, claim.id);

  await theirPage.getByRole("button", { name: "Move to In progress" }).click();
  await expect(theirPage.getByRole("status").filter({ hasText: "State changed to" })).toBeVisible();

  await myPage.getByRole("radio", { name: /^Not checkable/ }).check();
  await myPage.getByRole("textbox", { name: "Rationale" }).fill("Kartapolov's intent is his own account, not a fact we can check.");
  await myPage.getByRole("button", { name: "Give verdict" }).click();
  const refusal = myPage.getByRole("alert").filter({ hasText: "while you were editing" });
  await expect(refusal).toContainText(`${colleague.user.name} changed the state`);
  await expect(refusal).toContainText("In progress");
  expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).verdict).toBeNull();

  // After a reload the editor sees the change and can apply theirs on top.
  await myPage.reload();
  await myPage.getByRole("radio", { name: /^Not checkable/ }).check();
  await myPage.getByRole("textbox", { name: "Rationale" }).fill("Kartapolov's intent is his own account, not a fact we can check.");
  await myPage.getByRole("button", { name: "Give verdict" }).click();
  await expect(myPage.getByRole("status").filter({ hasText: "Verdict recorded." })).toBeVisible();
  expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ status: "in_progress", verdict: "not_checkable" });
  await close();
});

test("capture stores the cited page and flags the passage when it vanishes", async ({ page }) => {
  const person = await createPersonWithTeam("capturer");
  const article = await createArticle(person);
  const claim = await seedClaim(person, article.id, KARTAPOLOV);
  const passage = "Kartapolov said the units would counter sabotage and internal threats.";
  const url = await publishSourcePage(SOURCE_SITE_URL, `beast-${claim.id}`, `<html><head><title>Putin's militias</title></head><body><article><h1>Putin's militias</h1><p>Moscow. ${passage} The bill passed its first reading.</p><p>More paragraphs follow here, as in any article of some length.</p></article></body></html>`);
  await signIn(page, person.email, person.password);
  await openClaim(page, person, article.id, claim.id);
  await addCitation(page, { source: "The Daily Beast", url, passage });

  await page.getByRole("button", { name: "Capture page: The Daily Beast" }).click();
  await expect(page.getByRole("status").filter({ hasText: /found/i })).toBeVisible();
  await page.getByRole("link", { name: "View capture of The Daily Beast" }).click();
  await expect(page.getByText(passage).first()).toBeVisible();
  await expect(page.getByText(/[0-9a-f]{64}/).first()).toBeVisible();
  await page.goBack();

  await publishSourcePage(SOURCE_SITE_URL, `beast-${claim.id}`, "<html><body><article><h1>Putin's militias</h1><p>This article has been updated. The bill passed its first reading in July.</p><p>More paragraphs follow here, as in any article of some length.</p></article></body></html>");
  await page.getByRole("button", { name: "Re-check: The Daily Beast" }).click();
  await expect(page.getByRole("status").filter({ hasText: /vanished/i })).toBeVisible();
  const citation = await db.citation.findFirstOrThrow({ where: { claimId: claim.id } });
  expect(citation.captureState).toBe("vanished");
  expect(await db.sourceCapture.count({ where: { citationId: citation.id } })).toBe(2);
});

test("the keyboard alone moves between claims, sets a state and adds a citation", async ({ page }) => {
  const person = await createPersonWithTeam("keys");
  const article = await createArticle(person);
  const first = await seedClaim(person, article.id, PLANS);
  const second = await seedClaim(person, article.id, KARTAPOLOV);
  await signIn(page, person.email, person.password);
  await openClaim(page, person, article.id, first.id);

  await page.keyboard.press("j");
  await expect(page).toHaveURL(new RegExp(`/claims/${second.id}$`));
  await expect(page.getByText("Claim 2 of 2")).toBeVisible();
  await expect(page.locator("[data-claim-page][data-ready]")).toBeVisible();
  await page.keyboard.press("2");
  await expect(page.getByRole("status").filter({ hasText: "State changed to" })).toBeVisible();

  await page.keyboard.press("c");
  await expect(page.getByRole("combobox", { name: "Source" })).toBeFocused();
  await page.keyboard.type("Andrey Kartapolov");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.getByLabel("URL", { exact: true }).focus();
  await page.keyboard.type("https://duma.gov.ru/news/");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Citation of Andrey Kartapolov added." })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Source" })).toBeFocused();
  expect(await db.claim.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "in_progress" });
});

test("sign-off: a second editor confirms the verdict before the claim can be done", async ({ browser }) => {
  const owner = await createPersonWithTeam("chief");
  const colleague = await createPersonWithTeam("second");
  await addMember(owner.team.id, colleague.user.id, "editor");
  const article = await createArticle(owner);
  const claim = await seedClaim(owner, article.id, KARTAPOLOV);
  const { firstPage: myPage, secondPage: theirPage, close } = await signInTwo(browser, owner, colleague);
  await myPage.goto(`/t/${owner.team.slug}/settings/verification`);
  await myPage.getByLabel("Label for Not checkable").fill("Opinion");
  await myPage.getByLabel(/Require a second editor's sign-off/).check();
  await myPage.getByRole("button", { name: "Save settings" }).click();
  await expect(myPage.getByText("Verification settings saved.")).toBeVisible();

  await openClaim(myPage, owner, article.id, claim.id);
  await myPage.getByRole("radio", { name: /^Opinion/ }).check();
  await myPage.getByRole("textbox", { name: "Rationale" }).fill("Kartapolov explains the bill's purpose; that is his view.");
  await myPage.getByRole("button", { name: "Give verdict" }).click();
  await expect(myPage.getByRole("status").filter({ hasText: "second editor signs it off" })).toBeVisible();
  await expect(myPage.getByText("Awaiting sign-off by a second editor")).toBeVisible();
  await expect(myPage.getByRole("button", { name: "Sign off" })).toHaveCount(0);

  await theirPage.goto(`/t/${owner.team.slug}/my-claims`);
  await theirPage.getByRole("list", { name: "Waiting for sign-off" }).getByRole("link").first().click();
  await expect(theirPage.locator("[data-claim-page][data-ready]")).toBeVisible();
  await theirPage.getByRole("button", { name: "Sign off" }).click();
  await expect(theirPage.getByText(`Signed off by ${colleague.user.name}`)).toBeVisible();
  await theirPage.getByRole("button", { name: "Move to Done" }).click();
  await expect(theirPage.getByRole("status").filter({ hasText: "State changed to" })).toBeVisible();
  expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ status: "done", signedOffById: colleague.user.id });
  await close();
});

test("sign-off bypassed after the fact: rewriting the statement and removing the only citation withdraws sign-off and verdict, Done is refused, and ClaimReview states nothing", async ({ browser }) => {
  test.setTimeout(120_000);
  const ana = await createPersonWithTeam("ana");
  const ben = await createPersonWithTeam("ben");
  await addMember(ana.team.id, ben.user.id, "editor");
  await db.team.update({ where: { id: ana.team.id }, data: { verificationRules: JSON.stringify({ accurateNeeds: "origin_or_two_independent", requireSignOff: true }) } });
  const article = await createArticle(ana);
  const claim = await seedClaim(ana, article.id, KARTAPOLOV);
  const { firstPage: anaPage, secondPage: benPage, close } = await signInTwo(browser, ana, ben);
  const report = (format: string) => anaPage.request.get(`/api/t/${ana.team.slug}/articles/${article.id}/report?format=${format}&final=0`);

  // Ana starts the check (a genuine status call, kept to replay later), cites, and gives "False".
  await openClaim(anaPage, ana, article.id, claim.id);
  const [statusRequest] = await Promise.all([
    anaPage.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]) && request.postData()?.includes('"status"') === true),
    anaPage.getByRole("button", { name: "Move to In progress" }).click(),
  ]);
  await expect(anaPage.getByRole("status").filter({ hasText: "State changed to" })).toBeVisible();
  await addCitation(anaPage, { source: "Duma committee transcript", kind: "Document", relation: "Contradicts" });
  await anaPage.getByRole("radio", { name: /^False/ }).check();
  await anaPage.getByRole("textbox", { name: "Rationale" }).fill("The committee transcript shows Kartapolov said the opposite.");
  await anaPage.getByRole("button", { name: "Give verdict" }).click();
  await expect(anaPage.getByText("Awaiting sign-off by a second editor")).toBeVisible();

  // Ben signs it off.
  await openClaim(benPage, ana, article.id, claim.id);
  await benPage.getByRole("button", { name: "Sign off" }).click();
  await expect(benPage.getByText(`Signed off by ${ben.user.name}`)).toBeVisible();
  const before = JSON.parse(await (await report("claimreview")).text()) as { claimReviewed: string }[];
  expect(before.map((review) => review.claimReviewed)).toEqual([KARTAPOLOV]);

  // Ana rewrites the statement in the workspace...
  const rewritten = "Kartapolov said the move has nothing to do with sabotage.";
  await anaPage.goto(article.url);
  const item = anaPage.getByRole("list", { name: "Claims", exact: true }).getByRole("listitem").filter({ hasText: KARTAPOLOV });
  await item.getByRole("button", { name: /^Show claim \d+ in the text$/ }).click();
  await anaPage.getByRole("button", { name: "Edit claim 1" }).click();
  await anaPage.getByLabel("Statement of claim 1").fill(rewritten);
  await anaPage.getByRole("button", { name: "Save statement" }).click();
  // Saved once the editor closes: the list may show the new words while the save is in flight,
  // and another server process may answer the next page before it is committed.
  await expect(anaPage.getByLabel("Statement of claim 1")).toHaveCount(0);
  await expect(anaPage.getByRole("list", { name: "Claims", exact: true }).getByText(rewritten)).toBeVisible();

  // ...and the claim page no longer shows Ben's sign-off; the history says why.
  await openClaim(anaPage, ana, article.id, claim.id);
  await expect(anaPage.getByRole("heading", { level: 1 })).toHaveText(rewritten);
  await expect(anaPage.getByText("Awaiting sign-off by a second editor")).toBeVisible();
  await expect(anaPage.getByText(`Signed off by ${ben.user.name}`)).toHaveCount(0);
  const history = anaPage.getByRole("list", { name: "History" });
  await expect(history.getByText(/withdrew the sign-off/)).toBeVisible();
  await expect(history).toContainText("The statement was edited, so the sign-off no longer covers the claim");

  // She removes the only citation: "False" no longer holds, and is withdrawn too.
  anaPage.once("dialog", (dialog) => void dialog.accept());
  await anaPage.getByRole("button", { name: "Remove the citation of Duma committee transcript" }).click();
  await expect(anaPage.getByText("No verdict yet.")).toBeVisible();
  await expect(history.getByText(/withdrew the verdict/)).toBeVisible();
  await expect(history).toContainText("‘False’ needs at least one citation; this claim has none.");

  // Done is refused, in the page and by the server when the page is bypassed.
  await anaPage.getByRole("button", { name: "Move to Done" }).click();
  await expect(anaPage.getByText(/only once it has a final verdict/).first()).toBeVisible();
  const { revision } = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
  const forged = statusRequest.postData()!.replace('"in_progress"', '"done"').replace(/"revision":\d+/, `"revision":${revision}`);
  const headers = { ...Object.fromEntries(["next-action", "content-type", "next-router-state-tree"].map((name) => [name, statusRequest.headers()[name]])), origin: new URL(statusRequest.url()).origin };
  const answer = await anaPage.request.post(statusRequest.url(), { headers, data: forged });
  expect(await answer.text()).toContain("only once it has a final verdict");
  expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ statement: rewritten, status: "needs_review", verdict: null, signedOffById: null });

  // The exports: no ClaimReview says the new sentence is "False", and no format shows a sign-off.
  const reviews = JSON.parse(await (await report("claimreview")).text()) as { claimReviewed: string }[];
  expect(reviews).toEqual([]);
  const json = JSON.parse(await (await report("json")).text()) as { claims: { statement: string; verdict: unknown; signedOffBy: unknown }[] };
  expect(json.claims[0]).toMatchObject({ statement: rewritten, verdict: null, signedOffBy: null });
  for (const format of ["html", "md"]) expect(await (await report(format)).text(), format).not.toMatch(new RegExp(`Signed off\\W*(?:<[^>]+>\\W*)*${ben.user.name}`));
  await close();
});

test("bulk actions assign and move a selection; 'My claims' lists them; a viewer reads without controls", async ({ browser }) => {
  const owner = await createPersonWithTeam("bulk");
  const viewer = await createPersonWithTeam("reader");
  await addMember(owner.team.id, viewer.user.id, "viewer");
  const article = await createArticle(owner);
  await seedClaim(owner, article.id, PLANS);
  const claim = await seedClaim(owner, article.id, KARTAPOLOV);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, owner.email, owner.password);
  await page.goto(article.url);
  await page.getByRole("checkbox", { name: "Select claim 1" }).check();
  await page.getByRole("checkbox", { name: "Select claim 2" }).check();
  // A viewer can do nothing with a claim, so is not offered (the server refuses it too).
  await expect(page.getByLabel("Assign to…").locator("option", { hasText: viewer.user.name })).toHaveCount(0);
  await expect(page.getByLabel("Assign to…").locator("option", { hasText: owner.user.name })).toHaveCount(1);
  await page.getByLabel("Assign to…").selectOption({ label: owner.user.name });
  await page.getByRole("button", { name: /^Assign/ }).click();
  await expect(page.getByRole("status").filter({ hasText: `2 claims assigned to ${owner.user.name}` })).toBeVisible();
  await page.getByLabel("Set state…").selectOption({ label: "◐ In progress" });
  await page.getByRole("button", { name: /^Set/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 claims set to In progress" })).toBeVisible();
  await page.goto(`/t/${owner.team.slug}/my-claims`);
  await expect(page.getByRole("list", { name: "Assigned to me" }).getByRole("listitem")).toHaveCount(2);
  await context.close();

  const viewing = await browser.newContext();
  const viewerPage = await viewing.newPage();
  await signIn(viewerPage, viewer.email, viewer.password);
  await openClaim(viewerPage, owner, article.id, claim.id);
  await expect(viewerPage.getByRole("heading", { level: 1 })).toHaveText(KARTAPOLOV);
  await expect(viewerPage.getByRole("button", { name: "Give verdict" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "Add citation" })).toHaveCount(0);
  await expect(viewerPage.getByRole("list", { name: "History" })).toBeVisible();
  await viewing.close();
});

test("the registry catches a duplicate source and merges it", async ({ page }) => {
  const person = await createPersonWithTeam("registrar");
  await signIn(page, person.email, person.password);
  for (const name of ["The Daily Beast", "daily beast."]) {
    await page.goto(`/t/${person.team.slug}/sources/new`);
    await page.getByLabel("Name").fill(name);
    await page.getByRole("button", { name: "Add source" }).click();
  }
  await expect(page.getByText(/The Daily Beast/).first()).toBeVisible();
  await expect(page.getByText(/same name/)).toBeVisible();
  await page.getByLabel(/Create anyway/).check();
  await page.getByRole("button", { name: "Add source" }).click();
  await page.goto(`/t/${person.team.slug}/sources`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Merge 1 into the kept entry" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 source merged into this one" })).toBeVisible();
  const sources = await db.source.findMany({ where: { teamId: person.team.id }, orderBy: { createdAt: "asc" } });
  expect(sources).toHaveLength(2);
  expect(sources.filter((source) => source.mergedIntoId === null)).toHaveLength(1);
});

test("a link to a claim survives signing in", async ({ page }) => {
  const person = await createPersonWithTeam("linked");
  const article = await createArticle(person);
  const claim = await seedClaim(person, article.id, KARTAPOLOV);
  const claimPath = `/t/${person.team.slug}/articles/${article.id}/claims/${claim.id}`;
  await page.goto(claimPath);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${claimPath}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(KARTAPOLOV);
});

test("a re-check that finds the cited figure changed shows the difference, warns, and under strict rules refuses ‘Accurate’", async ({ page }, testInfo) => {
  test.slow(); // a settings save, a citation and two captures, each a page fetched and parsed
  const person = await createPersonWithTeam("figures");
  const article = await createArticle(person);
  const claim = await seedClaim(person, article.id, KARTAPOLOV);
  const passage = "The ministry said it had counted 94 new units by June";
  const release = (figure: string) =>
    `<html><head><title>Press release</title></head><body><article><h1>New units</h1><p>Moscow. ${passage.replace("94", figure)}, officials said.</p><p>The units report to regional governors.</p></article></body></html>`;
  const url = await publishSourcePage(SOURCE_SITE_URL, `ministry-${claim.id}`, release("94"));
  await signIn(page, person.email, person.password);

  // The owner turns the strict rule on in the team's verification settings.
  await page.goto(`/t/${person.team.slug}/settings/verification`);
  await page.getByRole("checkbox", { name: /^Strict: refuse ‘Accurate’ while a cited passage changed or vanished/ }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();

  await openClaim(page, person, article.id, claim.id);
  await addCitation(page, { source: "Ministry of Defence", kind: "Organisation", url, passage, origin: true });
  await page.getByRole("button", { name: "Capture page: Ministry of Defence" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Passage found/ })).toBeVisible();

  await publishSourcePage(SOURCE_SITE_URL, `ministry-${claim.id}`, release("107"));
  await page.getByRole("button", { name: "Re-check: Ministry of Defence" }).click();
  await expect(page.getByRole("status").filter({ hasText: /the figures differ, 94 → 107/ })).toBeVisible();

  // The difference, word by word: the figure whole, removed and added, named in words too.
  const diff = page.getByRole("figure", { name: "What changed in the passage cited from Ministry of Defence" });
  await expect(diff).toContainText("Figures: 94 → 107");
  await expect(diff.locator("del")).toHaveText("[removed: 94]");
  await expect(diff.locator("ins")).toHaveText("[added: 107]");
  const warnings = page.getByRole("list", { name: "Evidence warnings" });
  await expect(warnings).toContainText("Cited passage changed: The passage cited from Ministry of Defence changed on its page");
  await page.screenshot({ path: testInfo.outputPath("changed-figure.png"), fullPage: true });

  await page.getByRole("radio", { name: /^Accurate/ }).check();
  await page.getByRole("textbox", { name: "Rationale" }).fill("The ministry's own release gives the figure; it is the origin.");
  await page.getByRole("button", { name: "Give verdict" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "cannot rest on a passage that changed or vanished on its page (Ministry of Defence)" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("accurate-refused.png"), fullPage: true });
  expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).verdict).toBeNull();
  expect(await db.citation.findFirstOrThrow({ where: { claimId: claim.id } })).toMatchObject({ captureState: "changed" });
});
