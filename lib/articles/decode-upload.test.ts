import { describe, expect, it } from "vitest";
import { decodeUpload } from "./decode-upload";

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("decodeUpload", () => {
  it("decodes UTF-8 and strips its BOM", () => {
    expect(decodeUpload(bytes(0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9), false)).toEqual({ ok: true, text: "hé" });
  });

  it("keeps tabs, form feeds and a few stray controls in real text", () => {
    const text = `${"word ".repeat(60)}\t\f\u0007`;
    expect(decodeUpload(encode(text), false)).toEqual({ ok: true, text });
  });

  it("names known binary formats", () => {
    const docx = decodeUpload(bytes(0x50, 0x4b, 0x03, 0x04, 0x14), false);
    expect(docx).toMatchObject({ ok: false, code: "binary" });
    expect(!docx.ok && docx.message).toContain("Word");
    expect(decodeUpload(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d), false)).toMatchObject({ ok: false, code: "binary" });
  });

  it("refuses UTF-32 and malformed UTF-16", () => {
    expect(decodeUpload(bytes(0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00), false)).toMatchObject({ code: "invalid_encoding" });
    // A lone high surrogate (0xD800) is not valid UTF-16.
    expect(decodeUpload(bytes(0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00), false)).toMatchObject({ code: "invalid_encoding" });
  });

  it("refuses UTF-16 text that hides binary data", () => {
    expect(decodeUpload(bytes(0xff, 0xfe, 0x41, 0x00, 0x00, 0x00), false)).toMatchObject({ code: "binary" });
  });

  it("refuses invalid UTF-8 unless an HTML page declares another charset", () => {
    const latin = new Uint8Array([...encode('<meta charset="iso-8859-1"><p>na'), 0xef, 0x76, 0x65]);
    expect(decodeUpload(latin, false)).toMatchObject({ ok: false, code: "invalid_encoding" });
    expect(decodeUpload(latin, true)).toEqual({ ok: true, text: '<meta charset="iso-8859-1"><p>naïve' });
    const undeclared = new Uint8Array([...encode("<p>na"), 0xef]);
    expect(decodeUpload(undeclared, true)).toMatchObject({ ok: false, code: "invalid_encoding" });
  });
});
