import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Names from the demo article (prisma/fixtures/putin-private-armies.txt and prisma/seed-verification.ts).
const DEMO_WORDS = /putin|wagner|daily ?beast|duma|kartapolov|sokov|barents|prigozhin|private.armies/i;

describe("hints and placeholders", () => {
  // The demo article is one team's first article, not every article's: a hint written from it
  // ("e.g. Wagner", "https://www.thedailybeast.com") reads as leftover data on any other.
  it("never quote the demo article: what the screens show outside an editor's own data is generic", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const files = ["app", "components"].flatMap((dir) => fs.readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".test.ts")).map((file) => path.join(dir, file)));
    const offenders = files.flatMap((file) =>
      fs.readFileSync(path.join(root, file), "utf8").split("\n").flatMap((line, index) =>
        // Comments may use the worked example to explain the code; the screens may not.
        DEMO_WORDS.test(line) && !/^\s*(\/\/|\*|\/\*\*)/.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : []));
    expect(offenders).toEqual([]);
  });
});
