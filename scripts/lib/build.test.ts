import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isBuildStale, prepareBuild } from "./build";

const home = process.cwd();
let dir: string;

function touch(file: string, secondsAgo: number) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), "x");
  const time = new Date(Date.now() - secondsAgo * 1000);
  fs.utimesSync(path.join(dir, file), time, time);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-build-"));
  process.chdir(dir);
});
afterEach(() => {
  process.chdir(home);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("isBuildStale and prepareBuild (npm run demo, npm run bench)", () => {
  it("reuse a build newer than every source, and say so instead of building", () => {
    touch("app/page.tsx", 60);
    touch("lib/rule.test.ts", 1); // tests are not built
    touch(".next/factdesk-server.mjs", 10);
    touch(".next/BUILD_ID", 10);
    expect(isBuildStale()).toBe(false);
    const lines: string[] = [];
    prepareBuild([], (line) => lines.push(line));
    expect(lines).toEqual(["production build is up to date: not rebuilding (--build forces a build)"]);
  });

  it("find a build stale when a source changed after it, or when the server bundle is missing; --no-build only warns", () => {
    touch("components/button.tsx", 1);
    touch(".next/factdesk-server.mjs", 10);
    touch(".next/BUILD_ID", 10);
    expect(isBuildStale()).toBe(true);
    touch("components/button.tsx", 60);
    expect(isBuildStale()).toBe(false);
    fs.rmSync(path.join(dir, ".next/factdesk-server.mjs"));
    expect(isBuildStale()).toBe(true);
    const lines: string[] = [];
    prepareBuild(["--no-build"], (line) => lines.push(line));
    expect(lines).toEqual(["warning: the build is missing or older than the sources (--no-build given)"]);
  });
});
