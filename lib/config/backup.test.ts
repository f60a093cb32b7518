import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "@/tests/test-db";
import { backupDatabase, defaultBackupPath, formatBackupStamp, restoreDatabase } from "./backup";
import { resolveSqlitePath } from "./database-url";
import { createPrismaClient } from "./prisma-client";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-backup-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
// Backups are of SQLite files: this file runs on SQLite whatever database the run's tests use.
const template = resolveSqlitePath(createSqliteTestDatabase());

/** A migrated database of our own, in WAL mode like the app's. */
function makeDatabase(name: string) {
  const file = path.join(dir, name);
  fs.copyFileSync(template, file);
  return file;
}

/**
 * Another thread with its own connection, as the server would be: it writes pairs of rows, each
 * pair in one transaction, until told to stop. A consistent copy never holds half a pair.
 */
function startWriter(file: string) {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require("node:worker_threads");
    const Database = require("better-sqlite3");
    const db = new Database(workerData.file, { timeout: 10000 });
    const insert = db.prepare("INSERT INTO AuditEvent (id, type, detail, createdAt) VALUES (?, 'test.pair', ?, ?)");
    const writePair = db.transaction((batch) => { insert.run(batch + "-a", String(batch), Date.now()); insert.run(batch + "-b", String(batch), Date.now()); });
    let batch = 0, stop = false;
    parentPort.on("message", () => { stop = true; });
    (function loop() {
      for (let i = 0; i < 20; i++) writePair(++batch);
      parentPort.postMessage(batch);
      if (stop) { db.close(); parentPort.postMessage({ done: batch }); } else setImmediate(loop);
    })();
    `,
    { eval: true, workerData: { file } },
  );
  let written = 0;
  const done = new Promise<number>((resolve, reject) => {
    worker.on("message", (message: number | { done: number }) => {
      if (typeof message === "number") written = message;
      else resolve(message.done);
    });
    worker.on("error", reject);
  });
  return {
    written: () => written,
    async until(batches: number) {
      while (written < batches) await new Promise((resolve) => setTimeout(resolve, 10));
    },
    async stop() {
      worker.postMessage("stop");
      const total = await done;
      await worker.terminate();
      return total;
    },
  };
}

describe("backup file names", () => {
  it("sit beside the database in backups/, named after it with a sortable UTC time", () => {
    const date = new Date("2026-03-01T09:30:05.123Z");
    expect(formatBackupStamp(date)).toBe("2026-03-01T09-30-05Z");
    expect(defaultBackupPath("/srv/factdesk/data/app.db", date)).toBe("/srv/factdesk/data/backups/app-2026-03-01T09-30-05Z.db");
  });
});

describe("online backup and restore", () => {
  it("copies a consistent database while another connection writes, and the copy restores", async () => {
    const file = makeDatabase("live.db");
    const db = createPrismaClient(`file:${file}`);
    await db.auditEvent.createMany({ data: Array.from({ length: 100 }, (_, index) => ({ type: "test.before", detail: String(index) })) });
    await db.$disconnect();

    const writer = startWriter(file);
    await writer.until(200);
    const out = path.join(dir, "backups", "live-copy.db");
    const result = backupDatabase(file, out);
    const writtenAtBackup = writer.written();
    await writer.until(writtenAtBackup + 200);
    const total = await writer.stop();

    expect(result).toMatchObject({ file: out, integrity: "ok" });
    expect(result.bytes).toBeGreaterThan(0);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);

    const target = path.join(dir, "restored", "app.db");
    const restored = restoreDatabase(out, target);
    expect(restored).toMatchObject({ target, previous: null, integrity: "ok" });
    expect(restored.migrations).toBeGreaterThan(0);

    const copy = new Database(target, { readonly: true });
    try {
      expect(copy.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(copy.prepare("SELECT count(*) AS n FROM AuditEvent WHERE type = 'test.before'").get()).toEqual({ n: 100 });
      const pairs = copy.prepare("SELECT detail, count(*) AS n FROM AuditEvent WHERE type = 'test.pair' GROUP BY detail").all() as Array<{ n: number }>;
      // Every write the backup began after is absent, every pair is whole, and the copy holds
      // at least what was written before the backup started.
      expect(pairs.every((pair) => pair.n === 2)).toBe(true);
      expect(pairs.length).toBeGreaterThanOrEqual(200);
      expect(pairs.length).toBeLessThan(total);
    } finally {
      copy.close();
    }
    const reopened = createPrismaClient(`file:${target}`);
    expect(await reopened.auditEvent.count({ where: { type: "test.before" } })).toBe(100);
    await reopened.$disconnect();
  });

  it("refuses to restore over a database that something has open, and changes nothing", () => {
    const backup = path.join(dir, "backups", "for-busy.db");
    backupDatabase(makeDatabase("source-busy.db"), backup);
    const target = makeDatabase("busy.db");
    const server = new Database(target);
    server.prepare("SELECT count(*) FROM AuditEvent").get();
    try {
      expect(() => restoreDatabase(backup, target)).toThrow(/in use \(a running server\?\)/);
      expect(fs.readdirSync(dir).filter((name) => name.startsWith("busy.db.before-restore"))).toEqual([]);
      expect(server.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      server.close();
    }
  });

  it("keeps the database it replaces as .before-restore-<time>", () => {
    const source = makeDatabase("source-keep.db");
    const writer = new Database(source);
    writer.prepare("INSERT INTO AuditEvent (id, type, createdAt) VALUES (?, 'test.from-backup', 0)").run(randomUUID());
    writer.close();
    const backup = path.join(dir, "backups", "for-keep.db");
    backupDatabase(source, backup);
    const target = makeDatabase("keep.db");
    const date = new Date("2026-03-01T10:00:00Z");
    const result = restoreDatabase(backup, target, date);
    expect(result.previous).toBe(`${target}.before-restore-2026-03-01T10-00-00Z`);
    expect(fs.existsSync(result.previous!)).toBe(true);
    const restored = new Database(target, { readonly: true });
    expect(restored.prepare("SELECT count(*) AS n FROM AuditEvent WHERE type = 'test.from-backup'").get()).toEqual({ n: 1 });
    restored.close();
  });

  it("refuses a file that is not a sound FactDesk database", () => {
    const notDatabase = path.join(dir, "notes.db");
    fs.writeFileSync(notDatabase, "not a database at all, just text ".repeat(200));
    expect(() => restoreDatabase(notDatabase, path.join(dir, "never.db"))).toThrow();
    const empty = path.join(dir, "empty.db");
    const other = new Database(empty);
    other.exec("CREATE TABLE t (x)");
    other.close();
    expect(() => restoreDatabase(empty, path.join(dir, "never.db"))).toThrow(/not a FactDesk database/);
    expect(fs.existsSync(path.join(dir, "never.db"))).toBe(false);
  });

  it("never overwrites an earlier backup", () => {
    const source = makeDatabase("source-twice.db");
    const out = path.join(dir, "backups", "twice.db");
    backupDatabase(source, out);
    expect(() => backupDatabase(source, out)).toThrow(/already exists/);
  });
});
