import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type BrowserContext } from "@playwright/test";
import { createArticle, seedClaim } from "./support/articles";
import { signIn } from "./support/auth";
import { createPersonWithTeam } from "./support/db";

// e2e/security.spec.ts checks the policy's wording on /sign-in, three pages without violations
// and the session cookie's HttpOnly/SameSite in the browser. Here: every main page and API
// response, the browser's own violation events, framing refused in practice, the raw Set-Cookie
// headers. Secure cookies need an https NEXTAUTH_URL: lib/auth/session-cookies.test.ts.

/** Collects CSP violations from every document the context opens: the DOM event and the console. */
async function watchViolations(context: BrowserContext) {
  const violations: string[] = [];
  await context.exposeBinding("reportCspViolation", ({ page }, text: string) => violations.push(`${page.url()}: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  context.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame|connect)/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  expect(headers["content-security-policy"], where).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"], where).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
}

test("every main page runs under the policy without a single violation", async ({ page, context }) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(context);
  const person = await createPersonWithTeam("headers");
  const article = await createArticle(person);
  const claim = await seedClaim(person, article.id, "Russian President Vladimir Putin is forming a network");
  const team = `/t/${person.team.slug}`;
  await signIn(page, person.email, person.password);

  const pages: Array<[string, RegExp | string]> = [
    [team, "Articles"],
    [`${team}/articles/new`, "Import an article"],
    [article.url, /Putin is forming mysterious private armies/],
    [`${article.url}/claims/${claim.id}`, /Russian President Vladimir Putin/],
    [`${article.url}/sources`, "Source map"],
    [`${article.url}/report`, "Verification report"],
    [`${team}/sources`, "Sources"],
    [`${team}/my-claims`, "My claims"],
    [`${team}/reports`, "Reports"],
    [`${team}/settings/members`, /: members$/],
    [`${team}/settings/verification`, /: verdicts and rules$/],
  ];
  for (const [url, heading] of pages) {
    const response = await page.goto(url);
    expect(response!.status(), url).toBe(200);
    expectSecurityHeaders(response!.headers(), url);
    await expect(page.getByRole("heading", { level: 1 }).first(), url).toHaveText(heading);
    // Next's client boots only if its nonce'd scripts ran; a blocked script would leave this unset.
    await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version)), { message: url }).toBe(true);
  }

  // A server action from the browser (fetch under connect-src 'self') and the client re-render.
  await page.goto(`${article.url}/claims/${claim.id}`);
  await page.getByRole("textbox", { name: "Comment" }).fill("Checked under the policy.");
  await page.getByRole("button", { name: "Add comment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Comment added." })).toBeVisible();
  await expect(page.getByRole("list", { name: /^Comments/ }).getByText("Checked under the policy.")).toBeVisible();

  expect(violations).toEqual([]);
});

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
