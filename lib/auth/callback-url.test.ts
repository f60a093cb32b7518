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

  it("keeps a path with non-ASCII characters as the same address, percent-encoded so it fits a Location header", () => {
    expect(readSafeCallbackUrl("/\u3000/x")).toBe("/%E3%80%80/x");
    expect(readSafeCallbackUrl("/t/caf\u00e9/articles?q=\u00e9t\u00e9#r\u00e9sum\u00e9")).toBe("/t/caf%C3%A9/articles?q=%C3%A9t%C3%A9#r%C3%A9sum%C3%A9");
    expect(readSafeCallbackUrl("/%E3%80%80/x")).toBe("/%E3%80%80/x");
    expect(readSafeCallbackUrl("/t/x?q=a b")).toBe("/t/x?q=a%20b");
    for (const value of ["/\u3000/x", "/t/\u{1F600}", "/a?b=\u00ff"]) expect(readSafeCallbackUrl(value)).toMatch(/^[\x21-\x7e]+$/);
  });

  it.each([
    ["a dot segment that leaves //evil.com", "/.//evil.com"],
    ["a dot-dot segment that leaves //evil.com", "/x/..//evil.com"],
    ["a lone surrogate", "/t/\ud800"],
  ])("falls back for %s", (_label, value) => {
    expect(readSafeCallbackUrl(value)).toBe("/");
  });
});
