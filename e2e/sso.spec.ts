import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { createTeam } from "../lib/teams/mutations";
import { confirmMailedAddress, signIn } from "./support/auth";
import { createPersonWithTeam, db, TEST_PASSWORD } from "./support/db";
import { readLink, waitForMailTo } from "./support/mailbox";
import { findSsoAccount, OIDC_ISSUER, OIDC_NAME, SSO_DOMAIN, SSO_PASSWORD } from "./support/services";

/** Signs in through the real OIDC provider's login page and waits to be back in the app. */
async function signInWithSso(page: Page, email: string, from = "/sign-in") {
  await page.goto(from);
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

/** A password user (with their own team) whose email is also an account at the provider; `proof`: how the address was verified. */
async function createPasswordUser(account: { email: string; name: string }, proof: "mail" | null = null) {
  const verified = proof ? { emailVerifiedAt: new Date(), emailVerifiedVia: proof } : {};
  const user = await db.user.create({
    data: { email: account.email, name: `${account.name} (password)`, passwordHash: await hashPassword(TEST_PASSWORD), ...verified },
  });
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

test("an existing password user who proved the address by mail, and whom the provider verified, is linked, not duplicated", async ({ page }) => {
  const account = ssoAccount("linked");
  const { user, team } = await createPasswordUser(account, "mail");

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

const ATTACKER_PASSWORD = "the attacker's password";

test("pre-hijacking: an account made with Alice's address on an owner's word gets nothing of hers once she signs in with SSO", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const alice = ssoAccount("alice");
  // The attacker owns a team, invites Alice's address, and signs up through the link himself:
  // the owner's word (his own) makes the account usable, as if it were hers.
  const attacker = await createPersonWithTeam("attacker");
  const attackerContext = await browser.newContext();
  const attackerPage = await attackerContext.newPage();
  await signIn(attackerPage, attacker.email, attacker.password);
  await attackerPage.goto(`/t/${attacker.team.slug}/settings/members`);
  await attackerPage.getByLabel("Email", { exact: true }).fill(alice.email);
  await attackerPage.getByRole("button", { name: "Create invitation link" }).click();
  const link = await attackerPage.getByLabel("Invitation link").inputValue();
  await attackerContext.clearCookies();
  await attackerPage.goto(link);
  await attackerPage.getByRole("link", { name: "Create an account to join" }).click();
  await expect(attackerPage.getByLabel("Work email")).toHaveValue(alice.email);
  await attackerPage.getByLabel("Your name").fill("Alice");
  await attackerPage.getByLabel("Password").fill(ATTACKER_PASSWORD);
  await attackerPage.getByRole("button", { name: `Create account and join ${attacker.team.name}` }).click();
  await expect(attackerPage).toHaveURL(new RegExp(`/t/${attacker.team.slug}`));
  const squatter = await db.user.findUniqueOrThrow({ where: { email: alice.email } });
  expect(squatter.emailVerifiedVia).toBe("owner");

  // Alice signs in with SSO, which verified her address: a fresh account, in none of his teams.
  await signInWithSso(page, alice.email);
  await expect(page).toHaveURL(/\/teams\/new$/);
  await page.getByLabel("Team name").fill("Alice Desk");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(/\/t\/alice-desk[^/?]*/);
  const aliceTeam = new URL(page.url()).pathname.split("/")[2];
  await expect(page.getByTestId("current-user")).toHaveText(alice.name);
  const aliceUser = await db.user.findUniqueOrThrow({ where: { email: alice.email }, include: { memberships: true } });
  expect(aliceUser.id).not.toBe(squatter.id);
  expect(aliceUser.memberships.map((membership) => membership.teamId)).not.toContain(attacker.team.id);

  // The attacker's session is over, and his password opens nothing of hers.
  await attackerPage.goto(`/t/${aliceTeam}`);
  await expect(attackerPage).toHaveURL(/\/sign-in\?callbackUrl=/);
  await attackerPage.getByLabel("Email").fill(alice.email);
  await attackerPage.getByLabel("Password").fill(ATTACKER_PASSWORD);
  await attackerPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(attackerPage.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  const released = await db.user.findUniqueOrThrow({ where: { id: squatter.id } });
  expect(released).toMatchObject({ email: `released-${squatter.id}@released.invalid`, passwordHash: null });
  expect(await db.auditEvent.count({ where: { type: "auth.account_released", userId: squatter.id, email: alice.email } })).toBe(1);
  // She keeps working; signing in again is still her.
  await page.goto(`/t/${aliceTeam}`);
  await expect(page.getByTestId("current-team")).toHaveText("Alice Desk");
  await attackerContext.close();
});

test("pre-hijacking: a password sign-up with Alice's address is unusable, and released when she signs in with SSO", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const alice = ssoAccount("alice");
  const attackerContext = await browser.newContext();
  const attackerPage = await attackerContext.newPage();
  await attackerPage.goto("/sign-up");
  await attackerPage.getByLabel("Your name").fill("Alice");
  await attackerPage.getByLabel("Work email").fill(alice.email);
  await attackerPage.getByLabel("Password").fill(ATTACKER_PASSWORD);
  await attackerPage.getByLabel("Newsroom or team name").fill("Trap Desk");
  await attackerPage.getByRole("button", { name: "Create account" }).click();
  await expect(attackerPage.getByRole("status").filter({ hasText: "Check your inbox" })).toBeVisible();
  await attackerPage.goto("/sign-in");
  await attackerPage.getByLabel("Email").fill(alice.email);
  await attackerPage.getByLabel("Password").fill(ATTACKER_PASSWORD);
  await attackerPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(attackerPage.getByRole("alert").filter({ hasText: "Confirm your email address" })).toBeVisible();
  const squatter = await db.user.findUniqueOrThrow({ where: { email: alice.email } });

  await signInWithSso(page, alice.email);
  await expect(page).toHaveURL(/\/teams\/new$/);
  expect((await db.user.findUniqueOrThrow({ where: { email: alice.email } })).id).not.toBe(squatter.id);
  // The link mailed to Alice for his account no longer confirms anything.
  const mail = await waitForMailTo(alice.email);
  await page.goto(readLink(mail, "/verify-email/"));
  await expect(page.getByRole("alert").filter({ hasText: "already been used" })).toBeVisible();
  await attackerPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(attackerPage.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await attackerContext.close();
});

test("a password account that proves its address by mail is linked at its first SSO sign-in", async ({ page }) => {
  const account = ssoAccount("prover");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Prover");
  await page.getByLabel("Work email").fill(account.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByLabel("Newsroom or team name").fill(`Prover Desk ${randomUUID().slice(0, 6)}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your inbox" })).toBeVisible();
  await confirmMailedAddress(page, account.email, TEST_PASSWORD);
  const user = await db.user.findUniqueOrThrow({ where: { email: account.email } });

  await signInWithSso(page, account.email);
  await expect(page).toHaveURL(/\/t\/prover-desk-/);
  expect((await db.externalIdentity.findUniqueOrThrow({ where: { provider_subject: { provider: OIDC_ISSUER, subject: account.sub } } })).userId).toBe(user.id);
});

test("single sign-on brings the browser back to a callbackUrl beyond ASCII, as the same path", async ({ page }) => {
  const account = ssoAccount("unicode");
  await signInWithSso(page, account.email, "/sign-in?callbackUrl=%2F%E3%80%80%2Fx");
  await expect(page).toHaveURL((url) => url.pathname === "/%E3%80%80/x");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
