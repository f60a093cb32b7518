import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { E2E_BASE_URL } from "./support/constants";
import { createPersonWithTeam, db } from "./support/db";
import { waitForMailTo } from "./support/mailbox";
import { SMTP_FROM } from "./support/services";

test("an invitation is mailed with its absolute link, and signing up through the mailed link proves the address by mail", async ({ page, browser }) => {
  const owner = await createPersonWithTeam("owner");
  const invitee = `invitee-${randomUUID().slice(0, 8)}@e2e.test`;
  await signIn(page, owner.email, owner.password);
  await page.goto(`/t/${owner.team.slug}/settings/members`);
  await page.getByLabel("Email", { exact: true }).fill(invitee);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Viewer" });
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(page.getByText("(also sent by email)")).toBeVisible();
  const shownLink = await page.getByLabel("Invitation link").inputValue();

  const mail = await waitForMailTo(invitee);
  expect(mail.to).toContain(invitee);
  expect(mail.from).toBe(SMTP_FROM);
  expect(mail.subject).toBe(`${owner.user.name} invited you to ${owner.team.name} on FactDesk`);
  expect(mail.text).toContain(`invited you to join ${owner.team.name} as viewer`);
  const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
  expect(links).toHaveLength(1);
  const link = links[0]!;
  // NEXTAUTH_URL-based and absolute: the link the owner sees, with the mark only the mail carries.
  expect(link).toMatch(new RegExp(`^${E2E_BASE_URL}/invite/[A-Za-z0-9_-]{43}\\?m=[A-Za-z0-9_-]{43}$`));
  expect(link.split("?")[0]).toBe(shownLink);

  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(link);
  await expect(guestPage.getByRole("heading", { name: `Join ${owner.team.name}` })).toBeVisible();
  await expect(guestPage.getByText(`${owner.user.name} invited you as viewer`)).toBeVisible();
  await guestPage.getByRole("link", { name: "Create an account to join" }).click();
  await expect(guestPage.getByLabel("Work email")).toHaveValue(invitee);
  await guestPage.getByLabel("Your name").fill("Ivo Invitee");
  await guestPage.getByLabel("Password").fill("invitee password 123");
  await guestPage.getByRole("button", { name: `Create account and join ${owner.team.name}` }).click();
  await expect(guestPage).toHaveURL(new RegExp(`/t/${owner.team.slug}`));
  await expect(guestPage.getByTestId("current-role")).toHaveText("Viewer");
  expect(await db.user.findUniqueOrThrow({ where: { email: invitee } })).toMatchObject({ emailVerifiedVia: "mail" });
  await guest.close();
});

test("an invitation names the invitee's address: without one, none is made", async ({ page }) => {
  const owner = await createPersonWithTeam("owner");
  await signIn(page, owner.email, owner.password);
  await page.goto(`/t/${owner.team.slug}/settings/members`);
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(page.getByText("Enter the email address of the person you invite")).toBeVisible();
  await expect(page.getByLabel("Invitation link")).toHaveCount(0);
  expect(await db.invitation.count({ where: { teamId: owner.team.id } })).toBe(0);
});
