// npm run walk -- PLAN [--base http://localhost:3000] [--shots DIR]
//
// The editor's walk, measured: import an article, make five claims, trace each through its
// relays to an origin, judge them, have a second editor sign them off, and download the report
// archive, in a real browser against a running FactDesk (`npm run demo`), counting every click,
// key press and typed character an editor would make. PLAN names a plan in scripts/walk/plans.ts
// (the page itself is read from the path the plan gives, so an unseen page stays outside the repo).
// It prints the steps and a summary: actions, characters typed, the browser's wall-clock time, and
// a keystroke-level estimate of an editor's time (Card, Moran and Newell's operators), which leaves
// out reading the sources: that is the editor's judgement, not the tool's friction.
import fs from "node:fs";
import path from "node:path";
import { chromium, expect as baseExpect, type Locator, type Page } from "@playwright/test";
import { selectText } from "../../e2e/support/select-text";
import { WALK_PLANS, type WalkPlan } from "./plans";

// Generous: on a busy machine the server can take seconds to answer; the figures are counts, not speed.
const expect = baseExpect.configure({ timeout: 30_000 });
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const planName = args.find((arg, index) => !arg.startsWith("--") && !args[index - 1]?.startsWith("--"));
if (!planName || !(planName in WALK_PLANS)) {
  console.error(`Name a plan: ${Object.keys(WALK_PLANS).join(", ")}`);
  process.exit(2);
}
const plan: WalkPlan = WALK_PLANS[planName];
const base = option("--base") ?? "http://localhost:3000";
const shots = option("--shots");
if (shots) fs.mkdirSync(shots, { recursive: true });

// Keystroke-level model operators (seconds): point with the mouse, press a button, press a key
// (an average skilled typist), and the mental preparation before each new action.
const KLM = { point: 1.1, button: 0.2, key: 0.28, mental: 1.35 };

type Tally = { clicks: number; keys: number; typed: number; drags: number };
const total: Tally = { clicks: 0, keys: 0, typed: 0, drags: 0 };
const steps: { name: string; tally: Tally }[] = [];
let current: { name: string; tally: Tally } | null = null;

function step(name: string) {
  current = { name, tally: { clicks: 0, keys: 0, typed: 0, drags: 0 } };
  steps.push(current);
}
function count(kind: keyof Tally, by = 1) {
  total[kind] += by;
  if (current) current.tally[kind] += by;
}

/** The editor's hands: each method is what a person does, counted. */
const hands = {
  async click(target: Locator) {
    await target.click();
    count("clicks");
  },
  async check(target: Locator) {
    await target.check();
    count("clicks");
  },
  /** A drop-down: open it, pick. */
  async choose(target: Locator, label: string) {
    await target.selectOption({ label });
    count("clicks", 2);
  },
  /** Click into a field, type. A prefilled field that needs no change costs nothing. */
  async type(target: Locator, text: string) {
    await target.fill(text);
    count("clicks");
    count("typed", text.length);
  },
  async press(page: Page, key: string) {
    await page.keyboard.press(key);
    count("keys");
  },
  /** Drag across a phrase in the article text (one press, move, release). */
  async select(page: Page, phrase: string) {
    await selectText(page, phrase);
    count("drags");
  },
  /** Choosing a file: open the dialog, pick the file, confirm. */
  async upload(target: Locator, file: string) {
    await target.setInputFiles(file);
    count("clicks", 3);
  },
};

/** The whole page when it is short enough to read in one image, else what the window shows. */
async function shoot(page: Page, name: string) {
  if (!shots) return;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: height <= 2400 });
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${base}/sign-in`);
  await hands.type(page.getByLabel("Email"), email);
  await hands.type(page.getByLabel("Password"), password);
  await hands.click(page.getByRole("button", { name: "Sign in", exact: true }));
  await expect(page).toHaveURL(/\/t\/[^/]+/);
}

/** What a reader's select-and-copy of the page gives: each part's rendered text, in order. */
async function copyFromPage(file: string, selectors: string[]): Promise<string> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
  await page.goto(`file://${file}`);
  const parts: string[] = [];
  for (const selector of selectors) parts.push(selector.startsWith("=") ? selector.slice(1) : (await page.locator(selector).first().innerText()).trim());
  await context.close();
  return parts.join("\n\n");
}

async function importArticle(page: Page, walk: WalkPlan): Promise<string> {
  step("import the article");
  await hands.click(page.getByRole("link", { name: "Import an article" }));
  if (walk.import.kind === "upload") {
    await hands.check(page.getByLabel("Upload a file"));
    await hands.upload(page.getByLabel("Article file"), walk.import.file);
  } else {
    const text = await copyFromPage(walk.import.file, walk.import.selectors);
    await page.getByLabel("Article text").fill(text);
    count("clicks");
    count("keys", 2); // Ctrl+V
  }
  await hands.click(page.getByRole("button", { name: "Read article" }));
  await expect(page.getByLabel("Title")).not.toHaveValue("");
  await shoot(page, "01-import-preview");
  for (const [label, value] of Object.entries(walk.import.fix ?? {})) await hands.type(page.getByLabel(label, { exact: true }), value);
  await hands.click(page.getByRole("button", { name: "Import article" }));
  await expect(page).toHaveURL(/\/articles\/[^/?]+\?notice=/);
  if (page.url().includes("notice=duplicate")) throw new Error("This team already has the article: walk on a fresh demo database (stop the demo, delete data/app.db, npm run demo).");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "02-workspace");
  return page.url().replace(/\?.*$/, "");
}

async function makeClaims(page: Page, walk: WalkPlan) {
  step("make five claims");
  for (const claim of walk.claims) {
    await hands.select(page, claim.quote);
    await hands.click(page.getByRole("button", { name: "Add claim" }));
    const dialog = page.getByRole("dialog", { name: "Add a claim" });
    await expect(dialog.getByLabel("Exact quote")).toHaveValue(claim.quote);
    if (claim.statement) await hands.type(dialog.getByLabel("Statement to check"), claim.statement);
    await hands.click(dialog.getByRole("button", { name: "Save claim" }));
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByRole("list", { name: "Claims", exact: true }).getByRole("listitem")).toHaveCount(walk.claims.length);
  await shoot(page, "03-claims");
}

const namedInThisWalk = new Set<string>();

/** Type the name; pick the registry's source when it has one (the list fills as the search answers), else create it. */
async function chooseSource(page: Page, form: Locator, name: string) {
  const source = form.getByRole("combobox", { name: "Source" });
  await hands.type(source, name);
  const listbox = page.getByRole("listbox", { name: "Matching sources" });
  const existing = listbox.getByRole("option", { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) }).first();
  const known = namedInThisWalk.has(name) || (await existing.waitFor({ timeout: 2_000 }).then(() => true, () => false));
  await hands.click(known ? existing : listbox.getByRole("option", { name: `Create new source “${name}”` }));
  namedInThisWalk.add(name);
}

async function traceAndJudge(page: Page, walk: WalkPlan) {
  for (const [index, claim] of walk.claims.entries()) {
    step(`trace and judge claim ${index + 1}`);
    if (index === 0) await hands.click(page.getByRole("link", { name: /^Open/ }).first());
    else await hands.click(page.getByRole("link", { name: "Next claim", exact: true }));
    await expect(page.getByText(`Claim ${index + 1} of ${walk.claims.length}`)).toBeVisible();
    await expect(page.locator("[data-claim-page][data-ready]")).toBeVisible();
    for (const [hop, citation] of claim.chain.entries()) {
      if (hop > 0) await hands.click(page.getByRole("button", { name: `Trace further: where did ${claim.chain[hop - 1].source} get this?` }));
      const form = page.getByRole("region", { name: /^(Add a citation|Trace further)/ });
      await chooseSource(page, form, citation.source);
      if (citation.kind) {
        const kind = form.getByLabel("Kind of the new source");
        if (await kind.count()) await hands.choose(kind, citation.kind);
      }
      if (citation.url) await hands.type(form.getByLabel("URL", { exact: true }), citation.url);
      if (citation.passage) await hands.type(form.getByLabel("Passage (word for word)"), citation.passage);
      if (citation.origin) await hands.check(form.getByLabel("This is the origin (primary source reached)"));
      await hands.click(form.getByRole("button", { name: "Add citation" }));
      await expect(page.getByRole("status").filter({ hasText: `Citation of ${citation.source} added.` })).toBeVisible();
    }
    await hands.check(page.getByRole("radio", { name: new RegExp(`^${claim.verdict}`) }));
    await hands.type(page.getByRole("textbox", { name: "Rationale" }), claim.rationale);
    await hands.click(page.getByRole("button", { name: "Give verdict" }));
    await expect(page.getByRole("status").filter({ hasText: /Verdict recorded|second editor signs it off/ })).toBeVisible();
    await shoot(page, `04-claim-${index + 1}`);
  }
}

/** Once per team, not per article: the owner asks for a second editor's sign-off (not counted). */
async function requireSignOff(page: Page) {
  const team = new URL(page.url()).pathname.split("/")[2];
  await page.goto(`${base}/t/${team}/settings/verification`);
  const box = page.getByLabel(/Require a second editor's sign-off/);
  if (await box.isChecked()) return;
  await box.check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Verification settings saved.")).toBeVisible();
}

/** The second editor opens the article from the list of articles, reads each verdict, signs it off. */
async function signOff(page: Page, walk: WalkPlan, articleUrl: string) {
  step("second editor: sign off, move to Done");
  await page.goto(articleUrl);
  count("clicks");
  for (const index of walk.claims.keys()) {
    if (index === 0) await hands.click(page.getByRole("link", { name: /^Open/ }).first());
    else await hands.click(page.getByRole("link", { name: "Next claim", exact: true }));
    await expect(page.getByText(`Claim ${index + 1} of ${walk.claims.length}`)).toBeVisible();
    await hands.click(page.getByRole("button", { name: "Sign off" }));
    await expect(page.getByRole("status").filter({ hasText: "Verdict signed off." })).toBeVisible();
    await hands.click(page.getByRole("button", { name: "Move to Done" }));
    await expect(page.getByRole("status").filter({ hasText: "State changed to" })).toBeVisible();
  }
  await shoot(page, "05-signed-off");
}

async function exportReport(page: Page, articleUrl: string) {
  step("download the report archive");
  await page.goto(articleUrl);
  count("clicks");
  await hands.click(page.getByRole("link", { name: "Report", exact: true }));
  await expect(page.getByRole("link", { name: "Download all formats (.zip)" })).toBeVisible();
  await shoot(page, "06-report");
  const [download] = await Promise.all([page.waitForEvent("download"), hands.click(page.getByRole("link", { name: "Download all formats (.zip)" }))]);
  const saved = path.join(shots ?? fs.mkdtempSync("/tmp/walk-"), download.suggestedFilename());
  await download.saveAs(saved);
  console.log(`report archive: ${saved}`);
  await page.goto(`${articleUrl}/sources`);
  await shoot(page, "07-source-map");
}

function summarise(seconds: number) {
  const line = (name: string, tally: Tally) => `${name.padEnd(34)} clicks ${String(tally.clicks).padStart(3)}  keys ${String(tally.keys).padStart(3)}  drags ${String(tally.drags).padStart(2)}  typed ${String(tally.typed).padStart(4)} chars`;
  for (const entry of steps) console.log(line(entry.name, entry.tally));
  console.log(line("TOTAL", total));
  const actions = total.clicks + total.keys + total.drags;
  const operate = total.clicks * (KLM.point + KLM.button) + total.drags * (KLM.point + 2 * KLM.button) + total.keys * KLM.key;
  const typing = total.typed * KLM.key;
  const thinking = actions * KLM.mental;
  console.log(`actions (clicks + keys + drags): ${actions}; characters typed: ${total.typed}`);
  console.log(`browser wall-clock: ${seconds.toFixed(0)} s`);
  console.log(`keystroke-level estimate of an editor's time: operating ${(operate / 60).toFixed(1)} min + typing ${(typing / 60).toFixed(1)} min + preparing each action ${(thinking / 60).toFixed(1)} min = ${((operate + typing + thinking) / 60).toFixed(1)} min (reading sources not included)`);
}

async function reviewerSignIn(page: Page) {
  step("sign in (second editor)");
  await signIn(page, plan.reviewer.email, plan.reviewer.password);
}

const started = Date.now();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
  args: ["--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const reviewer = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } })).newPage();
  await reviewerSignIn(reviewer);
  await requireSignOff(reviewer);
  const editor = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } })).newPage();
  step("sign in (editor)");
  await signIn(editor, plan.editor.email, plan.editor.password);
  const articleUrl = await importArticle(editor, plan);
  await makeClaims(editor, plan);
  await traceAndJudge(editor, plan);
  await signOff(reviewer, plan, articleUrl);
  await exportReport(editor, articleUrl);
} finally {
  await browser.close();
}
summarise((Date.now() - started) / 1000);
