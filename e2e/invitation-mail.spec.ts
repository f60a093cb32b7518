import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { E2E_BASE_URL } from "./support/constants";
import { createPersonWithTeam } from "./support/db";
import { waitForMailTo } from "./support/mailbox";
import { SMTP_FROM } from "./support/services";

test("an invitation with an email is mailed with its absolute link, which opens the invitation", async ({ page, browser }) => {
  const owner = await createPersonWithTeam("owner");
  const invitee = `invitee-${randomUUID().slice(0, 8)}@e2e.test`;
  await signIn(page, owner.email, owner.password);
  await page.goto(`/t/${owner.team.slug}/settings/members`);
  await page.getByLabel("Email (optional)").fill(invitee);
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
  // NEXTAUTH_URL-based and absolute: the same link the owner sees.
  expect(link).toMatch(new RegExp(`^${E2E_BASE_URL}/invite/[A-Za-z0-9_-]{43}$`));
  expect(link).toBe(shownLink);

  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(link);
  await expect(guestPage.getByRole("heading", { name: `Join ${owner.team.name}` })).toBeVisible();
  await expect(guestPage.getByText(`${owner.user.name} invited you as viewer`)).toBeVisible();
  await guest.close();
});

test("an invitation without an email is not mailed", async ({ page }) => {
  const owner = await createPersonWithTeam("owner");
  await signIn(page, owner.email, owner.password);
  await page.goto(`/t/${owner.team.slug}/settings/members`);
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(page.getByLabel("Invitation link")).toHaveValue(/\/invite\//);
  await expect(page.getByText("(also sent by email)")).toHaveCount(0);
});
