/**
 * Reads the messages the e2e SMTP sink wrote (raw .eml files in MAIL_DIR). Enough MIME for what
 * the app sends: a single text part, 7bit, quoted-printable or base64, with encoded-word headers.
 */
import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { MAIL_DIR } from "./services";

export type Mail = { file: string; headers: Map<string, string>; to: string; from: string; subject: string; text: string; raw: string };

export function readMailbox(): Mail[] {
  if (!fs.existsSync(MAIL_DIR)) return [];
  return fs
    .readdirSync(MAIL_DIR)
    .filter((name) => name.endsWith(".eml"))
    .sort()
    .map((name) => parseMail(path.join(MAIL_DIR, name)));
}

/** Waits for the one message addressed to `to` (case-insensitive) and returns it. */
export async function waitForMailTo(to: string, timeout = 15_000): Promise<Mail> {
  const wanted = to.toLowerCase();
  const addressedTo = () => readMailbox().filter((mail) => mail.to.toLowerCase().includes(wanted));
  await expect.poll(() => addressedTo().length, { timeout, message: `a mail to ${to} in ${MAIL_DIR}` }).toBe(1);
  return addressedTo()[0];
}

export function parseMail(file: string): Mail {
  const raw = fs.readFileSync(file, "utf8");
  const split = raw.search(/\r?\n\r?\n/);
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? "" : raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const text =
    encoding === "quoted-printable" ? decodeQuotedPrintable(body) : encoding === "base64" ? Buffer.from(body, "base64").toString("utf8") : body;
  return {
    file,
    headers,
    to: headers.get("to") ?? "",
    from: headers.get("from") ?? "",
    subject: headers.get("subject") ?? "",
    text: text.replace(/\r\n/g, "\n"),
    raw,
  };
}

function decodeQuotedPrintable(text: string): string {
  const input = Buffer.from(text.replace(/=\r?\n/g, ""), "utf8");
  const bytes: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const hex = input[i] === 0x3d ? input.subarray(i + 1, i + 3).toString("latin1") : "";
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(input[i]);
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_match, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}

/** Waits until `count` messages addressed to `to` arrived, and returns them, oldest first. */
export async function waitForMailsTo(to: string, count: number, timeout = 15_000): Promise<Mail[]> {
  const wanted = to.toLowerCase();
  const addressedTo = () => readMailbox().filter((mail) => mail.to.toLowerCase().includes(wanted));
  await expect.poll(() => addressedTo().length, { timeout, message: `${count} mail(s) to ${to} in ${MAIL_DIR}` }).toBe(count);
  return addressedTo();
}

/** The one link in a mail that leads to `pathPrefix` (e.g. "/verify-email/"), as a path on the app. */
export function readLink(mail: Mail, pathPrefix: string): string {
  const links = (mail.text.match(/https?:\/\/\S+/g) ?? []).map((link) => new URL(link)).filter((url) => url.pathname.startsWith(pathPrefix));
  expect(links, `one ${pathPrefix} link in "${mail.subject}"`).toHaveLength(1);
  return links[0].pathname + links[0].search;
}
