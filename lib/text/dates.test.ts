import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDay, formatMoment } from "./dates";

const at = new Date(Date.UTC(2026, 10, 25, 10, 2, 30));

describe("formatDay and formatMoment", () => {
  it("write a day and a moment in UTC, the same from a Date or an ISO string", () => {
    expect(formatDay(at)).toBe("25 Nov 2026");
    expect(formatMoment(at)).toBe("25 Nov 2026, 10:02 UTC");
    expect(formatMoment(at.toISOString())).toBe("25 Nov 2026, 10:02 UTC");
  });

  it("pads hours and minutes, and takes the UTC day near midnight", () => {
    expect(formatMoment(new Date(Date.UTC(2026, 0, 3, 4, 5)))).toBe("3 Jan 2026, 04:05 UTC");
    expect(formatDay("2026-01-03T23:59:00-05:00")).toBe("4 Jan 2026");
  });
});

describe("the screens' dates", () => {
  // Every date a screen shows goes through formatDay or formatMoment, so no page shows one date
  // two ways ("2026-11-25" beside "25 November 2026") or in the server's or browser's locale.
  it("are written by lib/text/dates.ts alone (a date input's ISO value aside)", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const files = ["app", "components"].flatMap((dir) => fs.readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".test.ts")).map((file) => path.join(dir, file)));
    const offenders = files.flatMap((file) =>
      fs.readFileSync(path.join(root, file), "utf8").split("\n").flatMap((line, index) =>
        /toLocale(Date|Time)?String\(|toISOString\(\)\.slice\(0, (10|16)\)|Intl\.DateTimeFormat/.test(line) && !line.includes("toDateInput") && !file.endsWith("format-history.ts")
          ? [`${file}:${index + 1}`] : []));
    expect(offenders).toEqual([]);
  });
});
