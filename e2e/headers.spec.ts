import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { createPersonWithTeam } from "./support/db";
import { expectSecurityHeaders } from "./support/policy";

// Every page's headers and a run under the policy without a violation are checked on the tour of
// e2e/accessibility.spec.ts. Here: API responses and error pages, framing refused in practice, the
// raw Set-Cookie headers. Secure cookies need an https NEXTAUTH_URL: lib/auth/session-cookies.test.ts.

test("API responses and error pages carry the same headers", async ({ page }) => {
  const person = await createPersonWithTeam("api-headers");
  const anonymous = [
    "/api/auth/csrf",
    "/api/auth/session",
    "/api/auth/providers",
    `/api/t/${person.team.slug}/reports/export?format=json`,
    "/no-such-page",
  ];
  for (const url of anonymous) expectSecurityHeaders((await page.request.get(url)).headers(), url);
  await signIn(page, person.email, person.password);
  const today = new Date().toISOString().slice(0, 10);
  const exported = await page.request.get(`/api/t/${person.team.slug}/reports/export?from=${today}&to=${today}&format=json`);
  expect(exported.status()).toBe(200);
  expectSecurityHeaders(exported.headers(), "team export");
});

test("another site cannot frame the app", async ({ page, baseURL }) => {
  const messages: string[] = [];
  page.on("console", (message) => messages.push(message.text()));
  // Another origin, a page without any policy of its own, frames the sign-in page. It is a real
  // server on loopback so that Chrome's private-network rule does not refuse the frame first:
  // the refusal has to come from our headers.
  const framer = http.createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html" });
    response.end(`<h1>Framer</h1><iframe title="victim" src="${baseURL}/sign-in"></iframe>`);
  });
  await new Promise<void>((resolve) => framer.listen(0, "127.0.0.1", resolve));
  try {
    await page.goto(`http://127.0.0.1:${(framer.address() as AddressInfo).port}/`);
    await expect(page.getByRole("heading", { name: "Framer" })).toBeVisible();
    await expect.poll(() => messages.find((text) => /frame-ancestors 'none'/.test(text))).toMatch(/blocked|Refused/);
    await expect(page.frameLocator('iframe[title="victim"]').getByRole("button", { name: "Sign in", exact: true })).toHaveCount(0);
  } finally {
    framer.close();
  }
});

test("sign-in sets its cookies HttpOnly and SameSite=Lax (Set-Cookie as sent)", async ({ page }) => {
  const person = await createPersonWithTeam("cookies");
  const setCookies: string[] = [];
  page.on("response", async (response) => {
    if (response.url().includes("/api/auth/")) setCookies.push(...(await response.headersArray()).filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value));
  });
  await signIn(page, person.email, person.password);
  const session = setCookies.find((value) => /^(__Secure-)?next-auth\.session-token=/.test(value));
  expect(session, setCookies.join("\n")).toBeDefined();
  const attributes = session!.split(";").map((part) => part.trim().toLowerCase());
  expect(attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
  const csrf = setCookies.find((value) => /next-auth\.csrf-token=/.test(value));
  expect(csrf?.toLowerCase()).toContain("httponly");
  // The e2e server is http://localhost: next-auth marks cookies Secure only behind https.
  expect(attributes).not.toContain("secure");
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});
