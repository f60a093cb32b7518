import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type BackupResult = { file: string; bytes: number; ms: number; integrity: string };
export type RestoreResult = { target: string; previous: string | null; bytes: number; integrity: string; migrations: number };

/** `2026-03-01T09-30-00Z`: an ISO time that sorts and is a valid file name everywhere. */
export function formatBackupStamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, "Z").replaceAll(":", "-");
}

/** data/backups/app-<stamp>.db for data/app.db: next to the database, named after it. */
export function defaultBackupPath(databaseFile: string, date = new Date()): string {
  const stem = path.basename(databaseFile).replace(/\.(db|sqlite3?)$/, "");
  return path.join(path.dirname(databaseFile), "backups", `${stem}-${formatBackupStamp(date)}.db`);
}

/** SQLite's own check of every page and index; "ok" or the problems found. */
export function checkIntegrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma("integrity_check") as Array<{ integrity_check: string }>;
    return rows.map((row) => row.integrity_check).join("; ");
  } finally {
    db.close();
  }
}

/**
 * An online backup: `VACUUM INTO` copies the database as one read transaction sees it, so the
 * copy is consistent however the app writes meanwhile, and (in WAL mode) the app's writers are
 * never blocked. Unlike the page-by-page backup API it does not start over when a write lands.
 * The copy is written beside its final name and renamed, so a half-written file never has it.
 */
export function backupDatabase(databaseFile: string, outFile: string): BackupResult {
  if (fs.existsSync(outFile)) throw new Error(`${outFile} already exists; choose another --out`);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const partial = `${outFile}.partial`;
  fs.rmSync(partial, { force: true });
  const started = performance.now();
  const source = new Database(databaseFile, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    source.prepare("VACUUM INTO ?").run(partial);
  } finally {
    source.close();
  }
  const integrity = checkIntegrity(partial);
  if (integrity !== "ok") {
    fs.rmSync(partial, { force: true });
    throw new Error(`the backup failed SQLite's integrity check: ${integrity}`);
  }
  fs.renameSync(partial, outFile);
  return { file: outFile, bytes: fs.statSync(outFile).size, ms: Math.round(performance.now() - started), integrity };
}

/**
 * Refuses while another process has the database open. Leaving WAL mode needs every other
 * connection gone, so a running server makes `journal_mode = DELETE` fail with SQLITE_BUSY;
 * when it succeeds, the WAL has been checkpointed into the file, which is then complete alone.
 */
export function assertNotInUse(databaseFile: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(databaseFile, { fileMustExist: true, timeout: 0 });
    const mode = db.pragma("journal_mode = DELETE", { simple: true });
    if (mode !== "delete") throw Object.assign(new Error(`journal mode stayed ${String(mode)}`), { code: "SQLITE_BUSY" });
    // Without WAL, an exclusive lock is the only way to see another user.
    db.exec("BEGIN EXCLUSIVE; COMMIT");
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
      throw new Error(`${databaseFile} is in use (a running server?). Stop the app, then restore.`);
    }
    throw error;
  } finally {
    db?.close();
  }
}

function countMigrations(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT count(*) AS count FROM _prisma_migrations WHERE finished_at IS NOT NULL").get() as { count: number }).count;
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the database. Checks the backup first (integrity, migrations) and
 * that nothing has the database open; keeps the old file as `<name>.before-restore-<stamp>`; the
 * copy lands under a temporary name and is renamed over, then switched back to WAL.
 */
export function restoreDatabase(backupFile: string, databaseFile: string, date = new Date()): RestoreResult {
  const integrity = checkIntegrity(backupFile);
  if (integrity !== "ok") throw new Error(`${backupFile} fails SQLite's integrity check: ${integrity}`);
  let migrations: number;
  try {
    migrations = countMigrations(backupFile);
  } catch {
    throw new Error(`${backupFile} is not a FactDesk database (it has no migrations table)`);
  }
  const archive = `${databaseFile}.before-restore-${formatBackupStamp(date)}`;
  let previous: string | null = null;
  if (fs.existsSync(databaseFile)) {
    assertNotInUse(databaseFile);
    fs.renameSync(databaseFile, archive);
    previous = archive;
  }
  // A WAL or shared-memory file left beside the old database must never meet the restored one.
  for (const suffix of ["-wal", "-shm", "-journal"]) {
    if (fs.existsSync(databaseFile + suffix)) fs.renameSync(databaseFile + suffix, archive + suffix);
  }
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
  const incoming = `${databaseFile}.restoring`;
  fs.copyFileSync(backupFile, incoming);
  const handle = fs.openSync(incoming, "r");
  fs.fsyncSync(handle);
  fs.closeSync(handle);
  fs.renameSync(incoming, databaseFile);
  const db = new Database(databaseFile, { fileMustExist: true });
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
  return { target: databaseFile, previous, bytes: fs.statSync(databaseFile).size, integrity: checkIntegrity(databaseFile), migrations };
}
