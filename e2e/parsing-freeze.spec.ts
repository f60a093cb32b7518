/**
 * Issue 15, item 2: one upload or capture froze the server for every team (parsing ran on the
 * request thread for minutes). Parsing now runs on worker threads within a time and memory budget
 * (lib/parsing/). Each test watches /api/health every 50 ms while the worst inputs are read; the
 * input is refused with a clear message (or read, if the machine is fast enough), and a normal
 * import works right after.
 *
 * The target is every health answer within 200 ms, which a quiet machine meets. On a shared one,
 * scheduling alone delays some answers of an idle server past it (measured on the 2-core test
 * machine under load: 8 of 288 answers over 200 ms, the slowest 556 ms), so the test asks the
 * typical answer (the median) within 200 ms and every answer within 2 s. Parsing on the request
 * thread held the answers for the whole parse: 40 s and more for these inputs.
 */
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createArticle, seedClaim } from "./support/articles";
import { signIn } from "./support/auth";
import { E2E_BASE_URL } from "./support/constants";
import { createPersonWithTeam, db } from "./support/db";
import { E2E_PARSE_TIMEOUT_S, SOURCE_SITE_URL } from "./support/services";
import { publishSourcePage } from "./support/source-site";
import { nestFormatting, strayTableRows } from "../tests/pathological-inputs";

const MAX_HEALTH_MS = 200;
const MAX_STALL_MS = 2_000;
const POLL_EVERY_MS = 50;

/** Polls /api/health until stopped; returns each answer's time and how the polling went. */
function watchHealth() {
  const latencies: number[] = [];
  const failures: string[] = [];
  let running = true;
  const started = performance.now();
  const done = (async () => {
    while (running) {
      const sent = performance.now();
      try {
        const response = await fetch(`${E2E_BASE_URL}/api/health`, { signal: AbortSignal.timeout(30_000) });
        await response.text();
        if (!response.ok) failures.push(`status ${response.status}`);
      } catch (error) {
        failures.push(String(error));
      }
      const took = performance.now() - sent;
      latencies.push(took);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, POLL_EVERY_MS - took)));
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      const elapsedMs = performance.now() - started;
      return { latencies, failures, elapsedMs, slowest: Math.max(...latencies) };
    },
  };
}

type Watch = Awaited<ReturnType<ReturnType<typeof watchHealth>["stop"]>>;

function expectResponsive(watch: Watch, what: string) {
  const sorted = [...watch.latencies].sort((a, b) => a - b);
  const at = (share: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0);
  const summary = `${sorted.length} answers while ${what}: p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, slowest ${Math.round(watch.slowest)} ms`;
  console.log(`health: ${summary}`);
  expect(watch.failures, `health failures while ${what}`).toEqual([]);
  expect(at(0.5), `the median health answer within ${MAX_HEALTH_MS} ms (${summary})`).toBeLessThan(MAX_HEALTH_MS);
  expect(watch.slowest, `every health answer within ${MAX_STALL_MS} ms (${summary})`).toBeLessThan(MAX_STALL_MS);
  // A poller that stalled would hide a frozen server: it must have kept polling all along.
  expect(sorted.length, `health polls while ${what}`).toBeGreaterThan(watch.elapsedMs / (MAX_HEALTH_MS + POLL_EVERY_MS));
}

async function uploadFile(page: Page, name: string, html: string) {
  await page.getByLabel("Article file").setInputFiles({ name, mimeType: "text/html", buffer: Buffer.from(html) });
  await page.getByRole("button", { name: "Read article" }).click();
}

const REFUSED = new RegExp(
  `too complex to import: reading it took longer than ${E2E_PARSE_TIMEOUT_S} s\\. Open the page in a browser, copy the article's text and paste that instead\\.|too large to import: reading it needed more than \\d+ MB of memory\\.`,
);

test("pathological uploads are refused within the parsing budget while the server keeps answering", async ({ page }) => {
  test.setTimeout(300_000);
  const editor = await createPersonWithTeam("freeze");
  await signIn(page, editor.email, editor.password);
  await page.goto(`/t/${editor.team.slug}/articles/new`);
  await page.getByLabel("Upload a file").check();

  const inputs: Array<[string, string, string]> = [
    ["nested.html", nestFormatting(120_000), "x"],
    ["rows.html", strayTableRows(238_000), "xtextxtext"],
  ];
  for (const [name, html, text] of inputs) {
    const health = watchHealth();
    const started = performance.now();
    await uploadFile(page, name, html);
    const refusal = page.getByText(REFUSED);
    const preview = page.getByTestId("import-preview");
    await expect(refusal.or(preview)).toBeVisible({ timeout: 120_000 });
    const tookMs = performance.now() - started;
    expectResponsive(await health.stop(), `reading ${name}`);
    console.log(`${name}: ${(await refusal.isVisible()) ? "refused" : "read"} after ${Math.round(tookMs)} ms`);
    if (await refusal.isVisible()) {
      await expect(refusal).toContainText(`"${name}" is too`);
      // Refused at the budget, not minutes later (the upload and the page's answer take a little).
      expect(tookMs, `${name} refused after ${Math.round(tookMs)} ms`).toBeLessThan(E2E_PARSE_TIMEOUT_S * 1000 + 20_000);
      await expect(page.getByLabel("Upload a file")).toBeChecked();
    } else {
      await expect(preview).toContainText(text);
      await page.goto(`/t/${editor.team.slug}/articles/new`);
      await page.getByLabel("Upload a file").check();
    }
  }

  // Right after, an ordinary page is read and imported as ever.
  await uploadFile(page, "council.html", `<!doctype html><html><head><meta property="og:title" content="Council approves budget rise"></head>
    <body><article><h1>Council approves budget rise</h1><p>The city council approved a 3.5% rise on Tuesday, according to the mayor's office.</p></article></body></html>`);
  await expect(page.getByLabel("Title")).toHaveValue("Council approves budget rise");
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page).toHaveURL(/\/articles\/[^/?]+\?notice=imported/);
  expect(await db.article.count({ where: { teamId: editor.team.id } })).toBe(1);
});

test("a pathological page is captured or refused without holding up the server", async ({ page }) => {
  test.setTimeout(300_000);
  const person = await createPersonWithTeam("capfreeze");
  const article = await createArticle(person);
  const claim = await seedClaim(person, article.id, "Russian President Vladimir Putin is forming a network");
  const name = `Deep Gazette ${randomUUID().slice(0, 6)}`;
  const source = await db.source.create({
    data: { teamId: person.team.id, name, nameKey: name.toLowerCase(), kind: "outlet", createdById: person.user.id },
  });
  // 2.1 MB of nested formatting: capturing it froze the server for 70 s.
  const url = await publishSourcePage(SOURCE_SITE_URL, `deep-${claim.id}`, `<html><body><article>${nestFormatting(150_000)}</article></body></html>`);
  const citation = await db.citation.create({
    data: { teamId: person.team.id, claimId: claim.id, sourceId: source.id, relation: "states", url, passage: "x", createdById: person.user.id },
  });
  await signIn(page, person.email, person.password);
  await page.goto(`/t/${person.team.slug}/articles/${article.id}/claims/${claim.id}`);
  await expect(page.locator("[data-claim-page][data-ready]")).toBeVisible();

  const health = watchHealth();
  await page.getByRole("button", { name: `Capture page: ${name}` }).click();
  const refused = page.getByRole("status").filter({ hasText: `The page is too complex to capture: reading it took longer than ${E2E_PARSE_TIMEOUT_S} s; nothing was stored.` });
  const captured = page.getByRole("status").filter({ hasText: /Passage found/ });
  await expect(refused.or(captured)).toBeVisible({ timeout: 120_000 });
  expectResponsive(await health.stop(), "capturing the page");
  console.log(`capture: ${(await refused.isVisible()) ? "refused" : "captured"}`);
  const capture = await db.sourceCapture.findFirstOrThrow({ where: { citationId: citation.id } });
  if (await refused.isVisible()) expect(capture).toMatchObject({ passageState: "failed", text: null });
  else expect(capture).toMatchObject({ passageState: "found", text: "x" });
});
