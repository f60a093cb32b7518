/**
 * Prints one closing line, "tests: N passed, N failed", from the Vitest and Playwright JSON
 * reports, so CI can read the outcome of the whole suite.
 */
import fs from "node:fs";

type Counts = { passed: number; failed: number; skipped: number };

function readVitest(file: string): Counts {
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function readPlaywright(file: string): Counts {
  const stats = JSON.parse(fs.readFileSync(file, "utf8")).stats;
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) continue;
  const counts = (file.includes("playwright") ? readPlaywright : readVitest)(file);
  console.log(`${file}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
