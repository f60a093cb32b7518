import { randomUUID } from "node:crypto";
import { expect, request, test, type Browser, type Page } from "@playwright/test";
import { timeStepAt, totpCodeAt } from "../lib/auth/totp";
import { signIn } from "./support/auth";
import { E2E_BASE_URL } from "./support/constants";
import { addMember, createPersonWithTeam, db } from "./support/db";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

/** A second browser of the same person, which the account page lists as "Firefox on Linux". */
async function signInFirefox(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ userAgent: FIREFOX });
  const page = await context.newPage();
  await signIn(page, email, password);
  return { page, close: () => context.close() };
}

async function expectSignedOut(page: Page, teamSlug: string) {
  await page.goto(`/t/${teamSlug}`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
}

/** The "Sign out" button, in the menu under the person's name or at the top of the account page. */
async function signOut(page: Page) {
  if (!new URL(page.url()).pathname.startsWith("/account")) await page.getByTestId("current-user").click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

test("a session cookie saved before signing out is refused after it, replayed over HTTP", async ({ page, context }) => {
  const person = await createPersonWithTeam("replay");
  await signIn(page, person.email, person.password);
  const saved = (await context.cookies()).find((cookie) => cookie.name === "next-auth.session-token");
  expect(saved).toBeDefined();
  const replay = await request.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { cookie: `${saved!.name}=${saved!.value}` } });
  const teamPage = `/t/${person.team.slug}`;
  // The replay works while the session does: the test would pass for the wrong reason otherwise.
  expect((await replay.get(teamPage, { maxRedirects: 0 })).status()).toBe(200);

  await signOut(page);

  const after = await replay.get(teamPage, { maxRedirects: 0 });
  expect(after.status()).toBe(307);
  expect(after.headers()["location"]).toMatch(/\/sign-in\?callbackUrl=/);
  expect(await (await replay.get("/api/auth/session")).json()).toEqual({});
  await replay.dispose();
});

test("the account page signs out another device, then every device", async ({ page, browser }) => {
  // Several sign-ins and password checks (argon2id), each a fraction of a second on a busy machine.
  test.setTimeout(120_000);
  const person = await createPersonWithTeam("devices");
  await signIn(page, person.email, person.password);
  const firefox = await signInFirefox(browser, person.email, person.password);
  await page.getByTestId("current-user").click();
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { name: "Your account", exact: true })).toBeVisible();
  const sessions = page.getByRole("list", { name: "Signed-in devices" });
  await expect(sessions.getByTestId("session")).toHaveCount(2);
  await expect(sessions.getByText("This device", { exact: true })).toBeVisible();

  await sessions.getByRole("button", { name: "Sign out of Firefox on Linux" }).click();
  await expect(sessions.getByTestId("session")).toHaveCount(1);
  await expectSignedOut(firefox.page, person.team.slug);

  await signIn(firefox.page, person.email, person.password);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signed-out-everywhere/);
  await expect(page.getByRole("status").filter({ hasText: "You are signed out on every device." })).toBeVisible();
  await expectSignedOut(firefox.page, person.team.slug);
  await expectSignedOut(page, person.team.slug);
  await firefox.close();
});

test("changing the password needs the current one, ends the other sessions and keeps this one", async ({ page, browser }) => {
  // Several sign-ins and password checks (argon2id), each a fraction of a second on a busy machine.
  test.setTimeout(120_000);
  const person = await createPersonWithTeam("rotate");
  await signIn(page, person.email, person.password);
  const firefox = await signInFirefox(browser, person.email, person.password);
  await page.goto("/account");
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("a fresh lantern orchard");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.").first()).toBeVisible();

  await page.getByLabel("Current password").fill(person.password);
  await page.getByLabel("New password").fill("password1234");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/on a list of common or breached passwords/).first()).toBeVisible();

  await page.getByLabel("Current password").fill(person.password);
  await page.getByLabel("New password").fill("a fresh lantern orchard");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed. 1 other session was signed out." })).toBeVisible();

  await expectSignedOut(firefox.page, person.team.slug);
  await page.goto(`/t/${person.team.slug}`);
  await expect(page.getByTestId("current-user")).toBeVisible();
  await signOut(page);
  await signIn(page, person.email, "a fresh lantern orchard");
  await firefox.close();
});

test("two-step verification: set up with a code, then sign-in asks for one; a wrong or reused code is refused", async ({ page }) => {
  // Several sign-ins and password checks (argon2id), each a fraction of a second on a busy machine.
  test.setTimeout(120_000);
  const person = await createPersonWithTeam("totp");
  await signIn(page, person.email, person.password);
  await page.goto("/account");
  await page.getByRole("button", { name: "Set up two-step verification" }).click();
  await expect(page.getByRole("img", { name: "QR code of your two-step verification secret" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  await expect(page.getByText(/That code does not match/).first()).toBeVisible();
  await page.getByLabel("Code from the app").fill(totpCodeAt(secret, timeStepAt(new Date())));
  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.first().textContent())!;
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page.getByText("10 of 10 recovery codes left.")).toBeVisible();
  await signOut(page);

  // The password alone: the form asks for the code; nothing else is said before the password is right.
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page.getByLabel("Code")).toHaveCount(0);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Enter the 6-digit code from your authenticator app" })).toBeVisible();

  await page.getByLabel("Code").fill("123456");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That code is not right, or it was already used." })).toBeVisible();

  // The next step's code (one step of drift is allowed), so it is surely unused since the set-up.
  const code = totpCodeAt(secret, timeStepAt(new Date()) + 1);
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${person.team.slug}`));
  await signOut(page);

  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByLabel("Code").fill(code);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That code is not right, or it was already used." })).toBeVisible();
  await page.getByLabel("Code").fill(recoveryCode);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${person.team.slug}`));

  const failures = await db.auditEvent.count({ where: { type: "auth.sign_in_failed", email: person.email } });
  expect(failures).toBe(3);
});

test("sign-up refuses a common password with a clear message and keeps what was typed", async ({ page }) => {
  const email = `common-${randomUUID().slice(0, 8)}@e2e.test`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Paula Common");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("qwertyuiop123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This password is on a list of common or breached passwords. Choose another: a few unrelated words make a strong one.").first()).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveValue(email);
  expect(await db.user.count({ where: { email } })).toBe(0);
});

test("deleting an account: refused for a team's only owner with others in it; otherwise anonymised, and the password no longer works", async ({ page }) => {
  const owner = await createPersonWithTeam("leaver");
  const colleague = await createPersonWithTeam("colleague");
  await addMember(owner.team.id, colleague.user.id, "editor");
  await signIn(page, owner.email, owner.password);
  await page.goto("/account");
  page.on("dialog", (dialog) => dialog.accept());
  await page.locator("#delete-password").fill(owner.password);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: `You are the only owner of “${owner.team.name}”, which has other members.` })).toBeVisible();

  await db.membership.updateMany({ where: { teamId: owner.team.id, userId: colleague.user.id }, data: { role: "owner" } });
  await page.locator("#delete-password").fill(owner.password);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=account-deleted/);
  await expect(page.getByRole("status").filter({ hasText: "Your account is deleted." })).toBeVisible();

  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  expect(await db.user.findUniqueOrThrow({ where: { id: owner.user.id } })).toMatchObject({ name: "Deleted user", passwordHash: null });
  expect(await db.team.count({ where: { id: owner.team.id } })).toBe(1);
});
