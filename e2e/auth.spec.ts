import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { confirmMailedAddress, signIn } from "./support/auth";
import { createPersonWithTeam, db } from "./support/db";

test("a new editor signs up, confirms the mailed link, and lands in their own team as its owner", async ({ page }) => {
  const email = `new-${randomUUID().slice(0, 8)}@e2e.test`;
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Your name").fill("Nadia Newcomer");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Newsroom or team name").fill("Metro Fact Desk");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();

  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Check your inbox: we sent a mail to ${email}.` })).toBeVisible();
  await confirmMailedAddress(page, email, "a long enough password");
  await signIn(page, email, "a long enough password");
  await expect(page).toHaveURL(/\/t\/metro-fact-desk/);
  await expect(page.getByTestId("current-team")).toHaveText("Metro Fact Desk");
  await expect(page.getByTestId("current-user")).toHaveText("Nadia Newcomer");
  await expect(page.getByTestId("current-role")).toHaveText("Owner");
});

test("a wrong password gives a clear error; the right one signs in; sign out ends the session", async ({ page }) => {
  const { email, password, team } = await createPersonWithTeam("signin");
  await page.goto("/sign-in");
  // Sent before its script loads, the form must not put the password in the URL.
  await expect(page.locator("form").filter({ has: page.getByLabel("Password") })).toHaveAttribute("method", "post");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /Wrong email or password\./ })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, email, password);
  await expect(page).toHaveURL(new RegExp(`/t/${team.slug}`));

  await page.getByTestId("current-user").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(`/t/${team.slug}`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  const events = await db.auditEvent.findMany({ where: { email }, select: { type: true } });
  expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(["auth.sign_in_failed", "auth.signed_in", "auth.signed_out"]));
});

test("repeated failed sign-ins are rate limited, even with the right password afterwards", async ({ page }) => {
  const { email, password } = await createPersonWithTeam("brute");
  await page.goto("/sign-in");
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`guess-${attempt}`);
    await Promise.all([
      page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials")),
      page.getByRole("button", { name: "Sign in", exact: true }).click(),
    ]);
    await expect(page.getByRole("alert").filter({ hasText: /Wrong email or password\./ })).toBeVisible();
  }
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /Too many failed sign-in attempts\. For your security, try again in \d+ minutes?\./ })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the demo owner signs in with the seeded credentials", async ({ page }) => {
  await signIn(page, "owner@demo.factdesk.test", "factdesk-demo");
  await expect(page.getByTestId("current-team")).toHaveText("Demo Newsroom");
  await expect(page.getByRole("link", { name: /Putin is forming mysterious private armies/ })).toBeVisible();
});

test("a callbackUrl with characters beyond ASCII is followed as the same path, percent-encoded, never a 500 or a mangled redirect", async ({ page, request }) => {
  const cases: [string, string][] = [
    ["%2F%E3%80%80%2Fx", "/%E3%80%80/x"],
    ["%2Ft%2Fcaf%C3%A9%3Fq%3D%C3%A9t%C3%A9", "/t/caf%C3%A9?q=%C3%A9t%C3%A9"],
    ["%2F%F0%9F%93%B0", "/%F0%9F%93%B0"],
    // Still never another site.
    ["%2F.%2F%2Fevil.example", "/"],
  ];
  for (const [raw] of cases) {
    const response = await request.get(`/sign-in?callbackUrl=${raw}`, { maxRedirects: 0 });
    expect(response.status(), raw).toBe(200);
  }

  const { email, password, team } = await createPersonWithTeam("unicode");
  await signIn(page, email, password);
  for (const [raw, location] of cases) {
    const response = await page.request.get(`/sign-in?callbackUrl=${raw}`, { maxRedirects: 0 });
    expect(response.status(), raw).toBe(307);
    expect(response.headers()["location"], raw).toBe(location);
  }

  // In the browser: signing in comes back to the page asked for, its query intact.
  await page.context().clearCookies();
  const wanted = `/t/${team.slug}/sources?q=Caf%C3%A9%E3%80%80`;
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(`/t/${team.slug}/sources?q=Café\u3000`)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname + url.search === wanted);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
