import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { createPrismaClient, type Db } from "../lib/config/prisma-client";
import { createTeam } from "../lib/teams/mutations";
import { findActionId } from "../scripts/bench/server-action";
import { migrateDatabase } from "../scripts/lib/migrate";
import { readActionIds } from "../scripts/load/actions";
import { startServer, type RunningServer } from "../scripts/load/server";
import { E2E_PORT } from "./support/constants";
import { HttpClient } from "./support/http-client";

/**
 * The limits an attacker probes over HTTP, against the production build as `npm start` serves it,
 * on a server of this file's own: its address limits would otherwise hold back the other specs,
 * which all come from 127.0.0.1. Here 127.0.0.1 plays a trusted reverse proxy
 * (TRUSTED_PROXIES=127.0.0.1) and the other loopback addresses, 127.0.0.2 and up, are clients
 * connecting directly. Every limit is at its default.
 */
test.describe.configure({ mode: "serial" });

const PORT = E2E_PORT + 40;
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = "correct horse battery";
const WRONG = /^Wrong email or password\.$/;
const THROTTLED = /^Too many failed sign-in attempts\. For your security, try again in \d+ minutes?\./;

let server: RunningServer;
let db: Db;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const dir = path.resolve(`e2e/.artifacts/limits-${PORT}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const databaseUrl = `file:${path.join(dir, "app.db")}`;
  migrateDatabase(databaseUrl, { quiet: true });
  db = createPrismaClient(databaseUrl);
  server = await startServer({ port: PORT, databaseUrl, env: { TRUSTED_PROXIES: "127.0.0.1" } });
});

test.afterAll(async () => {
  await server?.stop();
  await db?.$disconnect();
});

async function createPerson(label: string) {
  const id = randomUUID().slice(0, 8);
  const user = await db.user.create({ data: { name: `${label} ${id}`, email: `${label}-${id}@limits.test`, passwordHash: await hashPassword(PASSWORD) } });
  const team = await createTeam(db, { name: `Limits desk ${id}`, userId: user.id });
  return { user, team, email: user.email };
}

/** A client connecting straight from `address` (127.0.0.2 and up). */
function client(address: string) {
  return new HttpClient(BASE, { localAddress: address });
}

/** A client behind the trusted proxy (127.0.0.1), which reports it as `forwardedFor`. */
function behindProxy(forwardedFor: string) {
  return new HttpClient(BASE, { localAddress: "127.0.0.1", headers: { "X-Forwarded-For": forwardedFor } });
}

test("forty wrong passwords sent at once get at most five checks, and the right password among them does not sign in", async () => {
  const { email } = await createPerson("concurrent");
  const attacker = client("127.0.0.3");
  const csrfToken = await attacker.fetchCsrfToken();
  let firstRefusal!: () => void;
  const refused = new Promise<void>((resolve) => (firstRefusal = resolve));
  const guesses = Array.from({ length: 39 }, async (_, index) => {
    const outcome = await attacker.signIn(email, `guess number ${index}`, { csrfToken });
    if (THROTTLED.test(outcome.message ?? "")) firstRefusal();
    return outcome;
  });
  // The right password goes out while the guesses are in flight, once the account is seen throttled.
  await Promise.race([refused, Promise.all(guesses)]);
  const right = await attacker.signIn(email, PASSWORD, { csrfToken });
  const outcomes = await Promise.all(guesses);

  const checked = outcomes.filter((outcome) => WRONG.test(outcome.message ?? "")).length;
  const throttled = outcomes.filter((outcome) => THROTTLED.test(outcome.message ?? "")).length;
  console.log(`39 guesses at once: ${checked} checked, ${throttled} refused unchecked`);
  expect(checked).toBeLessThanOrEqual(5);
  expect(checked + throttled).toBe(39);
  expect(right).toMatchObject({ isSignedIn: false, message: expect.stringMatching(THROTTLED) });
  expect(await db.auditEvent.count({ where: { type: "auth.sign_in_failed", email } })).toBe(checked);
  expect(await db.auditEvent.count({ where: { type: "auth.signed_in", email } })).toBe(0);
});

test("a forged X-Forwarded-For neither escapes the per-address limit, nor lands in the audit log, nor locks out the address it names", async () => {
  test.setTimeout(120_000);
  // The victim's address as the reverse proxy reports it; the attacker connects directly.
  const victimAddress = "198.51.100.24";
  const attacker = client("127.0.0.2");
  const csrfToken = await attacker.fetchCsrfToken();
  const run = randomUUID().slice(0, 6);
  const emails = Array.from({ length: 31 }, (_, index) => `sprayed-${index}-${run}@limits.test`);
  const outcomes = [];
  for (const [index, email] of emails.entries()) {
    // Every guess claims to come from somewhere else, half of them from the victim.
    const forged = index % 2 === 0 ? victimAddress : `203.0.113.${index}`;
    outcomes.push(await attacker.signIn(email, "Summer2024!", { csrfToken, headers: { "X-Forwarded-For": forged } }));
  }
  // The address's thirty, then the thirty-first is refused unchecked: the address is the socket's.
  expect(outcomes.slice(0, 30).every((outcome) => WRONG.test(outcome.message ?? ""))).toBe(true);
  expect(outcomes[30].message).toMatch(THROTTLED);
  expect(outcomes[30].message).toMatch(/Many sign-ins from your network failed\.$/);

  const recorded = await db.auditEvent.findMany({ where: { type: "auth.sign_in_failed", email: { in: emails } }, select: { ip: true } });
  expect(recorded).toHaveLength(30);
  expect(new Set(recorded.map((event) => event.ip))).toEqual(new Set(["127.0.0.2"]));

  // The victim, behind the trusted proxy, signs in: the forged failures did not count against them.
  const { email } = await createPerson("victim");
  const victim = behindProxy(victimAddress);
  expect(await victim.signIn(email, PASSWORD)).toEqual({ isSignedIn: true, message: null });
  // The proxy's word is taken for the addresses behind it: the rightmost hop it appended, not what the client wrote before it.
  await behindProxy(`6.6.6.6, ${victimAddress}`).signIn(email, "not the password");
  const events = await db.auditEvent.findMany({ where: { email }, orderBy: { createdAt: "asc" }, select: { type: true, ip: true } });
  expect(events).toEqual([
    { type: "auth.signed_in", ip: victimAddress },
    { type: "auth.sign_in_failed", ip: victimAddress },
  ]);
});

test("the owner's right password from a browser that signed in before gets through while an attacker hammers the account", async ({ browser }) => {
  test.setTimeout(120_000);
  const { email, team } = await createPerson("owner");
  const known = await browser.newContext({ baseURL: server.url });
  const page = await known.newPage();
  await signInThroughForm(page, email, PASSWORD);
  await expect(page).toHaveURL(new RegExp(`/t/${team.slug}`));
  const [deviceCookie] = (await known.cookies()).filter((cookie) => cookie.name === "factdesk.device");
  expect(deviceCookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(deviceCookie.expires * 1000 - Date.now()).toBeGreaterThan(300 * 86_400_000);
  await page.getByTestId("current-user").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // The attacker guesses from another address and keeps at it while the owner signs in.
  const attacker = client("127.0.0.5");
  const csrfToken = await attacker.fetchCsrfToken();
  const first = await Promise.all(Array.from({ length: 10 }, (_, index) => attacker.signIn(email, `guess ${index}`, { csrfToken })));
  expect(first.filter((outcome) => THROTTLED.test(outcome.message ?? "")).length).toBeGreaterThanOrEqual(5);
  let isHammering = true;
  let hammered = 0;
  const hammering = (async () => {
    for (; isHammering; hammered++) {
      await attacker.signIn(email, `more ${hammered}`, { csrfToken });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    await signInThroughForm(page, email, PASSWORD);
    await expect(page).toHaveURL(new RegExp(`/t/${team.slug}`));
    await expect(page.getByTestId("current-user")).toBeVisible();

    // The same password from a browser the account has not seen is held back, and told why.
    const stranger = await browser.newContext({ baseURL: server.url });
    const strangerPage = await stranger.newPage();
    await signInThroughForm(strangerPage, email, PASSWORD);
    await expect(strangerPage.getByRole("alert").filter({ hasText: /Too many failed sign-in attempts/ })).toContainText(/Too many failed sign-in attempts\. For your security, try again in \d+ minutes?\. A browser you have signed in with before can still sign in\./);
    await expect(strangerPage).toHaveURL(/\/sign-in/);
    await stranger.close();
  } finally {
    isHammering = false;
    await hammering;
    await known.close();
  }
  console.log(`the attacker's guesses meanwhile: ${hammered}, none checked`);
  expect(await db.auditEvent.count({ where: { type: "auth.sign_in_failed", email } })).toBeLessThanOrEqual(5);
});

test("a claim over a whole 2 MB article is refused and writes nothing", async () => {
  const { user, team, email } = await createPerson("amplifier");
  const paragraph = "The ministry said the figures would be published next week, and the opposition said they would not be. ";
  const text = paragraph.repeat(Math.ceil(2_150_000 / paragraph.length)).slice(0, 2_150_000);
  const article = await db.article.create({
    data: {
      teamId: team.id, title: "A very long article", createdById: user.id,
      versions: { create: { number: 1, teamId: team.id, text, contentHash: randomUUID(), createdById: user.id } },
    },
  });
  const editor = client("127.0.0.6");
  expect(await editor.signIn(email, PASSWORD)).toMatchObject({ isSignedIn: true });
  const pageCount = async () => Number((await db.$queryRawUnsafe<Array<{ page_count: bigint }>>("PRAGMA page_count"))[0].page_count);
  const before = await pageCount();
  const { createClaimAction } = readActionIds();
  const answer = await editor.callAction(`/t/${team.slug}/articles/${article.id}`, createClaimAction, [{ team: team.slug, articleId: article.id, start: 0, end: text.length }]);
  expect(answer.result).toMatchObject({
    ok: false,
    message: "This passage is 2,150,000 characters long; a claim's passage can be at most 5,000 characters. Select the sentence or few sentences that make the claim.",
  });
  expect(await db.claim.count({ where: { articleId: article.id } })).toBe(0);
  // A few pages at most (the writer's throttle and the session), not megabytes.
  expect((await pageCount()) - before).toBeLessThan(10);

  // A claim of a sentence still works.
  const sentence = await editor.callAction(`/t/${team.slug}/articles/${article.id}`, createClaimAction, [{ team: team.slug, articleId: article.id, start: 0, end: paragraph.length - 1 }]);
  expect(sentence.result).toMatchObject({ ok: true });
});

test("sign-up is throttled per address: the eleventh team in an hour from one address is refused", async () => {
  test.setTimeout(90_000);
  const actionId = findActionId("app/(auth)/sign-up/actions.ts", "signUpAction");
  const run = randomUUID().slice(0, 6);
  const signUp = (from: HttpClient, index: number) =>
    from.callAction("/sign-up", actionId, [{ name: `Signer ${index}`, email: `signer-${index}-${run}@limits.test`, password: "a long enough password", teamName: `Spam desk ${index} ${run}` }]);
  const spammer = client("127.0.0.7");
  const answers = [];
  for (let index = 0; index < 11; index++) answers.push((await signUp(spammer, index)).result);
  expect(answers.slice(0, 10).every((answer) => answer?.ok === true)).toBe(true);
  expect(answers[10]).toMatchObject({ ok: false, message: expect.stringMatching(/^Too many accounts were created from your network recently\. No account was created; try again in \d+ minutes\.$/) });
  expect(await db.user.count({ where: { email: { endsWith: `-${run}@limits.test` } } })).toBe(10);
  expect(await db.team.count({ where: { name: { endsWith: run } } })).toBe(10);
  // Someone else, elsewhere, signs up as usual.
  expect((await signUp(client("127.0.0.8"), 11)).result).toMatchObject({ ok: true });
});

async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}
