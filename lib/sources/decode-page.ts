/** Byte-order mark, then the header's charset, then an HTML meta tag, then UTF-8. */
export function decodeText(bytes: Uint8Array, declared: string | null, isHtml: boolean): string {
  const label = sniffBom(bytes) ?? declared ?? (isHtml ? sniffMetaCharset(bytes) : null) ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  const text = decoder.decode(bytes);
  return decoder.encoding === "windows-1252" ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] as string) : text;
}

// Node 20.18.3+ decodes windows-1252 (and so "iso-8859-1") as Latin-1, leaving its smart
// quotes and dashes as control codes (nodejs/node#60888); these are its bytes 0x80-0x9F.
const WINDOWS_1252_C1 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function sniffBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return null;
}

function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? null;
  // A page that reached us as bytes cannot really be UTF-16 if its ASCII meta tag was readable.
  return label && /^utf-16/i.test(label) ? "utf-8" : label;
}
