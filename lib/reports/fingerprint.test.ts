import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalizeJson } from "./fingerprint";

describe("canonicalizeJson", () => {
  it("sorts keys at every depth by UTF-16 code units and writes no whitespace", () => {
    expect(canonicalizeJson({ b: 1, a: { d: [3, { z: true, y: null }], c: "x" }, "€": 1, Z: 2, "\u{1F600}": 3, "\uFB33": 4 }))
      .toBe('{"Z":2,"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1,"€":1,"\u{1F600}":3,"\uFB33":4}');
  });

  it("writes strings and numbers as RFC 8785 does (ECMAScript serialisation)", () => {
    expect(canonicalizeJson({ n: [1e21, 0.1, -0, 1.5e-7, 4.0], s: "é\n\"\u2028\u0007" })).toBe('{"n":[1e+21,0.1,0,1.5e-7,4],"s":"é\\n\\"\u2028\\u0007"}');
  });

  it("drops undefined members, keeps undefined array items as null, and refuses non-finite numbers", () => {
    expect(canonicalizeJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
    expect(() => canonicalizeJson({ a: Number.NaN })).toThrow(/finite/);
  });

  it("orders index-like keys as strings too, which plain objects would not", () => {
    expect(canonicalizeJson({ 10: "a", 9: "b", x: { 2: 1, 1: 2 } })).toBe('{"10":"a","9":"b","x":{"1":2,"2":1}}');
  });

  it("hashes the same data to the same SHA-256 whatever order it was built in", () => {
    const hash = (value: unknown) => createHash("sha256").update(canonicalizeJson(value), "utf8").digest("hex");
    expect(hash({ a: 1, b: [1, 2] })).toBe(hash({ b: [1, 2], a: 1 }));
    expect(hash({ a: 1, b: [1, 2] })).not.toBe(hash({ a: 1, b: [2, 1] }));
  });
});
