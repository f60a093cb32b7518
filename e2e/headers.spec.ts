import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createArticle, seedClaim } from "./support/articles";
import { signIn } from "./support/auth";
import { E2E_DATABASE_URL, E2E_PORT, E2E_SECRET } from "./support/constants";
import { createPersonWithTeam, db } from "./support/db";
import { expectSecurityHeaders, expectStaticSecurityHeaders } from "./support/policy";

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

/** A page's own script files, as its HTML names them. */
async function findScriptUrls(page: Page, url: string): Promise<string[]> {
  const html = await (await page.request.get(url)).text();
  return [...new Set(html.match(/\/_next\/static\/[^"'\s]+\.js/g) ?? [])];
}

test("prefetches, RSC payloads, static files and 404s carry the security headers too", async ({ page }) => {
  const person = await createPersonWithTeam("prefetch-headers");
  await signIn(page, person.email, person.password);
  const team = `/t/${person.team.slug}`;
  // What the router sends for a <Link> prefetch and for a client-side navigation.
  const prefetches: { url: string; headers: Record<string, string> }[] = [
    { url: team, headers: { rsc: "1", "next-router-prefetch": "1" } },
    { url: `${team}/sources`, headers: { rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "/_tree" } },
    { url: `${team}/my-claims`, headers: { purpose: "prefetch" } },
    { url: "/sign-in", headers: { "sec-purpose": "prefetch", purpose: "prefetch" } },
    { url: `${team}/reports`, headers: { rsc: "1" } },
  ];
  for (const { url, headers } of prefetches) {
    const response = await page.request.get(url, { headers, maxRedirects: 0 });
    expect(response.status(), url).toBeLessThan(500);
    expectSecurityHeaders(response.headers(), `${url} ${JSON.stringify(headers)}`);
  }
  const scripts = await findScriptUrls(page, team);
  expect(scripts.length).toBeGreaterThan(0);
  for (const url of [scripts[0], "/_next/static/chunks/no-such-chunk.js", "/favicon.ico", "/api/health"]) {
    const response = await page.request.get(url);
    expectStaticSecurityHeaders(response.headers(), `${url} (${response.status()})`);
  }
  // Served over plain http here: no HSTS (the next test serves the same build as https).
  expect((await page.request.get("/sign-in")).headers()["strict-transport-security"]).toBeUndefined();
});

/** The same build served a second time, on its own port, as the https deployment it is configured for. */
async function startHttpsConfiguredServer(port: number) {
  const server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: E2E_DATABASE_URL, NEXTAUTH_SECRET: E2E_SECRET, NEXTAUTH_URL: `https://localhost:${port}` },
    stdio: "ignore",
  });
  const base = `http://localhost:${port}`;
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const ready = await fetch(`${base}/api/health`).then((response) => response.ok, () => false);
    if (ready) return { base, stop: () => server.kill("SIGTERM") };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill("SIGTERM");
  throw new Error(`the second server on port ${port} did not start`);
}

test("served over HTTPS, every response carries Strict-Transport-Security for a year or more, subdomains included", async ({ request }) => {
  test.setTimeout(90_000);
  const server = await startHttpsConfiguredServer(E2E_PORT + 9);
  try {
    const html = await (await fetch(`${server.base}/sign-in`)).text();
    const script = html.match(/\/_next\/static\/[^"'\s]+\.js/)?.[0];
    expect(script).toBeDefined();
    for (const url of ["/sign-in", "/no-such-page", script!, "/_next/static/chunks/no-such-chunk.js", "/api/health", "/api/auth/csrf"]) {
      const response = await fetch(`${server.base}${url}`, { redirect: "manual" });
      const hsts = response.headers.get("strict-transport-security") ?? "";
      expect(Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? 0), `${url}: ${hsts}`).toBeGreaterThanOrEqual(31_536_000);
      expect(hsts, url).toContain("includeSubDomains");
    }
    const prefetch = await fetch(`${server.base}/sign-in`, { headers: { rsc: "1", "next-router-prefetch": "1" } });
    expect(prefetch.headers.get("strict-transport-security")).toContain("max-age=");
    // And the page's CSP asks the browser to upgrade any http subresource.
    expect((await fetch(`${server.base}/sign-in`)).headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  } finally {
    server.stop();
  }
  // The http deployment next to it sends none.
  expect((await request.get("/sign-in")).headers()["strict-transport-security"]).toBeUndefined();
});

/** Replays a request the browser made, with other headers or body, from the test's own HTTP client. */
function replay(client: APIRequestContext, request: { url: () => string; headers: () => Record<string, string>; postData: () => string | null }) {
  const kept = Object.fromEntries(["next-action", "content-type", "next-router-state-tree"].flatMap((name) => (request.headers()[name] ? [[name, request.headers()[name]]] : [])));
  return (headers: Record<string, string>, body = request.postData()!) => client.post(request.url(), { headers: { ...kept, ...headers }, data: body });
}

test("a server action without an Origin header is refused with 403, while the app's own pages keep working", async ({ page, context }) => {
  const editor = await createPersonWithTeam("origin");
  const article = await createArticle(editor);
  const claim = await seedClaim(editor, article.id, "The move is aimed at countering sabotage and internal threats");
  await signIn(page, editor.email, editor.password);
  await page.goto(`/t/${editor.team.slug}/articles/${article.id}/claims/${claim.id}`);
  await expect(page.locator("[data-claim-page][data-ready]")).toBeVisible();

  // The real UI: a comment through the server action, which the browser sends with its Origin.
  await page.getByLabel("Comment", { exact: true }).fill("Genuine comment");
  const [request] = await Promise.all([
    page.waitForRequest((candidate) => candidate.method() === "POST" && Boolean(candidate.headers()["next-action"])),
    page.getByRole("button", { name: "Add comment" }).click(),
  ]);
  await expect(page.getByRole("status").filter({ hasText: "Comment added." })).toBeVisible();
  // The browser sent its Origin (as sent on the wire: `headers()` leaves it out).
  expect((await request.allHeaders())["origin"]).toBe(new URL(request.url()).origin);
  const send = replay(context.request, request);
  const comments = async () => (await db.claimComment.findMany({ where: { claimId: claim.id }, orderBy: { createdAt: "asc" } })).map((comment) => comment.body);

  // The same call with the session cookie but no Origin (a non-browser client, or a browser
  // extension's request), or claiming to be a prefetch, or as a no-JavaScript form post.
  const refused = [
    await send({}, request.postData()!.replace("Genuine comment", "No origin")),
    await send({ "next-router-prefetch": "1", purpose: "prefetch" }, request.postData()!.replace("Genuine comment", "Prefetch header")),
    await send({ origin: "null" }, request.postData()!.replace("Genuine comment", "Opaque origin")),
    await context.request.post(request.url(), {
      multipart: { [`$ACTION_ID_${request.headers()["next-action"]}`]: "", team: editor.team.slug, claimId: claim.id, body: "Form without origin" },
    }),
  ];
  for (const response of refused) {
    expect(response.status()).toBe(403);
    expectSecurityHeaders(response.headers(), "403");
    expect(await response.text()).toContain("Origin");
  }
  // A route handler too (it answers GET only, but nothing that changes state gets past the proxy without an Origin).
  expect((await context.request.post(`/api/t/${editor.team.slug}/articles/${article.id}/report`, { form: { format: "json" } })).status()).toBe(403);
  expect(await comments()).toEqual(["Genuine comment"]);

  // From the app's own origin the same replay goes through, and the page goes on working.
  const control = await send({ origin: new URL(request.url()).origin }, request.postData()!.replace("Genuine comment", "Same-origin replay"));
  expect(control.status()).toBe(200);
  expect(await comments()).toEqual(["Genuine comment", "Same-origin replay"]);
  await page.getByLabel("Comment", { exact: true }).fill("Second genuine comment");
  await page.getByRole("button", { name: "Add comment" }).click();
  // The first comment's "Comment added." may still be showing: wait for the second to be saved.
  await expect.poll(comments).toEqual(["Genuine comment", "Same-origin replay", "Second genuine comment"]);
});
