/**
 * Proving an address by mail, end to end through the e2e SMTP sink: a new account is unusable
 * until its mailed link is followed; sign-up answers the same for a new and a registered address;
 * "Forgot your password?" mails a single-use link that ends every session.
 */
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { PASSWORD_MESSAGES } from "../lib/auth/password-policy";
import { createPersonWithTeam, db, TEST_PASSWORD } from "./support/db";
import { readLink, readMailbox, waitForMailsTo, waitForMailTo } from "./support/mailbox";

const PASSWORD = "a long enough password";

async function fillSignUp(page: Page, email: string, teamName = `Desk ${randomUUID().slice(0, 6)}`) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Vera Verify");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Newsroom or team name").fill(teamName);
  await page.getByRole("button", { name: "Create account" }).click();
}

async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("a new account is unusable until its mailed link is followed; the sign-in form sends the link again", async ({ page }) => {
  test.setTimeout(120_000);
  const email = `verify-${randomUUID().slice(0, 8)}@e2e.test`;
  await fillSignUp(page, email, "Verify Desk");
  await expect(page.getByRole("status").filter({ hasText: `Check your inbox: we sent a mail to ${email}.` })).toBeVisible();
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  expect(user.emailVerifiedAt).toBeNull();

  // The right password alone opens nothing: the form says why and offers to send the link again.
  await submitSignIn(page, email, PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: `Confirm your email address: we sent a link to ${email}.` })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await submitSignIn(page, email, PASSWORD);
  const resend = page.getByRole("button", { name: "Send the link again" });
  const resent = page.getByRole("status").filter({ hasText: `If an account with ${email} is waiting for its address to be confirmed, we sent it a new link.` });
  // Within a minute of the first mail: the same answer, and no second mail (one a minute, five a day).
  await resend.click();
  await expect(resent).toBeVisible();
  await page.waitForTimeout(1_500);
  expect(readMailbox().filter((mail) => mail.to.includes(email))).toHaveLength(1);
  // A minute later (the first link made earlier), it sends a new one.
  await db.accountToken.updateMany({ where: { userId: user.id }, data: { createdAt: new Date(Date.now() - 2 * 60_000) } });
  await submitSignIn(page, email, PASSWORD);
  await resend.click();
  await expect(resent).toBeVisible();
  const [first, second] = await waitForMailsTo(email, 2);
  expect(readLink(first, "/verify-email/")).not.toBe(readLink(second, "/verify-email/"));

  // Opening the link changes nothing (mail scanners open links); whoever reads the mail but does not
  // know the password (someone else signed up with their address) cannot confirm it either.
  await page.goto(readLink(second, "/verify-email/"));
  await expect(page.getByText(`Confirm that ${email} is yours with the password you chose.`)).toBeVisible();
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByText("That is not the password of this account.").first()).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeNull();
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=email-verified$/);
  expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ emailVerifiedVia: "mail", emailVerifiedAt: expect.any(Date) });
  await page.goto(readLink(second, "/verify-email/"));
  await expect(page.getByRole("alert").filter({ hasText: "This link has already been used." })).toBeVisible();

  await signIn(page, email, PASSWORD);
  await expect(page.getByTestId("current-team")).toHaveText("Verify Desk");
});

test("sign-up answers a registered address exactly as a new one; only the address's owner learns of it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const taken = await createPersonWithTeam("taken");
  const fresh = `fresh-${randomUUID().slice(0, 8)}@e2e.test`;
  const usersBefore = await db.user.count();

  const answers: string[] = [];
  for (const email of [fresh, taken.email.toUpperCase()]) {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await fillSignUp(visitor, email);
    const notice = visitor.getByRole("status").filter({ hasText: "Check your inbox" });
    await expect(notice).toBeVisible();
    answers.push((await visitor.locator("main").innerText()).replace(email.toLowerCase(), "<email>"));
    await context.close();
  }
  expect(answers[1]).toBe(answers[0]);
  expect(await db.user.count()).toBe(usersBefore + 1);

  const notice = await waitForMailTo(taken.email);
  expect(notice.subject).toBe("Someone tried to sign up to FactDesk with your address");
  expect(notice.text).toContain("already has one. If it was you, sign in");
  expect(readLink(notice, "/forgot-password")).toBe("/forgot-password");
  expect((await waitForMailTo(fresh)).subject).toBe("Confirm your email address for FactDesk");
  // The registered account is as it was: its own password still signs in, to its own team.
  await signIn(page, taken.email, taken.password);
  await expect(page.getByTestId("current-team")).toHaveText(taken.team.name);
});

test("a forgotten password: the same answer for any address, a single-use mailed link, and every session ends", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const person = await createPersonWithTeam("forgetful");
  const signedIn = await browser.newContext();
  const earlier = await signedIn.newPage();
  await signIn(earlier, person.email, person.password);

  const ask = async (email: string) => {
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Mail me a link" }).click();
    const answer = page.getByRole("status").filter({ hasText: "we sent it a link to choose a new password" });
    await expect(answer).toBeVisible();
    return (await answer.innerText()).replace(email, "<email>");
  };
  const unknown = `nobody-${randomUUID().slice(0, 8)}@e2e.test`;
  expect(await ask(unknown)).toBe(await ask(person.email));
  const mail = await waitForMailTo(person.email);
  expect(mail.subject).toBe("Choose a new FactDesk password");
  await page.waitForTimeout(1_000);
  expect(readMailbox().filter((candidate) => candidate.to.includes(unknown))).toHaveLength(0);

  const link = readLink(mail, "/reset-password/");
  await page.goto(link);
  await expect(page.getByText(`For ${person.email}.`)).toBeVisible();
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByText(PASSWORD_MESSAGES.tooShort)).toBeVisible();
  await page.getByLabel("New password").fill("a fresh new password");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=password-reset$/);
  await expect(page.getByRole("status").filter({ hasText: "every session of your account has ended" })).toBeVisible();

  // The session opened before the reset is over.
  await earlier.goto(`/t/${person.team.slug}`);
  await expect(earlier).toHaveURL(/\/sign-in\?callbackUrl=/);
  // The link works once; the old password no longer signs in; the new one does.
  await page.goto(link);
  await expect(page.getByRole("alert").filter({ hasText: "This link has already been used." })).toBeVisible();
  await submitSignIn(page, person.email, TEST_PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await signIn(page, person.email, "a fresh new password");
  await expect(page.getByTestId("current-team")).toHaveText(person.team.name);
  await signedIn.close();
});
