import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { createTeam } from "../lib/teams/mutations";
import { db, TEST_PASSWORD } from "./support/db";
import { findSsoAccount, OIDC_ISSUER, OIDC_NAME, SSO_DOMAIN, SSO_PASSWORD } from "./support/services";

/** Signs in through the real OIDC provider's login page and waits to be back in the app. */
async function signInWithSso(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` }).click();
  await expect(page).toHaveURL(new RegExp(`^${escapeRegExp(OIDC_ISSUER)}/interaction/`));
  await expect(page.getByRole("heading", { name: "Newsroom SSO" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(SSO_PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).not.toHaveURL(new RegExp(`^${escapeRegExp(OIDC_ISSUER)}`));
}

function ssoAccount(prefix: string) {
  return findSsoAccount(`${prefix}-${randomUUID().slice(0, 8)}@${SSO_DOMAIN}`)!;
}

/** A password user (with their own team) whose email is also an account at the provider. */
async function createPasswordUser(account: { email: string; name: string }) {
  const user = await db.user.create({ data: { email: account.email, name: `${account.name} (password)`, passwordHash: await hashPassword(TEST_PASSWORD) } });
  const team = await createTeam(db, { name: `Desk ${randomUUID().slice(0, 8)}`, userId: user.id });
  return { user, team };
}

test("a newcomer signs in with SSO, creates a team, and signing in again is the same user", async ({ page, browser }) => {
  const account = ssoAccount("newcomer");

  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` })).toBeVisible();
  await signInWithSso(page, account.email);

  // Brand new, in no team: the front door sends them to team creation.
  await expect(page).toHaveURL(/\/teams\/new$/);
  await expect(page.getByText(`Welcome, ${account.name}. You are not in a team yet`)).toBeVisible();
  const user = await db.user.findUniqueOrThrow({ where: { email: account.email }, include: { identities: true } });
  expect(user.passwordHash).toBeNull();
  expect(user.name).toBe(account.name);
  expect(user.identities).toEqual([expect.objectContaining({ provider: OIDC_ISSUER, subject: account.sub, userId: user.id })]);
  expect(await db.auditEvent.findFirst({ where: { userId: user.id, type: "auth.signed_up" } })).toMatchObject({ detail: JSON.stringify({ via: "sso" }) });

  const teamName = `SSO Desk ${randomUUID().slice(0, 6)}`;
  await page.getByLabel("Team name").fill(teamName);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(/\/t\/sso-desk-[^/?]+/);
  await expect(page.getByTestId("current-team")).toHaveText(teamName);
  await expect(page.getByTestId("current-user")).toHaveText(account.name);
  await expect(page.getByTestId("current-role")).toHaveText("Owner");
  const teamSlug = new URL(page.url()).pathname.split("/")[2];

  // A second sign-in, in a fresh browser (no app or provider session), is the same user.
  const again = await browser.newContext();
  const againPage = await again.newPage();
  await signInWithSso(againPage, account.email);
  await expect(againPage).toHaveURL(new RegExp(`/t/${teamSlug}$`));
  await expect(againPage.getByTestId("current-user")).toHaveText(account.name);
  expect(await db.user.count({ where: { email: account.email } })).toBe(1);
  expect(await db.externalIdentity.count({ where: { provider: OIDC_ISSUER, subject: account.sub } })).toBe(1);
  expect(await db.auditEvent.count({ where: { userId: user.id, type: "auth.signed_in" } })).toBe(1);
  await again.close();
});

test("an existing password user whose email the provider verified is linked, not duplicated", async ({ page }) => {
  const account = ssoAccount("linked");
  const { user, team } = await createPasswordUser(account);

  await signInWithSso(page, account.email);
  await expect(page).toHaveURL(new RegExp(`/t/${team.slug}$`));
  await expect(page.getByTestId("current-user")).toHaveText(user.name);
  const identity = await db.externalIdentity.findUniqueOrThrow({ where: { provider_subject: { provider: OIDC_ISSUER, subject: account.sub } } });
  expect(identity.userId).toBe(user.id);
  expect(await db.user.count({ where: { email: account.email } })).toBe(1);
});

test("an unverified provider email does not take over an existing account", async ({ page }) => {
  const account = ssoAccount("unverified");
  expect(account.email_verified).toBe(false);
  const { user } = await createPasswordUser(account);

  await signInWithSso(page, account.email);
  await expect(page).toHaveURL(/\/sign-in\?.*error=/);
  await expect(page.getByRole("alert").first()).toBeVisible();
  expect(await db.externalIdentity.count({ where: { userId: user.id } })).toBe(0);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
