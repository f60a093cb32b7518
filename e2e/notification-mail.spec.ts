import { expect, test } from "@playwright/test";
import { createArticle, seedClaim } from "./support/articles";
import { signInTwo } from "./support/auth";
import { E2E_BASE_URL } from "./support/constants";
import { addMember, createPersonWithTeam } from "./support/db";
import { readMailbox, waitForMailTo } from "./support/mailbox";

const QUOTE = "The move is aimed at countering sabotage and internal threats, according to a statement by Duma defense committee chairman Andrey Kartapolov.";

test("a person who chose mentions by mail gets one mail for two quick mentions, linking to the claim", async ({ browser }) => {
  const owner = await createPersonWithTeam("mailchief");
  const colleague = await createPersonWithTeam("mailreader");
  await addMember(owner.team.id, colleague.user.id, "editor");
  const article = await createArticle(owner);
  const claim = await seedClaim(owner, article.id, QUOTE);
  const { firstPage: mine, secondPage: theirs, close } = await signInTwo(browser, owner, colleague);

  await theirs.goto(`/t/${owner.team.slug}/notifications`);
  await theirs.getByRole("checkbox", { name: "Someone mentions me in a comment" }).check();
  await theirs.getByRole("button", { name: "Save mail settings" }).click();
  await expect(theirs.getByRole("status").filter({ hasText: "Your mail settings are saved." })).toBeVisible();

  await mine.goto(`${article.url}/claims/${claim.id}`);
  await expect(mine.locator("[data-claim-page][data-ready]")).toBeVisible();
  for (const body of ["first look", "second look"]) {
    await mine.getByRole("textbox", { name: "Comment" }).fill(`@${colleague.user.name} ${body}`);
    await mine.getByRole("button", { name: "Add comment" }).click();
    await expect(mine.getByRole("list", { name: /^Comments/ })).toContainText(body);
  }

  const mail = await waitForMailTo(colleague.email, 30_000);
  expect(mail.subject).toBe("2 new notifications on FactDesk");
  expect(mail.text).toContain("first look");
  expect(mail.text).toContain("second look");
  expect(mail.text).toContain(`${E2E_BASE_URL}/t/${owner.team.slug}/articles/${article.id}/claims/${claim.id}`);
  // Nothing for the owner, who mentioned, and no second mail.
  await theirs.waitForTimeout(6_000);
  expect(readMailbox().filter((message) => message.to.includes(colleague.email))).toHaveLength(1);
  expect(readMailbox().filter((message) => message.to.includes(owner.email))).toHaveLength(0);
  await close();
});
