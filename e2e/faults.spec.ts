import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { createPrismaClient } from "../lib/config/prisma-client";
import { migrateDatabase } from "../scripts/lib/migrate";
import { readActionIds } from "../scripts/load/actions";
import { formatOutcome, runEditors } from "../scripts/load/editors-run";
import { LOAD_PASSWORD, seedLoadTeam } from "../scripts/load/seed";
import { startServer } from "../scripts/load/server";
import { Session } from "../scripts/load/session";
import { signInEditors } from "../scripts/load/sign-in";
import { compareWithDatabase } from "../scripts/load/verify";
import { E2E_DATABASE_KIND, E2E_PORT } from "./support/constants";
import { db } from "./support/db";
import { checkDatabase, findMissing } from "./support/load-invariants";
import { startWriters } from "./support/load-writers";

const run = promisify(execFile);
const tsx = path.join("node_modules", "tsx", "dist", "cli.mjs");

/** The CI-sized load: `npm run test:load` is the full one (50 editors, 60 s). */
const LOAD_SECONDS = Number(process.env.LOAD_CI_SECONDS ?? 10);
const LOAD_EDITORS = Number(process.env.LOAD_CI_EDITORS ?? 20);

async function waitFor(condition: () => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the writers");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test(`${LOAD_EDITORS} editors at once on one team: no errors, and the database holds exactly the accepted changes`, async ({ baseURL }) => {
  test.setTimeout(LOAD_SECONDS * 1000 + 120_000);
  const team = await seedLoadTeam(db, { editors: LOAD_EDITORS, articles: 2, claimsPerArticle: Math.ceil(LOAD_EDITORS / 2) + 1 });
  const sessions = await signInEditors(baseURL!, team);
  const outcome = await runEditors({
    team,
    sessions,
    actionIds: readActionIds(),
    durationMs: LOAD_SECONDS * 1000,
    readRevision: async (claimId) => (await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { revision: true } })).revision,
  });
  const summary = formatOutcome(outcome, LOAD_EDITORS);
  console.log(summary);
  test.info().annotations.push({ type: "load", description: summary });
  expect(outcome.errors).toEqual([]);
  expect(outcome.accepted.comment + outcome.accepted.edit).toBeGreaterThan(0);
  const { problems } = await compareWithDatabase(db, team, outcome);
  expect(problems).toEqual([]);
});

test("killed mid-write and restarted: the database opens whole, acknowledged writes are there, nothing partial; a backup taken meanwhile restores", async () => {
  // The SQLite file's own crash recovery and backups; PostgreSQL's case is e2e/processes.spec.ts.
  test.skip(E2E_DATABASE_KIND !== "sqlite", "SQLite's crash recovery and file backups");
  test.setTimeout(120_000);
  // Its own server and database: this test kills the server it writes to.
  const port = E2E_PORT + 20;
  const dir = path.resolve(`e2e/.artifacts/faults-${port}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "app.db");
  const databaseUrl = `file:${file}`;
  migrateDatabase(databaseUrl, { quiet: true });
  const seeder = createPrismaClient(databaseUrl);
  const team = await seedLoadTeam(seeder, { editors: 4, articles: 1, claimsPerArticle: 4 });
  await seeder.$disconnect();
  const actionIds = readActionIds();

  let server = await startServer({ port, databaseUrl });
  try {
    const writers = startWriters({ sessions: await signInEditors(server.url, team), team, actionIds });
    await waitFor(() => writers.acknowledged.claims.length >= 15);

    // `npm run db:backup` while the writers write.
    const beforeBackup = writers.snapshot();
    const backupFile = path.join(dir, "backups", "online.db");
    const backup = await run(process.execPath, [tsx, "scripts/db-backup.ts", "--out", backupFile], { env: { ...process.env, DATABASE_URL: databaseUrl } });
    console.log(backup.stdout.trim());
    expect(backup.stdout).toContain("integrity_check: ok");
    await waitFor(() => writers.acknowledged.claims.length >= beforeBackup.claims.length + 25);

    // The kill lands while requests are in flight.
    writers.stop();
    await server.kill();
    await writers.finished();
    expect(writers.errors).toEqual([]);
    const { acknowledged } = writers;

    server = await startServer({ port, databaseUrl });
    const editor = new Session(server.url);
    await editor.signIn(team.editors[0].email, LOAD_PASSWORD);
    const [first] = team.claims;
    const afterRestart = await editor.callAction(first.pageUrl, actionIds.addCommentAction, [{ team: team.slug, claimId: first.id, body: "Written after the restart." }]);
    expect(afterRestart.result?.ok).toBe(true);

    expect(checkDatabase(file, team.teamId)).toEqual({ integrity: "ok", foreignKeyProblems: 0, violations: {} });
    expect(findMissing(file, "Claim", acknowledged.claims)).toEqual([]);
    expect(findMissing(file, "Citation", acknowledged.citations)).toEqual([]);
    const sqlite = new Database(file, { readonly: true });
    try {
      const comments = sqlite.prepare<[string], { n: number }>("SELECT count(*) AS n FROM ClaimComment WHERE claimId = ?");
      for (const [claimId, count] of acknowledged.commentsByClaim) expect(comments.get(claimId)!.n, claimId).toBeGreaterThanOrEqual(count);
      const revision = sqlite.prepare<[string], { revision: number }>("SELECT revision FROM Claim WHERE id = ?");
      for (const [claimId, count] of acknowledged.verdictsByClaim) expect(revision.get(claimId)!.revision - 1, claimId).toBeGreaterThanOrEqual(count);
    } finally {
      sqlite.close();
    }
    console.log(`acknowledged before the kill: ${acknowledged.claims.length} claims, ${acknowledged.citations.length} citations, ` +
      `${[...acknowledged.commentsByClaim.values()].reduce((a, b) => a + b, 0)} comments, ${[...acknowledged.verdictsByClaim.values()].reduce((a, b) => a + b, 0)} verdicts`);

    // `npm run db:restore` of the online backup into a fresh place: whole, consistent, and holding
    // everything acknowledged before the backup began.
    const restored = path.join(dir, "restored", "app.db");
    const restore = await run(process.execPath, [tsx, "scripts/db-restore.ts", backupFile, "--to", restored], { env: process.env });
    expect(restore.stdout).toContain("integrity_check: ok");
    expect(checkDatabase(restored, team.teamId)).toEqual({ integrity: "ok", foreignKeyProblems: 0, violations: {} });
    expect(findMissing(restored, "Claim", beforeBackup.claims)).toEqual([]);
    expect(findMissing(restored, "Citation", beforeBackup.citations)).toEqual([]);
  } finally {
    await server.stop();
  }
});
