import "server-only";
import fs from "node:fs";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createLimiter } from "./limiter";

export const MISSING_CHROMIUM_MESSAGE =
  "PDF export needs Chromium on the server: install it (apt-get install chromium) or set CHROMIUM_PATH";

// The same switches as playwright.config.ts: no update checks, sync or other background traffic.
const LAUNCH_ARGS = ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const DEBIAN_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
// Two pages at once: enough to overlap two editors' exports, few enough for a small server.
const MAX_PAGES = 2;
// A warm browser makes the next export fast; one left idle this long gives its memory back.
const IDLE_CLOSE_MS = 5 * 60_000;

/**
 * The Chromium to print with: CHROMIUM_PATH when set (and then only that one, so a typo is
 * reported rather than papered over), else Debian's.
 */
export function findChromium(configured: string | undefined = getEnv().CHROMIUM_PATH): string {
  const candidates = configured ? [configured] : DEBIAN_CHROMIUM;
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new AppError("INVALID_INPUT", MISSING_CHROMIUM_MESSAGE);
  return found;
}

/**
 * A browser with one context for every report: JavaScript off and every request aborted, since a
 * report must carry all it needs and a link in a citation must make the server fetch nothing.
 * Pages are kept for reuse because opening one costs a new renderer process (~0.5 s).
 */
type Warm = { browser: Browser; context: BrowserContext; idlePages: Page[] };

async function launchWarm(): Promise<Warm> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: LAUNCH_ARGS });
  const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: "block" });
  await context.route("**/*", (route) => route.abort("blockedbyclient"));
  return { browser, context, idlePages: [] };
}

let launching: Promise<Warm> | undefined;
let idleTimer: NodeJS.Timeout | undefined;
const runLimited = createLimiter(MAX_PAGES);

/** The process's one browser, launched on first use and again after it crashed or was closed. */
function getWarm(): Promise<Warm> {
  if (launching) return launching;
  const attempt = launchWarm();
  launching = attempt;
  const forget = () => {
    if (launching === attempt) launching = undefined;
  };
  attempt.then((warm) => warm.browser.on("disconnected", forget), forget);
  return attempt;
}

async function openPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  // A crashed renderer would fail every later report lent this page.
  page.once("crash", () => void page.close().catch(() => undefined));
  return page;
}

/** Lends `task` a locked-down page, at most two at a time; a page that failed is not reused. */
export async function withPdfPage<T>(task: (page: Page) => Promise<T>): Promise<T> {
  return runLimited(async () => {
    clearTimeout(idleTimer);
    const warm = await getWarm();
    const page = warm.idlePages.pop() ?? (await openPage(warm.context));
    let isReusable = false;
    try {
      const result = await task(page);
      isReusable = !page.isClosed();
      return result;
    } finally {
      if (isReusable) warm.idlePages.push(page);
      else await page.close().catch(() => undefined);
      scheduleIdleClose();
    }
  });
}

// The timer is unref'd so that it never holds the process open on its own.
function scheduleIdleClose(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void closePdfBrowser(), IDLE_CLOSE_MS);
  idleTimer.unref();
}

/** Closes the warm browser now (tests, scripts). Playwright also kills it when the process exits. */
export async function closePdfBrowser(): Promise<void> {
  clearTimeout(idleTimer);
  const current = launching;
  launching = undefined;
  const warm = await current?.catch(() => undefined);
  await warm?.browser.close().catch(() => undefined);
}
