import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { createPersonWithTeam } from "./support/db";

test("pages carry a Content Security Policy that the app itself never violates", async ({ page, context }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");

  const person = await createPersonWithTeam("csp");
  await signIn(page, person.email, person.password);
  await page.goto(`/t/${person.team.slug}/settings/members`);
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(page.getByLabel("Invitation link")).toBeVisible();
  await page.goto(`/t/${person.team.slug}/articles/new`);
  await expect(page.getByRole("heading", { name: "Import an article" })).toBeVisible();
  expect(violations).toEqual([]);

  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});
