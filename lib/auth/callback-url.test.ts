import { describe, expect, it } from "vitest";
import { readSafeCallbackUrl } from "./callback-url";

describe("readSafeCallbackUrl", () => {
  it("keeps a same-site path, with its query and hash", () => {
    expect(readSafeCallbackUrl("/t/x")).toBe("/t/x");
    expect(readSafeCallbackUrl("/t/metro/articles?page=2#top")).toBe("/t/metro/articles?page=2#top");
    expect(readSafeCallbackUrl("/")).toBe("/");
  });

  it.each([
    ["a protocol-relative URL", "//evil.com"],
    ["an absolute URL", "https://evil.com"],
    ["a backslash that browsers read as a slash", "/\\evil.com"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "t/x"],
    ["an empty string", ""],
  ])("falls back for %s", (_label, value) => {
    expect(readSafeCallbackUrl(value)).toBe("/");
  });

  it.each([
    ["a tab", "/\t/evil.com"],
    ["a newline", "/\n/evil.com"],
    ["a carriage return", "/\r/evil.com"],
  ])("falls back when %s would be stripped by the browser, leaving //evil.com", (_label, value) => {
    expect(readSafeCallbackUrl(value)).toBe("/");
  });

  it("falls back for values that are not strings", () => {
    for (const value of [undefined, null, 42, ["/t/x"], { href: "/t/x" }]) expect(readSafeCallbackUrl(value)).toBe("/");
  });

  it("uses the fallback it is given", () => {
    expect(readSafeCallbackUrl("//evil.com", "/t/home")).toBe("/t/home");
    expect(readSafeCallbackUrl(undefined, "/t/home")).toBe("/t/home");
  });
});
