import { expect, type Browser, type Page } from "@playwright/test";
import { readLink, waitForMailTo } from "./mailbox";

export async function signIn(page: Page, email: string, password: string, { timeout }: { timeout?: number } = {}) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/t\/[^/]+/, { timeout });
}

type Credentials = { email: string; password: string };

/** Two people side by side, each signed in in a browser context of their own; `close` ends both. */
export async function signInTwo(browser: Browser, first: Credentials, second: Credentials) {
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const [firstPage, secondPage] = await Promise.all(contexts.map((context) => context.newPage()));
  await signIn(firstPage, first.email, first.password);
  await signIn(secondPage, second.email, second.password);
  return { firstPage, secondPage, close: () => Promise.all(contexts.map((context) => context.close())) };
}

/**
 * Opens the verification link mailed to `email` (the e2e server has mail set up, so a new
 * account must prove its address) and confirms it with the account's password; the page then
 * asks to sign in.
 */
export async function confirmMailedAddress(page: Page, email: string, password: string) {
  const mail = await waitForMailTo(email);
  expect(mail.subject).toBe("Confirm your email address for FactDesk");
  await page.goto(readLink(mail, "/verify-email/"));
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=email-verified$/);
  await expect(page.getByRole("status").filter({ hasText: "Your email address is confirmed." })).toBeVisible();
}

/**
 * Signs up through the form as a newcomer would where mail is set up: the form says to check the
 * inbox, the mailed link confirms the address, then the password signs in. Returns the team's slug.
 */
export async function signUpThroughMail(page: Page, fields: { name: string; email: string; password: string; teamName: string }) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(fields.name);
  await page.getByLabel("Work email").fill(fields.email);
  await page.getByLabel("Password").fill(fields.password);
  await page.getByLabel("Newsroom or team name").fill(fields.teamName);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Check your inbox: we sent a mail to ${fields.email.toLowerCase()}.` })).toBeVisible();
  await confirmMailedAddress(page, fields.email, fields.password);
  await signIn(page, fields.email, fields.password);
  return new URL(page.url()).pathname.split("/")[2];
}
