import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_DATABASE_URL } from "./database-url";
import { loadLocalEnv, parseEnvFile } from "./load-env";

describe("parseEnvFile", () => {
  it("reads KEY=value lines in order", () => {
    expect(parseEnvFile("A=1\nB_2=two words\n_C=")).toEqual([
      ["A", "1"],
      ["B_2", "two words"],
      ["_C", ""],
    ]);
  });

  it("removes matching single or double quotes around a value", () => {
    expect(parseEnvFile(`A="quoted value"\nB='single'\nC="mismatched'\nD=in"side"`)).toEqual([
      ["A", "quoted value"],
      ["B", "single"],
      ["C", `"mismatched'`],
      ["D", `in"side"`],
    ]);
  });

  it("skips comments, blank lines and lines that are not assignments", () => {
    expect(parseEnvFile("# A=commented\n\n   \nnot an assignment\n1BAD=x\nGOOD=yes")).toEqual([["GOOD", "yes"]]);
  });

  it("trims spaces around the key, the equals sign and the value, and handles CRLF", () => {
    expect(parseEnvFile("  KEY  =  value  \r\nNEXT=2\r\n")).toEqual([
      ["KEY", "value"],
      ["NEXT", "2"],
    ]);
  });

  it("keeps equals signs inside the value", () => {
    expect(parseEnvFile("DATABASE_URL=file:./data/app.db?mode=rwc")).toEqual([["DATABASE_URL", "file:./data/app.db?mode=rwc"]]);
  });
});

describe("loadLocalEnv", () => {
  const keys = ["FACTDESK_TEST_LOCAL", "FACTDESK_TEST_SHARED", "FACTDESK_TEST_PRESET", "DATABASE_URL"];
  afterEach(() => vi.unstubAllEnvs());

  function tempDir(files: Record<string, string>) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "load-env-"));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  }

  it("prefers .env.local over .env and never overrides a variable already set", () => {
    for (const key of keys) vi.stubEnv(key, undefined);
    vi.stubEnv("FACTDESK_TEST_PRESET", "from the shell");
    const dir = tempDir({
      ".env.local": "FACTDESK_TEST_LOCAL=local\nFACTDESK_TEST_SHARED=local\nFACTDESK_TEST_PRESET=local",
      ".env": "FACTDESK_TEST_SHARED=env\nDATABASE_URL=file:./from-env.db",
    });
    try {
      loadLocalEnv(dir);
      expect(process.env.FACTDESK_TEST_LOCAL).toBe("local");
      expect(process.env.FACTDESK_TEST_SHARED).toBe("local");
      expect(process.env.FACTDESK_TEST_PRESET).toBe("from the shell");
      expect(process.env.DATABASE_URL).toBe("file:./from-env.db");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("defaults DATABASE_URL when no file sets it", () => {
    for (const key of keys) vi.stubEnv(key, undefined);
    const dir = tempDir({});
    try {
      loadLocalEnv(dir);
      expect(process.env.DATABASE_URL).toBe(DEFAULT_DATABASE_URL);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
