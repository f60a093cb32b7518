import { describe, expect, it } from "vitest";
import { describeWait, formatRate, parseRates } from "./rate";

describe("parseRates", () => {
  it("reads counts per time, several at once, and off", () => {
    expect(parseRates("5/15m")).toEqual({ ok: true, rates: [{ count: 5, windowMs: 900_000 }] });
    expect(parseRates(" 5/15m , 20/1d ")).toEqual({ ok: true, rates: [{ count: 5, windowMs: 900_000 }, { count: 20, windowMs: 86_400_000 }] });
    expect(parseRates("120/m")).toEqual({ ok: true, rates: [{ count: 120, windowMs: 60_000 }] });
    expect(parseRates("2/30s,100/1H")).toEqual({ ok: true, rates: [{ count: 2, windowMs: 30_000 }, { count: 100, windowMs: 3_600_000 }] });
    expect(parseRates("OFF")).toEqual({ ok: true, rates: [] });
  });

  it("refuses anything else with an example", () => {
    for (const text of ["", "5", "5/", "0/1m", "5/0m", "5/1w", "five/1m", "5/15m,", "-1/1m", "1.5/1m"]) {
      const parsed = parseRates(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain("such as 5/15m");
    }
  });

  it("writes a rate back the way it was written", () => {
    for (const text of ["5/15m", "20/1d", "120/1m", "2/30s", "100/1h", "10/90m"]) {
      const parsed = parseRates(text);
      expect(parsed.ok && formatRate(parsed.rates[0])).toBe(text);
    }
  });
});

describe("describeWait", () => {
  it("says seconds under a minute and minutes from there, rounded up", () => {
    expect(describeWait(0)).toBe("1 second");
    expect(describeWait(1_001)).toBe("2 seconds");
    expect(describeWait(59_000)).toBe("59 seconds");
    expect(describeWait(60_000)).toBe("1 minute");
    expect(describeWait(60_001)).toBe("2 minutes");
    expect(describeWait(72 * 60_000)).toBe("72 minutes");
  });
});
