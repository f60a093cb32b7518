import { describe, expect, it } from "vitest";
import { formatSize, refuse } from "./upload-errors";

describe("formatSize", () => {
  it("prints megabytes with at most one decimal, and kilobytes below that", () => {
    expect(formatSize(5 * 1024 * 1024)).toBe("5 MB");
    expect(formatSize(2.44 * 1024 * 1024)).toBe("2.4 MB");
    expect(formatSize(812 * 1024)).toBe("812 KB");
    expect(formatSize(10)).toBe("1 KB");
  });
});

describe("refuse", () => {
  it("builds the failure branch of the result union", () => {
    expect(refuse("empty", "Nothing here.")).toEqual({ ok: false, code: "empty", message: "Nothing here." });
  });
});
