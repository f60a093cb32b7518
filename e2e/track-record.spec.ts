import { expect, test } from "@playwright/test";
import { addCitation } from "../lib/citations/mutations";
import { addCitationSchema } from "../lib/citations/schema";
import { giveVerdict } from "../lib/verification/mutations";
import type { Verdict } from "../lib/verification/verdicts";
import { createArticle, seedClaim } from "./support/articles";
import { signIn } from "./support/auth";
import { createPersonWithTeam, db } from "./support/db";
import { expectNoPageOverflow } from "./support/layout";

type Owner = Awaited<ReturnType<typeof createPersonWithTeam>>;

const PLANS = `The plans for the private military companies, or "special enterprises," were noted in a new bill that raises the draft age for the Russian military.`;
const DENIED = "Russian President Vladimir Putin is forming a network of mysterious private military companies across Russia to protect himself from another Wagner uprising.";
const WAGNER = "The move is aimed at countering sabotage and internal threats, according to a statement by Duma defense committee chairman Andrey Kartapolov.";
const RATIONALE = "Checked against the bill on the Duma's site and the agency's wire copy.";

async function judge(owner: Owner, claimId: string, verdict: Verdict, at: string) {
  const actor = { teamId: owner.team.id, userId: owner.user.id };
  const { revision } = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { revision: true } });
  await giveVerdict(db, actor, { claimId, revision, verdict, rationale: RATIONALE });
  // As if given on that day, so the periods are known.
  await db.claim.update({ where: { id: claimId }, data: { verdictAt: new Date(at) } });
}

/**
 * Three judged claims: BBC News relaying Reuters, the origin (Accurate, August); Reuters cited as
 * the origin (False, November); BBC News alone, not traced further (Misleading, November).
 */
async function seedDesk(owner: Owner) {
  const actor = { teamId: owner.team.id, userId: owner.user.id };
  const cite = (claimId: string, fields: Record<string, unknown>) => addCitation(db, actor, addCitationSchema.parse({ claimId, relation: "states", ...fields }));
  const article = await createArticle(owner);
  const relayed = await seedClaim(owner, article.id, PLANS);
  const bbc = await cite(relayed.id, { sourceName: "BBC News", sourceKind: "outlet" });
  await cite(relayed.id, { sourceName: "Reuters", sourceKind: "outlet", relaysForId: bbc.id, isOrigin: "on" });
  await judge(owner, relayed.id, "accurate", "2026-08-14T10:00:00Z");
  const direct = await seedClaim(owner, article.id, DENIED);
  await cite(direct.id, { sourceName: "Reuters", isOrigin: "on" });
  await judge(owner, direct.id, "false", "2026-11-03T10:00:00Z");
  const stopped = await seedClaim(owner, article.id, WAGNER);
  await cite(stopped.id, { sourceName: "BBC News" });
  await judge(owner, stopped.id, "misleading", "2026-11-20T10:00:00Z");
  const reuters = await db.source.findFirstOrThrow({ where: { teamId: owner.team.id, name: "Reuters" }, select: { id: true } });
  return { article, reuters, claims: { relayed, direct, stopped } };
}

test.describe("a source's track record", () => {
  test("the registry sums it per role, and every number on the source's page lists its claims", async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    const owner = await createPersonWithTeam("tracker");
    const { article, reuters, claims } = await seedDesk(owner);
    // Another team citing a "Reuters" of its own: nothing of it may show here.
    const other = await createPersonWithTeam("tracker-other");
    const theirs = await seedDesk(other);
    await signIn(page, owner.email, owner.password, { timeout: 60_000 });

    await page.goto(`/t/${owner.team.slug}/sources`);
    const registry = page.getByRole("table", { name: "Sources" });
    const row = (name: string) => registry.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
    await expect(row("Reuters").getByRole("cell").nth(3)).toHaveText("Origin: 2 claims: 1 Accurate · 1 False");
    await expect(row("BBC News").getByRole("cell").nth(3)).toHaveText("Relay: 2 claims: 1 Accurate · 1 Misleading");
    await page.screenshot({ path: testInfo.outputPath("registry-desktop.png"), fullPage: true });

    await row("Reuters").getByRole("link", { name: /Origin: 2 claims/ }).click();
    await expect(page).toHaveURL(new RegExp(`/sources/${reuters.id}#track-record$`));
    const origin = page.getByRole("table", { name: "Verdicts on claims whose origin is Reuters, by quarter" });
    await expect(origin.getByRole("rowheader")).toHaveText(["Q4 2026", "Q3 2026", "All periods"]);
    await expect(page.getByText("No judged claim came through Reuters.")).toBeVisible();

    // The 1 under "False" in Q4: the claim, its article, its verdict and the day it was given.
    await origin.getByRole("link", { name: "1 claim: False, Q4 2026, as origin" }).click();
    const listed = page.getByRole("table", { name: "Claims behind the number: False, Q4 2026, as origin" });
    await expect(listed.getByRole("row")).toHaveCount(2);
    const claimRow = listed.getByRole("row").nth(1);
    await expect(claimRow.getByRole("link", { name: DENIED })).toHaveAttribute("href", `${article.url}/claims/${claims.direct.id}`);
    await expect(claimRow.getByRole("link", { name: /^Putin is forming mysterious private armies/ })).toHaveAttribute("href", article.url);
    await expect(claimRow.getByRole("cell").nth(1)).toContainText("False");
    await expect(claimRow.getByRole("cell").nth(2)).toHaveText("3 Nov 2026");
    await expect(origin.getByRole("link", { name: "1 claim: False, Q4 2026, as origin" })).toHaveAttribute("aria-current", "true");
    await page.screenshot({ path: testInfo.outputPath("source-desktop.png"), fullPage: true });

    // By month; the link from the total lists both claims, newest first.
    await page.getByRole("navigation", { name: "Track record period" }).getByRole("link", { name: "By month" }).click();
    const monthly = page.getByRole("table", { name: "Verdicts on claims whose origin is Reuters, by month" });
    await expect(monthly.getByRole("rowheader")).toHaveText(["November 2026", "August 2026", "All periods"]);
    await monthly.getByRole("link", { name: "2 claims: Every verdict, all periods, as origin" }).click();
    await expect(page.getByRole("table", { name: /Claims behind the number/ }).getByRole("rowheader")).toHaveText([DENIED, PLANS]);

    // BBC News: relayed one claim to its origin, and is as far as another was traced.
    const bbc = await db.source.findFirstOrThrow({ where: { teamId: owner.team.id, name: "BBC News" }, select: { id: true } });
    await page.goto(`/t/${owner.team.slug}/sources/${bbc.id}?period=quarter&role=relay&in=2026-Q4&verdict=misleading`);
    const stop = page.getByRole("table", { name: "Claims behind the number: Misleading, Q4 2026, as relay" });
    await expect(stop.getByRole("rowheader")).toHaveText(`${WAGNER}Traced as far as this source; no origin reached`);
    await expect(page.getByText("No judged claim has BBC News as its origin.")).toBeVisible();

    // A link that names no number says so and still shows the tables; another team's source is not found.
    await page.goto(`/t/${owner.team.slug}/sources/${reuters.id}?role=origin&in=2026-07`);
    await expect(page.getByText("That link names no number of this track record; the tables are below.")).toBeVisible();
    await expect(origin).toBeVisible();
    expect((await page.goto(`/t/${owner.team.slug}/sources/${theirs.reuters.id}`))?.status()).toBe(404);

    // A phone: the tables scroll in their own boxes, the page does not.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const url of [`/t/${owner.team.slug}/sources`, `/t/${owner.team.slug}/sources/${reuters.id}?period=quarter&role=origin&in=all#track-claims`]) {
      await page.goto(url);
      await expectNoPageOverflow(page);
    }
    await page.screenshot({ path: testInfo.outputPath("source-phone.png"), fullPage: true });
    await page.goto(`/t/${owner.team.slug}/sources`);
    await page.screenshot({ path: testInfo.outputPath("registry-phone.png"), fullPage: true });
  });
});
