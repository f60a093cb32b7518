import { expect, test, type Page } from "@playwright/test";
import { createClaim } from "../lib/claims/mutations";
import { addCitation } from "../lib/citations/mutations";
import { addCitationSchema } from "../lib/citations/schema";
import { createArticle } from "./support/articles";
import { signIn } from "./support/auth";
import { createPersonWithTeam, db } from "./support/db";
import { expectNoPageOverflow } from "./support/layout";

type Owner = Awaited<ReturnType<typeof createPersonWithTeam>>;
const PHONE = { width: 390, height: 844 };

const CLAIM_COUNT = 30;
/** An article of many checkable sentences, one claim each. */
const SENTENCES = Array.from({ length: CLAIM_COUNT }, (_, index) => `Report ${index + 1} says the Duma passed amendment ${index + 1} to the security bill.`);
const TEXT = SENTENCES.join(" ");

function cite(owner: Owner, claimId: string, fields: Record<string, unknown>) {
  return addCitation(db, { teamId: owner.team.id, userId: owner.user.id }, addCitationSchema.parse({ claimId, relation: "states", ...fields }));
}

/**
 * A heavy article: claim 1 cites only BBC News; claims 2-6 cite BBC News relaying Reuters, the
 * origin; the rest cite one of 45 outlets with long names, each relaying a named official.
 */
async function seedHeavyArticle(owner: Owner) {
  const article = await createArticle(owner, TEXT);
  const claims = [];
  for (const sentence of SENTENCES) {
    const start = TEXT.indexOf(sentence);
    claims.push(await createClaim(db, { teamId: owner.team.id, userId: owner.user.id }, { articleId: article.id, start, end: start + sentence.length }));
  }
  await cite(owner, claims[0].id, { sourceName: "BBC News", sourceKind: "outlet" });
  for (const claim of claims.slice(1, 6)) {
    const bbc = await cite(owner, claim.id, { sourceName: "BBC News", sourceKind: "outlet" });
    await cite(owner, claim.id, { sourceName: "Reuters", sourceKind: "outlet", relaysForId: bbc.id, isOrigin: "on" });
  }
  for (const [index, claim] of claims.slice(6).entries()) {
    for (const offset of [0, 1]) {
      const number = index * 2 + offset;
      const outlet = await cite(owner, claim.id, { sourceName: `The Regional Evening Chronicle and Gazette of District ${number}`, sourceKind: "outlet" });
      await cite(owner, claim.id, { sourceName: `Official ${number % 7}`, sourceKind: "person", relaysForId: outlet.id, isOrigin: "on" });
    }
  }
  return { article, claims };
}

/** Every box's name inside its box, and no edge label over a box, measured in the browser. */
async function measureDiagram(page: Page) {
  return page.locator("#source-diagram-heading ~ * svg[role=img]").evaluate((svg) => {
    const boxes = [...svg.querySelectorAll("g:not([aria-hidden]) > rect + text")].map((text) => {
      const rect = text.previousElementSibling as SVGRectElement;
      return { box: rect.getBBox(), name: (text as SVGTextElement).getBBox(), detail: (text.nextElementSibling as SVGTextElement).getBBox() };
    });
    const labels = [...svg.querySelectorAll("g[aria-hidden=true] > rect")].map((rect) => (rect as SVGRectElement).getBBox());
    const inside = (inner: DOMRect, outer: DOMRect) => inner.x >= outer.x && inner.x + inner.width <= outer.x + outer.width + 0.5;
    const overlaps = (a: DOMRect, b: DOMRect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    return {
      boxCount: boxes.length,
      spilling: boxes.filter(({ box, name, detail }) => !inside(name, box) || !inside(detail, box)).length,
      labelsOnBoxes: labels.filter((label) => boxes.some(({ box }) => overlaps(label, box))).length,
    };
  });
}

test.describe("provenance and the source map", () => {
  test("one vocabulary, the map counted per chain and drawn legibly, and every page fits a phone", async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    const owner = await createPersonWithTeam("mapper");
    // Signing in hashes a password (argon2): on a loaded machine that takes longer than expect's default.
    await signIn(page, owner.email, owner.password, { timeout: 60_000 });
    const { article, claims } = await seedHeavyArticle(owner);

    // Only the outlet cited: the claim page never calls BBC News an origin.
    await page.goto(`${article.url}/claims/${claims[0].id}`);
    const provenance = page.getByRole("region", { name: "Provenance" });
    await expect(page.getByTestId("trace-summary")).toHaveText("No origin reached yet (traced as far as BBC News)");
    await expect(provenance).not.toContainText(/\b1 (independent )?origin/);
    await expect(provenance).toContainText("No origin reached yet");

    await page.goto(`${article.url}/sources`);
    const diagram = page.locator("#source-diagram-heading ~ * svg[role=img]");
    await expect(diagram).toBeVisible();
    await expect(page.getByText(/Showing the 40 sources most claims pass through; \d+ more/)).toBeVisible();
    await expectNoPageOverflow(page);
    await page.screenshot({ path: testInfo.outputPath("source-map-desktop.png"), fullPage: true });
    const whole = await measureDiagram(page);
    expect(whole.boxCount).toBe(41);
    expect(whole, "names stay in their boxes and no label covers a box").toMatchObject({ spilling: 0, labelsOnBoxes: 0 });

    // BBC News relays five claims to Reuters and is where one chain stops: counted per chain.
    await page.getByLabel("Focus on a source").selectOption({ label: "BBC News (6 claims)" });
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page.getByText("Showing BBC News and the 2 sources next to it.")).toBeVisible({ timeout: 60_000 });
    await expect(diagram.locator("title", { hasText: "BBC News:" })).toHaveText("BBC News: ? trace stops here for 1 claim · relays for 5 claims");
    await expect(diagram.locator("title", { hasText: "Reuters:" })).toHaveText("Reuters: ✓ origin for 5 claims");
    await page.screenshot({ path: testInfo.outputPath("source-map-focus.png"), fullPage: true });
    expect(await measureDiagram(page)).toMatchObject({ spilling: 0, labelsOnBoxes: 0 });

    // A phone: the map scrolls inside its own box, the navigation wraps and every link shows.
    await page.setViewportSize(PHONE);
    for (const url of [`${article.url}/sources`, `${article.url}/claims/${claims[1].id}`, article.url, `/t/${owner.team.slug}`]) {
      await page.goto(url);
      await expectNoPageOverflow(page);
      for (const link of await page.getByRole("navigation", { name: "Team" }).getByRole("link").all()) {
        const box = (await link.boundingBox())!;
        expect(box.x, `${await link.textContent()} is on screen`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      }
    }
    await page.goto(`${article.url}/sources`);
    await page.screenshot({ path: testInfo.outputPath("source-map-phone.png"), fullPage: true });
  });
});
