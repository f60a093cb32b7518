import { refuse } from "./upload-errors";
import type { UploadError } from "./upload-errors";

export type DecodedText = { ok: true; text: string };

// Magic numbers of formats people are likely to try; a named refusal is kinder.
const KNOWN_BINARIES: Array<{ name: string; magic: number[] }> = [
  { name: "a PDF document", magic: [0x25, 0x50, 0x44, 0x46] },
  { name: "a Word, OpenDocument or ZIP file", magic: [0x50, 0x4b, 0x03, 0x04] },
  { name: "an old Word document", magic: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: "a PNG image", magic: [0x89, 0x50, 0x4e, 0x47] },
  { name: "a JPEG image", magic: [0xff, 0xd8, 0xff] },
  { name: "a GIF image", magic: [0x47, 0x49, 0x46, 0x38] },
  { name: "an RTF document", magic: [0x7b, 0x5c, 0x72, 0x74, 0x66] },
];
// Text may hold a few stray control characters; binary data holds many.
const MAX_CONTROL_SHARE = 0.02;
const TRY_AGAIN = "Save the article as UTF-8 text (.txt, .md or .html) and try again.";

/**
 * Decode uploaded bytes as text: UTF-8 (with or without BOM) or UTF-16 with
 * a BOM. Binary data and invalid UTF-8 are refused, except that an HTML
 * page may use the legacy charset it declares in a <meta> tag.
 */
export function decodeUpload(bytes: Uint8Array, isHtml: boolean): DecodedText | UploadError {
  const binary = KNOWN_BINARIES.find(({ magic }) => magic.every((byte, i) => bytes[i] === byte));
  if (binary) return refuse("binary", `This looks like ${binary.name}, not text. ${TRY_AGAIN}`);
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return refuse("invalid_encoding", `UTF-32 text is not supported. ${TRY_AGAIN}`);
  }
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? "utf-16le" : startsWith(bytes, [0xfe, 0xff]) ? "utf-16be" : null;
  if (utf16) return decodeUtf16(bytes, utf16);
  if (hasBinaryBytes(bytes)) return refuse("binary", `This file contains binary data, not text. ${TRY_AGAIN}`);
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const legacy = isHtml ? decodeDeclaredCharset(bytes) : null;
    if (legacy !== null) return { ok: true, text: legacy };
    return refuse("invalid_encoding", `This file is not valid UTF-8 text. ${TRY_AGAIN}`);
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): DecodedText | UploadError {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    if (hasBinaryChars(text)) return refuse("binary", `This file contains binary data, not text. ${TRY_AGAIN}`);
    return { ok: true, text };
  } catch {
    return refuse("invalid_encoding", `This file claims to be UTF-16 but is not valid UTF-16. ${TRY_AGAIN}`);
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function isControlCode(code: number): boolean {
  // Tab, line feed, vertical tab, form feed and carriage return are layout, not binary.
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f;
}

function hasBinaryBytes(bytes: Uint8Array): boolean {
  let controls = 0;
  for (const byte of bytes) {
    if (byte === 0) return true;
    if (isControlCode(byte)) controls += 1;
  }
  return controls > bytes.length * MAX_CONTROL_SHARE;
}

function hasBinaryChars(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if (isControlCode(code)) controls += 1;
  }
  return controls > text.length * MAX_CONTROL_SHARE;
}

function decodeDeclaredCharset(bytes: Uint8Array): string | null {
  // The declaration must sit near the top (the HTML spec looks at 1024 bytes).
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (!label || label === "utf-8" || label === "utf8") return null;
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return null;
  }
}
