import { expect, test } from "@playwright/test";
import { addCitation } from "../lib/citations/mutations";
import { addCitationSchema } from "../lib/citations/schema";
import { createClaim } from "../lib/claims/mutations";
import { createArticle, seedClaim } from "./support/articles";
import { signIn } from "./support/auth";
import { createPersonWithTeam, db } from "./support/db";

const PLANS = `The plans for the private military companies, or "special enterprises," were noted in a new bill that raises the draft age for the Russian military.`;
const PARAPHRASE = "A new bill raising the Russian military’s draft age set out plans for private military companies, called “special enterprises”.";
const ARTICLE_B = `Moscow digest\n\nLawmakers met on Tuesday. ${PARAPHRASE} The session ended early.`;
const RATIONALE = "The bill raises the draft age, but the private companies are only mentioned in amendments, not in the bill as passed.";
const SHOTS = process.env.CHECKED_BEFORE_SCREENSHOTS;

test("a claim judged in one article is shown as checked before on its paraphrase in another, whose citations and chain it can reuse", async ({ page }) => {
  const person = await createPersonWithTeam("matcher");
  const actor = { teamId: person.team.id, userId: person.user.id };
  // Article A: the claim rests on The Daily Beast, which got it from the bill (the origin).
  const articleA = await createArticle(person);
  const judged = await seedClaim(person, articleA.id, PLANS);
  const bill = await addCitation(db, actor, addCitationSchema.parse({ claimId: judged.id, relation: "states", sourceName: "Duma bill on the draft age", sourceKind: "document", isOrigin: true }));
  await addCitation(db, actor, addCitationSchema.parse({ claimId: judged.id, relation: "states", sourceName: "The Daily Beast", viaCitationId: bill.id }));

  await signIn(page, person.email, person.password);
  await page.goto(`${articleA.url}/claims/${judged.id}`);
  await expect(page.locator("[data-claim-page][data-ready]")).toBeVisible();
  await page.getByRole("radio", { name: /^Misleading/ }).check();
  await page.getByRole("textbox", { name: "Rationale" }).fill(RATIONALE);
  await page.getByRole("button", { name: "Give verdict" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Verdict recorded." })).toBeVisible();

  // Article B, imported by pasting, says the same in other words.
  await page.goto(`/t/${person.team.slug}/articles/new`);
  await page.getByLabel("Article text").fill(ARTICLE_B);
  await page.getByRole("button", { name: "Read article" }).click();
  await page.getByLabel("Title").fill("Moscow digest");
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page).toHaveURL(/\/articles\/[^/?]+\?notice=imported/);
  const articleB = await db.article.findFirstOrThrow({ where: { teamId: person.team.id, title: "Moscow digest" }, select: { id: true } });
  const version = await db.articleVersion.findFirstOrThrow({ where: { articleId: articleB.id } });
  const start = version.text.indexOf(PARAPHRASE);
  const paraphrase = await createClaim(db, actor, { articleId: articleB.id, start, end: start + PARAPHRASE.length });

  // The workspace marks the claim; its page says where, when and what.
  await page.reload();
  const claims = page.getByRole("list", { name: "Claims" });
  await expect(claims.getByText("Checked before")).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/workspace-marker.png` });
  await claims.getByRole("link", { name: /^Open/ }).first().click();
  await expect(page.locator("[data-claim-page][data-ready]")).toBeVisible();
  const panel = page.getByRole("region", { name: "Checked before" });
  const day = new Date();
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][day.getUTCMonth()];
  await expect(panel).toContainText(`Checked before in ‘Putin is forming mysterious private armies`);
  await expect(panel).toContainText(`(${day.getUTCDate()} ${month} ${day.getUTCFullYear()}):`);
  await expect(panel).toContainText("Misleading");
  await panel.getByText("Rationale and 2 citations").click();
  await expect(panel).toContainText(RATIONALE);
  await expect(panel).toContainText("The Daily Beast");
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/claim-checked-before.png`, fullPage: true });

  await panel.getByRole("button", { name: "Reuse its citations and chain" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 citations reused from “Putin is forming mysterious private armies" })).toBeVisible();
  await expect(page.getByTestId("trace-summary")).toHaveText("1 origin: Duma bill on the draft age");
  await expect(page.getByRole("list", { name: "History" })).toContainText("Reused from a claim checked before");
  const copies = await db.citation.findMany({ where: { claimId: paraphrase.id, deletedAt: null }, select: { source: { select: { name: true } }, via: { select: { claimId: true } } } });
  expect(copies.map((copy) => copy.source.name).sort()).toEqual(["Duma bill on the draft age", "The Daily Beast"]);
  expect(copies.every((copy) => !copy.via || copy.via.claimId === paraphrase.id)).toBe(true);

  // A second click adds nothing.
  await panel.getByRole("button", { name: "Reuse its citations and chain" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Nothing to add" })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(panel.getByRole("button", { name: "Reuse its citations and chain" })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/claim-checked-before-390.png`, fullPage: true });
});
