import { expect, test, type Page } from "@playwright/test";
import { saveImport } from "../lib/articles/mutations";
import { saveImportSchema } from "../lib/articles/schema";
import { giveVerdict } from "../lib/verification/mutations";
import { BODY, createArticle, seedClaim, selectText } from "./support/articles";
import { signInTwo } from "./support/auth";
import { E2E_BASE_URL } from "./support/constants";
import { addMember, createPersonWithTeam, db } from "./support/db";
import { seedLongArticle } from "./support/long-article";

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

/**
 * What a page fetches while colleagues' changes arrive: page refetches (requests carrying
 * `RSC: 1` or `_rsc=`: a router.refresh() or a navigation's payload) and server actions (the
 * read actions that patch it), each with the bytes it received over the wire, headers included
 * (Chromium's own count). React's reader of an action's answer may stop the load once it has what
 * it needs, and the load then ends "aborted" and uncounted; so the page also reads a copy of each
 * such response to its end, which the server sends whole either way.
 */
async function watchFetches(page: Page) {
  await page.evaluate(() => {
    const fetchOriginal = window.fetch;
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      const response = await fetchOriginal(...args);
      const headers = new Headers(args[1]?.headers);
      if (headers.has("next-action") || headers.get("rsc") === "1") void response.clone().arrayBuffer().catch(() => undefined);
      return response;
    };
  });
  type Fetch = { kind: "page" | "action"; headerBytes: number; bodyBytes: number; total: number | null; isDone: boolean };
  const kindOf = (url: string, headers: Record<string, string>) => {
    const names = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
    if (names.get("rsc") === "1" || url.includes("_rsc=")) return "page";
    return names.has("next-action") ? "action" : null;
  };
  const fetches = new Map<string, Fetch>();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  cdp.on("Network.requestWillBeSent", ({ requestId, request }) => {
    const kind = kindOf(request.url, request.headers as Record<string, string>);
    if (kind) fetches.set(requestId, { kind, headerBytes: 0, bodyBytes: 0, total: null, isDone: false });
  });
  cdp.on("Network.responseReceived", ({ requestId, response }) => {
    const entry = fetches.get(requestId);
    if (entry) entry.headerBytes = response.encodedDataLength;
  });
  cdp.on("Network.dataReceived", ({ requestId, encodedDataLength }) => {
    const entry = fetches.get(requestId);
    if (entry) entry.bodyBytes += encodedDataLength;
  });
  cdp.on("Network.loadingFinished", ({ requestId, encodedDataLength }) => {
    const entry = fetches.get(requestId);
    if (entry) Object.assign(entry, { total: encodedDataLength, isDone: true });
  });
  cdp.on("Network.loadingFailed", ({ requestId }) => {
    const entry = fetches.get(requestId);
    if (entry) entry.isDone = true;
  });
  const bytesOf = (entry: Fetch) => entry.total ?? entry.headerBytes + entry.bodyBytes;
  let refetches = 0;
  page.on("request", (request) => {
    if (kindOf(request.url(), request.headers()) === "page") refetches++;
  });
  return {
    /** Page refetches started since the watch began: none, when the page patches itself. */
    refetches: () => refetches,
    /** Marks a step; the function it answers sums what was fetched since, by kind, once all of it has ended. */
    step() {
      const before = new Set(fetches.keys());
      return async () => {
        const since = () => [...fetches].filter(([id]) => !before.has(id)).map(([, entry]) => entry);
        await expect.poll(() => since().every((entry) => entry.isDone)).toBe(true);
        const sum = (kind: string) => since().filter((entry) => entry.kind === kind).reduce((total, entry) => total + bytesOf(entry), 0);
        return { page: sum("page"), action: sum("action"), requests: since().length };
      };
    },
  };
}

/** Claims of an 8-claim article, in article order: one sentence or clause of each of its first paragraphs. */
const EIGHT = [
  "Russian President Vladimir Putin is forming a network",
  "The plans for the private military companies",
  KARTAPOLOV,
  // (The fixture has a no-break space after "first".)
  "The Daily Beast first",
  "It comes weeks after the mutiny by Russia's Wagner mercenary group",
  "Fighters from the group met little resistance when they seized control of the city of Rostov-on-Don on June 23",
  "Though Putin has not punished Yevgeny Prigozhin",
  "According to the report, Putin's militias would be under the command of regional governors",
];

/** Judged claims of another article of the team: what is added, and what a statement is rewritten to, was checked before. */
const SOKOV_SENTENCE = "Nikolai Sokov, a former Kremlin official, told The Daily Beast the law was aimed at shoring up Putin's defenses.";
const DRONES = "Another core function of the militias will be to defend against internal attacks in the wake of a series of Ukrainian drone strikes on Russian cities.";

async function judgeElsewhere(owner: Awaited<ReturnType<typeof createPersonWithTeam>>) {
  const earlier = await createArticle(owner);
  const actor = { teamId: owner.team.id, userId: owner.user.id };
  // (Its own wording, without "The Daily Beast", which another claim of the article names.)
  const sokov = await seedClaim(owner, earlier.id, SOKOV_SENTENCE, "Nikolai Sokov, a former Kremlin official, said the law was aimed at shoring up Putin's defenses.");
  const drones = await seedClaim(owner, earlier.id, DRONES);
  for (const claim of [sokov, drones]) await giveVerdict(db, actor, { claimId: claim.id, revision: 1, verdict: "not_checkable", rationale: "A purpose stated by its author." });
}

test("a colleague's added, split, merged and deleted claims, a cited source and an edited statement show on the other editor's open workspace with no page refetch, with their checked-before markers, keeping what is being typed; a new version brings the page again", async ({ browser }) => {
  test.setTimeout(150_000);
  const owner = await createPersonWithTeam("livepatcher");
  const colleague = await createPersonWithTeam("livewatcher");
  await addMember(owner.team.id, colleague.user.id, "editor");
  await judgeElsewhere(owner);
  const article = await createArticle(owner);
  const seeded = [];
  for (const quote of EIGHT) seeded.push(await seedClaim(owner, article.id, quote));
  const { firstPage: mine, secondPage: theirs, close } = await signInTwo(browser, owner, colleague);
  const list = (page: Page) => page.getByRole("list", { name: "Claims", exact: true });
  const item = (page: Page, text: string) => list(page).getByRole("listitem").filter({ hasText: text });
  const heading = (page: Page, count: number) => page.getByRole("heading", { name: `Claims (${count})` });

  for (const page of [mine, theirs]) {
    await page.goto(article.url);
    await expect(page.locator("[data-workspace][data-ready]")).toBeVisible();
    await isLive(page);
  }
  // The colleague is rewording the first claim's statement, scrolled down a little.
  await item(theirs, EIGHT[0]!).getByRole("button", { name: /^Show claim \d+ in the text$/ }).click();
  await item(theirs, EIGHT[0]!).getByRole("button", { name: /^Edit claim/ }).click();
  const draft = theirs.getByRole("textbox", { name: /^Statement of claim/ });
  await draft.fill("Half-written statement that must survive");
  await theirs.evaluate(() => window.scrollTo(0, 240));
  const scrollY = await theirs.evaluate(() => window.scrollY);
  const isSameDocument = await markDocument(theirs);
  const fetches = await watchFetches(theirs);
  const figures: string[] = [];
  /** The colleague's page shows the change; what it fetched meanwhile is noted, and must not be the page. */
  async function expectPatched(change: string, step: () => Promise<{ page: number; action: number; requests: number }>) {
    const bytes = await step();
    figures.push(`${change}: page ${bytes.page} B, actions ${bytes.action} B (${bytes.requests} requests)`);
    expect.soft(fetches.refetches(), `${change}: the colleague's page refetched the page`).toBe(0);
  }

  // Added.
  let step = fetches.step();
  const SOKOV = "Nikolai Sokov, a former Kremlin official";
  await selectText(mine, SOKOV);
  await mine.getByRole("button", { name: "Add claim" }).click();
  await mine.getByRole("dialog", { name: "Add a claim" }).getByRole("button", { name: "Save claim" }).click();
  await expect(heading(mine, 9)).toBeVisible();
  await expect(item(theirs, SOKOV)).toBeVisible({ timeout: 5_000 });
  await expect(heading(theirs, 9)).toBeVisible();
  // The team judged what it says in another article: the row comes with its marker.
  await expect(item(theirs, SOKOV).getByText("Checked before")).toBeVisible({ timeout: 5_000 });
  await expectPatched("added", step);

  // Split: both halves show, in the list and marked in the text.
  step = fetches.step();
  const rostov = item(mine, "Fighters from the group");
  await rostov.getByRole("button", { name: /^Show claim \d+ in the text$/ }).click();
  await rostov.getByRole("button", { name: /^Split claim/ }).click();
  const split = mine.getByRole("dialog", { name: /Split claim/ });
  await expect(split.getByLabel("Split after word")).toBeFocused();
  await mine.keyboard.press("Home");
  for (let word = 0; word < 6; word++) await mine.keyboard.press("ArrowRight");
  await split.getByRole("button", { name: "Split claim" }).click();
  await expect(heading(mine, 10)).toBeVisible();
  const halves = await db.claim.findMany({ where: { articleId: article.id, deletedAt: null, quote: { in: ["Fighters from the group met little resistance", "when they seized control of the city of Rostov-on-Don on June 23"] } } });
  expect(halves).toHaveLength(2);
  await expect(heading(theirs, 10)).toBeVisible({ timeout: 5_000 });
  await expect(item(theirs, "“Fighters from the group met little resistance”")).toBeVisible();
  await expect(item(theirs, "“when they seized control of the city of Rostov-on-Don on June 23”")).toBeVisible();
  for (const half of halves) await expect(theirs.locator(`#article-text [data-claims~="${half.id}"]`).first()).toBeVisible();
  await expectPatched("split", step);

  // Merged: one claim where two were, the other under "Recently deleted".
  step = fetches.step();
  await item(mine, "The Daily Beast first").getByRole("checkbox").check();
  await item(mine, "It comes weeks after the mutiny").getByRole("checkbox").check();
  await mine.getByRole("button", { name: "Merge selected" }).click();
  await expect(heading(mine, 9)).toBeVisible();
  await expect(heading(theirs, 9)).toBeVisible({ timeout: 5_000 });
  await expect(item(theirs, "The Daily Beast first")).toContainText("It comes weeks after the mutiny");
  await expect(theirs.getByText(/^Recently deleted \(1\)/)).toBeVisible();
  await expectPatched("merged", step);

  // Deleted.
  step = fetches.step();
  const prigozhin = item(mine, "Though Putin has not punished");
  await prigozhin.getByRole("button", { name: /^Show claim \d+ in the text$/ }).click();
  await prigozhin.getByRole("button", { name: /^Delete claim/ }).click();
  await expect(heading(mine, 8)).toBeVisible();
  await expect(heading(theirs, 8)).toBeVisible({ timeout: 5_000 });
  await expect(item(theirs, "Though Putin has not punished")).toHaveCount(0);
  await expect(theirs.getByText(/^Recently deleted \(2\)/)).toBeVisible();
  await expectPatched("deleted", step);

  // A source cited (from the claim's own page): its provenance shows on the colleague's list.
  const plans = item(theirs, "The plans for the private military companies");
  await expect(plans).toContainText("Not traced");
  step = fetches.step();
  await mine.goto(`${article.url}/claims/${seeded[1]!.id}`);
  await expect(mine.locator("[data-claim-page][data-ready]")).toBeVisible();
  await mine.getByRole("button", { name: /^Cite the article's outlet/ }).click();
  await expect(mine.getByRole("status").filter({ hasText: /Citation of .+ added\./ })).toBeVisible();
  await expect(plans).not.toContainText("Not traced", { timeout: 5_000 });
  await expectPatched("cited", step);

  // A statement rewritten to one the team judged in another article: its marker comes with it.
  const militias = item(theirs, "Putin's militias would be under the command");
  await expect(theirs.getByRole("list", { name: "Claims", exact: true }).getByText("Checked before")).toHaveCount(1);
  step = fetches.step();
  await mine.goto(article.url);
  await expect(mine.locator("[data-workspace][data-ready]")).toBeVisible();
  const REWORDED = "The militias will also defend against internal attacks after Ukrainian drone strikes on Russian cities.";
  const mineMilitias = item(mine, "Putin's militias would be under the command");
  await mineMilitias.getByRole("button", { name: /^Show claim \d+ in the text$/ }).click();
  await mineMilitias.getByRole("button", { name: /^Edit claim/ }).click();
  await mine.getByRole("textbox", { name: /^Statement of claim/ }).fill(REWORDED);
  await mine.getByRole("button", { name: "Save statement" }).click();
  await expect(mine.getByRole("status").filter({ hasText: /Claim \d+ saved\./ })).toBeVisible();
  await expect(militias).toContainText(REWORDED, { timeout: 5_000 });
  await expect(militias.getByText("Checked before")).toBeVisible({ timeout: 5_000 });
  await expectPatched("edited", step);
  if (process.env.LIVE_SCREENSHOTS) {
    await item(theirs, SOKOV).screenshot({ path: `${process.env.LIVE_SCREENSHOTS}/live-marker-added.png` });
    await militias.screenshot({ path: `${process.env.LIVE_SCREENSHOTS}/live-marker-edited.png` });
  }

  // Nothing reloaded; what the colleague was typing, their focus and their scroll are where they were.
  await expect(draft).toHaveValue("Half-written statement that must survive");
  await expect(draft).toBeFocused();
  expect(await theirs.evaluate(() => window.scrollY)).toBe(scrollY);
  await isSameDocument();
  if (process.env.LIVE_SCREENSHOTS) await theirs.screenshot({ path: `${process.env.LIVE_SCREENSHOTS}/live-patched-workspace.png` });
  test.info().annotations.push({ type: "bytes to the colleague per change (8 claims)", description: figures.join("; ") });
  console.log(`bytes to the colleague per change (8 claims): ${figures.join("; ")}`);

  // A new version of the article changes its text and every claim's place: that page is fetched again.
  const CLOSING = "A closing paragraph that only the second version has.";
  const refetchesBefore = fetches.refetches();
  await saveImport(db, { teamId: owner.team.id, userId: owner.user.id }, saveImportSchema.parse({ articleId: article.id, title: "Putin's private armies", text: `${BODY}\n\n${CLOSING}`, removedLines: [] }));
  await expect(theirs.getByText(CLOSING)).toBeVisible({ timeout: 10_000 });
  await expect(theirs.getByText(/^Version 2 of 2 · imported/)).toBeVisible();
  expect(fetches.refetches()).toBeGreaterThan(refetchesBefore);
  await isSameDocument();
  await close();
});

test("on a 150-claim article a colleague's deleted claim reaches the other editor's workspace as a small answer, not the page", async ({ browser }) => {
  test.setTimeout(120_000);
  const owner = await createPersonWithTeam("longpatcher");
  const colleague = await createPersonWithTeam("longwatcher");
  await addMember(owner.team.id, colleague.user.id, "editor");
  const { article } = await seedLongArticle(owner, 150);
  const { firstPage: mine, secondPage: theirs, close } = await signInTwo(browser, owner, colleague);
  for (const page of [mine, theirs]) {
    await page.goto(article.url);
    await expect(page.locator("[data-workspace][data-ready]")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Claims (150)" })).toBeVisible();
    await isLive(page);
  }
  const fetches = await watchFetches(theirs);
  const step = fetches.step();
  const first = mine.getByRole("list", { name: "Claims", exact: true }).getByRole("listitem").first();
  await first.getByRole("button", { name: "Show claim 1 in the text" }).click();
  await first.getByRole("button", { name: "Delete claim 1" }).click();
  await expect(mine.getByRole("heading", { name: "Claims (149)" })).toBeVisible();
  await expect(theirs.getByRole("heading", { name: "Claims (149)" })).toBeVisible({ timeout: 5_000 });
  const bytes = await step();
  const figure = `page ${bytes.page} B, actions ${bytes.action} B (${bytes.requests} requests)`;
  test.info().annotations.push({ type: "bytes to the colleague for one deleted claim (150 claims)", description: figure });
  console.log(`bytes to the colleague for one deleted claim (150 claims): ${figure}`);
  expect(fetches.refetches()).toBe(0);
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
