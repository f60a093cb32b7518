import { expect, type Browser, type Page } from "@playwright/test";

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/t\/[^/]+/);
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
