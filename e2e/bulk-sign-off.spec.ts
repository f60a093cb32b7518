import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { addCitation } from "../lib/citations/mutations";
import { addCitationSchema } from "../lib/citations/schema";
import { giveVerdict, signOffVerdict } from "../lib/verification/mutations";
import { createArticle, seedClaim } from "./support/articles";
import { signIn } from "./support/auth";
import { addMember, createPersonWithTeam, db } from "./support/db";

/** In article order, as the workspace numbers them. */
const CLAIMS = [
  { quote: "Russian President Vladimir Putin is forming a network of mysterious private military companies across Russia to protect himself from another Wagner uprising.", verdict: "false", rationale: "The bill names no network; the Duma site's text speaks of special enterprises only." },
  { quote: "The move is aimed at countering sabotage and internal threats, according to a statement by Duma defense committee chairman Andrey Kartapolov.", verdict: "misleading", rationale: "Kartapolov spoke of sabotage only; the internal threats are the reporter's addition." },
  { quote: "It comes weeks after the mutiny by Russia's Wagner mercenary group, which exposed gaps in Putin's defenses.", verdict: "not_checkable", rationale: "Whether the mutiny exposed gaps is the outlet's reading, not a fact we can check." },
  { quote: "Though Putin has not punished Yevgeny Prigozhin, the leader of the mutiny, he has launched a search for suspected traitors in the Russian military", verdict: "not_checkable", rationale: "An account of Putin's fears, which nobody outside the Kremlin can check." },
] as const;

const shots = process.env.BULK_SCREENSHOTS;

test("a second editor selects the verdicts awaiting sign-off, reads their rationales, signs them off (their own refused, with why), then cites the outlet for them", async ({ page }) => {
  test.setTimeout(120_000);
  const ana = await createPersonWithTeam("ana");
  const ben = await createPersonWithTeam("ben");
  await addMember(ana.team.id, ben.user.id, "editor");
  await db.team.update({ where: { id: ana.team.id }, data: { verificationRules: JSON.stringify({ accurateNeeds: "one_citation", requireSignOff: true }) } });
  const article = await createArticle(ana);
  const asAna = { teamId: ana.team.id, userId: ana.user.id };
  const asBen = { teamId: ana.team.id, userId: ben.user.id };
  // Ana judges the first three claims, Ben the fourth (a verdict he cannot sign off himself).
  const ids: string[] = [];
  for (const [index, { quote, verdict, rationale }] of CLAIMS.entries()) {
    const claim = await seedClaim(ana, article.id, quote);
    ids.push(claim.id);
    if (verdict !== "not_checkable") await addCitation(db, asAna, addCitationSchema.parse({ claimId: claim.id, sourceName: "Duma bill on the draft age", sourceKind: "document", relation: "contradicts" }));
    const revision = (await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).revision;
    await giveVerdict(db, index === 3 ? asBen : asAna, { claimId: claim.id, revision, verdict, rationale });
  }

  await signIn(page, ben.email, ben.password);
  await page.goto(article.url);
  await expect(page.locator("[data-workspace][data-ready]")).toBeVisible();
  const list = page.getByRole("list", { name: "Claims", exact: true });

  // Select by filter, from the keyboard: "Awaiting my sign-off" ticks Ana's three, not Ben's own.
  await page.getByLabel("Select by…").selectOption({ label: "Awaiting my sign-off" });
  await page.getByRole("button", { name: "Select the matching claims" }).press("Enter");
  await expect(page.getByText("3 claims awaiting your sign-off selected.")).toBeVisible();
  await expect(page.getByText("3 of 4 selected")).toBeVisible();
  if (shots) await page.getByRole("region", { name: /^Claims/ }).screenshot({ path: `${shots}/bulk-filtered.png` });
  for (const number of [1, 2, 3]) await expect(list.getByRole("checkbox", { name: new RegExp(`^Select claim ${number}\\b`) })).toBeChecked();
  await expect(list.getByRole("checkbox", { name: /^Select claim 4\b/ })).not.toBeChecked();
  // Ben ticks his own as well: the review says it will be refused, and the answer says why.
  await list.getByRole("checkbox", { name: /^Select claim 4\b/ }).check();
  await expect(page.getByText("4 of 4 selected")).toBeVisible();
  if (shots) await page.getByRole("region", { name: /^Claims/ }).screenshot({ path: `${shots}/bulk-panel.png` });

  await page.getByRole("button", { name: "Sign off 4 verdicts…" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign off 4 verdicts" });
  const review = dialog.getByRole("list", { name: "Verdicts to sign off" });
  await expect(review.getByRole("listitem")).toHaveCount(4);
  for (const [index, { rationale }] of CLAIMS.entries()) await expect(review.getByRole("listitem", { name: `Claim ${index + 1}` })).toContainText(rationale);
  await expect(review.getByRole("listitem", { name: "Claim 1" })).toContainText(`by ${ana.user.name}`);
  await expect(review.getByRole("listitem", { name: "Claim 4" })).toContainText("Will be refused: You gave this verdict");
  await dialog.getByLabel(/^Note/).fill("Read with the bill open.");
  const axe = await new AxeBuilder({ page }).include("dialog").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
  if (shots) await page.screenshot({ path: `${shots}/bulk-review.png`, fullPage: false });
  await dialog.getByRole("button", { name: "Sign off 3 verdicts" }).click();

  await expect(dialog.getByRole("heading", { name: "3 verdicts signed off, 1 claim refused" })).toBeFocused();
  const refused = dialog.getByRole("region", { name: "Refused" });
  await expect(refused).toContainText("Claim 4:");
  await expect(refused).toContainText("Why: You gave this verdict, so a second editor has to sign it off.");
  await expect(dialog.getByRole("region", { name: "Signed off" }).getByRole("listitem")).toHaveCount(3);
  if (shots) await page.screenshot({ path: `${shots}/bulk-result.png`, fullPage: false });
  await dialog.getByRole("button", { name: "Close" }).click();
  // The list shows the sign-offs from the action's answer.
  await expect(list.getByText("signed off")).toHaveCount(3);
  expect(await db.claim.count({ where: { id: { in: ids }, signedOffById: ben.user.id } })).toBe(3);
  expect(await db.claimEvent.count({ where: { claimId: { in: ids }, type: "verdict_signed_off", note: "Read with the bill open." } })).toBe(3);

  // Cite the article's outlet for the four: three are signed off, so it asks first, naming them.
  const cite = page.getByRole("button", { name: "Cite Business Insider (the article’s outlet) for 4 claims" });
  const signedOff = () => db.claim.count({ where: { id: { in: ids }, signedOffById: ben.user.id } });
  const outletCitations = () => db.citation.count({ where: { claimId: { in: ids }, deletedAt: null, source: { name: "Business Insider" } } });
  await cite.click();
  const confirm = page.getByRole("dialog", { name: "Withdraw 3 sign-offs?" });
  await expect(confirm).toContainText("Citing Business Insider adds evidence the signer has not seen, so the sign-offs of these claims will be withdrawn, and a second editor must sign each off again.");
  const named = confirm.getByRole("list", { name: "Sign-offs to withdraw" }).getByRole("listitem");
  await expect(named).toHaveText(CLAIMS.slice(0, 3).map(({ quote }, index) => `Claim ${index + 1}${quote}`));
  await expect(confirm).toContainText("The other 1 ticked claim has no sign-off to withdraw.");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  const confirmAxe = await new AxeBuilder({ page }).include("dialog").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(confirmAxe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
  if (shots) await page.screenshot({ path: `${shots}/bulk-cite-confirm.png`, fullPage: false });
  // Cancel changes nothing, and focus goes back to the button; Escape cancels too.
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(cite).toBeFocused();
  await cite.press("Enter");
  await expect(confirm).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(list.getByText("signed off")).toHaveCount(3);
  expect(await signedOff()).toBe(3);
  expect(await outletCitations()).toBe(0);

  // Confirmed: each claim gets its citation and the three sign-offs are withdrawn.
  await cite.click();
  await confirm.getByRole("button", { name: "Cite and withdraw 3 sign-offs" }).click();
  const toast = page.getByRole("status").filter({ hasText: "4 claims now cite Business Insider (added to the source registry)" });
  await expect(toast).toContainText("the sign-off of claims 1, 2, 3 was withdrawn");
  await expect(confirm).toBeHidden();
  if (shots) await page.screenshot({ path: `${shots}/bulk-cited.png`, fullPage: false });
  expect(await signedOff()).toBe(0);
  await expect(list.getByText("signed off")).toHaveCount(0);

  // Signed off again, claim 1 already cites the outlet: citing once more changes no sign-off, so it does not ask, and adds nothing.
  const claimOne = await db.claim.findUniqueOrThrow({ where: { id: ids[0]! } });
  await signOffVerdict(db, asBen, { claimId: claimOne.id, revision: claimOne.revision });
  await page.reload();
  await expect(page.locator("[data-workspace][data-ready]")).toBeVisible();
  await expect(list.getByText("signed off")).toHaveCount(1);
  await page.getByRole("button", { name: /^Select all/ }).click();
  await cite.click();
  await expect(page.getByRole("status").filter({ hasText: "No citation added; claims 1, 2, 3, 4 already cited Business Insider." })).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect(await signedOff()).toBe(1);
  const outlet = await db.source.findFirstOrThrow({ where: { teamId: ana.team.id, name: "Business Insider" } });
  expect(await db.citation.count({ where: { claimId: { in: ids }, sourceId: outlet.id, deletedAt: null } })).toBe(4);
  expect(await db.claimEvent.count({ where: { claimId: { in: ids }, type: "citation_added", actorId: ben.user.id } })).toBe(4);
});
