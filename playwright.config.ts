import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_BASE_URL, E2E_PORT } from "./e2e/support/constants";

/** Debian's chromium: Playwright's own browser download does not work on these machines. */
function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((candidate): candidate is string => Boolean(candidate && fs.existsSync(candidate)));
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  // One worker: the tests seed through their own database connection, and a second writer
  // process makes SQLite refuse a deferred transaction's read-then-write (SQLITE_BUSY_SNAPSHOT)
  // at once. The app itself has one writer process; see the closing notes of issue 3.
  workers: 1,
  forbidOnly: true,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }], ["json", { outputFile: "reports/playwright.json" }]],
  use: {
    baseURL: E2E_BASE_URL,
    // Recording a trace of every passing test costs the suite minutes on two cores: in CI a
    // failed test is retried once with a trace; locally a failure keeps its trace.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
    video: "off",
    launchOptions: {
      executablePath: findChromium(),
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // A production build (`npm run build` first) on a fresh database made by the script.
    command: "npx tsx e2e/support/start-server.ts",
    url: `${E2E_BASE_URL}/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(E2E_PORT) },
  },
});
