import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, resolveSqlitePath } from "./database-url";

describe("resolveSqlitePath", () => {
  it("resolves a relative file from the working directory", () => {
    expect(resolveSqlitePath("file:./data/app.db")).toBe(path.join(process.cwd(), "data", "app.db"));
    expect(resolveSqlitePath("file:dev.db")).toBe(path.join(process.cwd(), "dev.db"));
    expect(resolveSqlitePath(DEFAULT_DATABASE_URL)).toBe(path.join(process.cwd(), "data", "app.db"));
  });

  it("keeps an absolute path", () => {
    expect(resolveSqlitePath("file:/var/lib/factdesk/app.db")).toBe("/var/lib/factdesk/app.db");
  });

  it("drops query parameters", () => {
    expect(resolveSqlitePath("file:/srv/app.db?connection_limit=1")).toBe("/srv/app.db");
  });

  it("keeps :memory: as it is", () => {
    expect(resolveSqlitePath("file::memory:")).toBe(":memory:");
  });

  it("refuses a URL that is not a SQLite file, naming only its scheme", () => {
    expect(() => resolveSqlitePath("postgresql://user:secret@db/app")).toThrow(/must be a SQLite file: URL, got "postgresql:\.\.\."/);
    expect(() => resolveSqlitePath("postgresql://user:secret@db/app")).not.toThrow(/secret/);
    expect(() => resolveSqlitePath("./data/app.db")).toThrow(/SQLite file/);
  });
});
