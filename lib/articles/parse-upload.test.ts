import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_TEXT_BYTES, MAX_UPLOAD_BYTES, detectFileFormat, parseUpload, sniffFormat, splitTitleLine } from "./parse-upload";

const fixture = readFileSync(new URL("../../prisma/fixtures/putin-private-armies.txt", import.meta.url));
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const file = (name: string, bytes: Uint8Array, mimeType?: string) => ({ kind: "file" as const, name, bytes, mimeType });

function expectRefusal(result: ReturnType<typeof parseUpload>, code: string): string {
  if (result.ok) throw new Error(`expected refusal ${code}, got success`);
  expect(result.code).toBe(code);
  return result.message;
}

describe("parseUpload text files", () => {
  it("reads the real fixture, lifting the headline into the title", () => {
    const result = parseUpload(file("putin-private-armies.txt", fixture));
    if (!result.ok) throw new Error(result.message);
    expect(result.value.format).toBe("text");
    expect(result.value.title).toBe(
      "Putin is forming mysterious private armies across Russia to protect himself from Wagner soldiers, report says",
    );
    expect(result.value.text.startsWith("  • Oops!\n    Something went wrong.")).toBe(true);
    expect(result.value.text).toContain("first reported on the amendments.");
    expect(result.value.text.endsWith("Read the original article on Business Insider")).toBe(true);
  });

  it("accepts a UTF-8 BOM and CRLF line endings", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode("Title line here\r\n\r\nBody text.\r\n")]);
    const result = parseUpload(file("a.txt", bytes));
    expect(result).toMatchObject({ ok: true, value: { title: "Title line here", text: "Body text." } });
  });

  it("decodes UTF-16 with a BOM, both byte orders", () => {
    const text = "Zoë's report\n\nBody ünïcode.";
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, "utf16le"))]);
    const be = new Uint8Array([0xfe, 0xff, ...new Uint8Array(Buffer.from(text, "utf16le").swap16())]);
    expect(parseUpload(file("le.txt", le))).toMatchObject({ ok: true, value: { title: "Zoë's report", text: "Body ünïcode." } });
    expect(parseUpload(file("be.txt", be))).toMatchObject({ ok: true, value: { text: "Body ünïcode." } });
  });

  it("keeps a first line that reads like a sentence in the body", () => {
    expect(splitTitleLine("It rained.\n\nThen it stopped.")).toEqual({ title: null, text: "It rained.\n\nThen it stopped." });
    expect(splitTitleLine("Single line only")).toEqual({ title: null, text: "Single line only" });
  });
});

describe("parseUpload refusals", () => {
  it("refuses empty files and whitespace-only pastes", () => {
    expectRefusal(parseUpload(file("a.txt", new Uint8Array())), "empty");
    expectRefusal(parseUpload(file("a.txt", encode(" \n\t\n"))), "empty");
    expectRefusal(parseUpload({ kind: "paste", text: "   \n " }), "empty");
  });

  it("refuses oversized uploads and states the limit", () => {
    const message = expectRefusal(parseUpload(file("big.txt", new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x61))), "too_large");
    expect(message).toContain("5 MB");
    expectRefusal(parseUpload({ kind: "paste", text: "a".repeat(MAX_UPLOAD_BYTES + 1) }), "too_large");
  });

  it("refuses article text over the text limit after extraction", () => {
    const paragraph = "word ".repeat(200).trim();
    const text = Array.from({ length: Math.ceil(MAX_TEXT_BYTES / paragraph.length) + 10 }, () => paragraph).join("\n\n");
    const message = expectRefusal(parseUpload({ kind: "paste", text }), "text_too_large");
    expect(message).toContain("2 MB");
  });

  it("refuses binary data: NUL bytes, control characters and known formats", () => {
    expectRefusal(parseUpload(file("a.txt", new Uint8Array([0x61, 0x00, 0x62]))), "binary");
    const noisy = encode("abc".repeat(10) + "\u0001\u0002\u0003\u0004\u0005");
    expectRefusal(parseUpload(file("a.txt", noisy)), "binary");
    const pdf = expectRefusal(parseUpload(file("a.txt", encode("%PDF-1.7\n..."))), "binary");
    expect(pdf).toContain("PDF");
  });

  it("refuses invalid UTF-8 with a clear message", () => {
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]);
    expect(expectRefusal(parseUpload(file("a.txt", latin1)), "invalid_encoding")).toContain("UTF-8");
  });

  it("accepts a legacy charset only when an HTML page declares it", () => {
    const html = new Uint8Array([
      ...encode('<html><head><meta charset="windows-1252"></head><body><p>caf'),
      0xe9,
      ...encode(" au lait, a long enough paragraph about the caf"),
      0xe9,
      ...encode(".</p></body></html>"),
    ]);
    const result = parseUpload(file("page.html", html));
    expect(result).toMatchObject({ ok: true, value: { format: "html" } });
    expect(result.ok && result.value.text).toContain("café au lait");
  });

  it("refuses unsupported file types and names the supported ones", () => {
    expect(expectRefusal(parseUpload(file("a.pdf", encode("x"))), "unsupported_type")).toContain(".txt, .md or .html");
    expectRefusal(parseUpload(file("noext", encode("x"), "image/png")), "unsupported_type");
  });

  it("refuses input that yields no article text", () => {
    expectRefusal(parseUpload(file("a.html", encode("<html><body><script>x()</script></body></html>"))), "no_text");
    expectRefusal(parseUpload(file("a.md", encode("![only an image](a.png)"))), "no_text");
  });
});

describe("parseUpload formats", () => {
  it("reads Markdown files with the heading as title", () => {
    const result = parseUpload(file("story.md", encode("# The title\n\nSome **bold** words.\n\n- a key point")));
    expect(result).toMatchObject({ ok: true, value: { format: "markdown", title: "The title", text: "Some bold words.\n\na key point" } });
  });

  it("reads HTML files with metadata and the given URL", () => {
    const html = `<html><head><meta property="og:title" content="Page title"></head><body><p>Paragraph text.</p></body></html>`;
    const result = parseUpload({ kind: "file", name: "page.htm", bytes: encode(html), url: "https://news.example/a" });
    expect(result).toMatchObject({
      ok: true,
      value: { format: "html", title: "Page title", text: "Paragraph text.", url: "https://news.example/a", outlet: "news.example" },
    });
  });

  it("sniffs pasted HTML but treats other pastes as plain text", () => {
    const html = parseUpload({ kind: "paste", text: "<!-- copied --><div><p>Pasted <b>page</b></p></div>" });
    expect(html).toMatchObject({ ok: true, value: { format: "html", text: "Pasted page" } });
    const text = parseUpload({ kind: "paste", text: "Prices rose 3% <in real terms> this year." });
    expect(text).toMatchObject({ ok: true, value: { format: "text", text: "Prices rose 3% <in real terms> this year." } });
    expect(parseUpload({ kind: "paste", text: "**x** y", format: "markdown" })).toMatchObject({ ok: true, value: { text: "x y" } });
  });

  it("sniffs a paste opening with many comments at once (the old regex backtracked exponentially)", () => {
    const comments = "<!---->".repeat(28);
    const started = performance.now();
    expect(sniffFormat(`${comments}x`)).toBe("text");
    expect(sniffFormat(`${comments}\n <p>x`)).toBe("html");
    expect(sniffFormat(`<!-- never closed <p>x`)).toBe("text");
    // 28 comments and a letter took the old regex seconds; 40 would have taken hours.
    expect(performance.now() - started).toBeLessThan(200);
  });

  it("detects formats from extension first, then MIME type", () => {
    expect(detectFileFormat("A.HTM")).toBe("html");
    expect(detectFileFormat("notes.markdown", "text/html")).toBe("markdown");
    expect(detectFileFormat("clipboard", "text/markdown; charset=utf-8")).toBe("markdown");
    expect(detectFileFormat("clipboard")).toBeUndefined();
    expect(detectFileFormat("report.docx")).toBeNull();
  });

  it("sniffs files without an extension or MIME type", () => {
    expect(parseUpload(file("clipboard", encode("<html><body><p>Hi there</p></body></html>")))).toMatchObject({
      ok: true,
      value: { format: "html", text: "Hi there" },
    });
  });
});
