/**
 * `npx tsx scripts/bench/page-weight.ts [--runs N] [--save DIR]`: what the workspace page weighs
 * and costs the server, on the bench's data (scripts/bench/seed.ts) in a throwaway SQLite
 * database, served by the production build in the current directory (`npm run build` first).
 * For the heavy 1,000-claim article and the typical 8-claim one: the response's bytes as sent
 * uncompressed and gzipped (as the server compresses it for a browser), then `runs` requests one
 * at a time (default 30, after 3 warm-ups) with the server process's CPU time per request
 * (from /proc, so other work on the machine disturbs it less than wall time) and wall p50/p95.
 * `--save DIR` writes each page's HTML there, to look at what it carries.
 * Run it from another build's directory (e.g. a worktree of main) to compare two builds.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createPrismaClient } from "../../lib/config/prisma-client";
import { createThrowawayDatabase } from "../lib/throwaway-database";
import { seedBench } from "./seed";
import { BENCH_PASSWORD } from "./seed-team";
import { startServer } from "./server";
import { signIn } from "./session";
import { percentile } from "./stats";

const args = process.argv.slice(2);
const readArg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(readArg("--runs") ?? 30);
const saveDir = readArg("--save");

/** One GET, the body as sent (not decompressed). */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: Buffer; encoding?: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks), encoding: response.headers["content-encoding"] }));
      response.on("error", reject);
    }).on("error", reject);
  });
}

/** User plus system CPU time of a process so far, in milliseconds (Linux). */
function readProcessCpu(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}

async function main() {
  const database = await createThrowawayDatabase("sqlite", { name: "factdesk_page_weight" });
  const db = createPrismaClient(database.url);
  // Seeded before the server opens it, as the bench does (the server gathers planner statistics then).
  const data = await seedBench(db);
  const server = await startServer(database.url);
  try {
    const cookie = await signIn(server.baseUrl, data.editors[0].email, BENCH_PASSWORD);
    for (const [label, articleId] of [["heavy (1,000 claims)", data.heavyArticleId], ["typical (8 claims)", data.smallArticleId]] as const) {
      const url = `${server.baseUrl}/t/${data.slug}/articles/${articleId}`;
      const plain = await get(url, { Cookie: cookie, "Accept-Encoding": "identity" });
      const gzipped = await get(url, { Cookie: cookie, "Accept-Encoding": "gzip" });
      if (plain.status !== 200 || !plain.body.includes("data-workspace")) throw new Error(`${url}: HTTP ${plain.status}`);
      if (gzipped.encoding !== "gzip") throw new Error(`${url}: not gzipped (${gzipped.encoding ?? "no encoding"})`);
      if (saveDir) {
        fs.mkdirSync(saveDir, { recursive: true });
        fs.writeFileSync(path.join(saveDir, `${label.split(" ")[0]}.html`), plain.body);
      }
      for (let warm = 0; warm < 3; warm += 1) await get(url, { Cookie: cookie, "Accept-Encoding": "gzip" });
      const times: number[] = [];
      const cpu: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const before = readProcessCpu(server.process.pid!);
        const started = performance.now();
        const response = await get(url, { Cookie: cookie, "Accept-Encoding": "gzip" });
        times.push(performance.now() - started);
        // The server may finish its work (logging, a cache write) just after the last byte.
        await new Promise((resolve) => setTimeout(resolve, 20));
        cpu.push(readProcessCpu(server.process.pid!) - before);
        if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
      }
      const cpuMean = cpu.reduce((sum, value) => sum + value, 0) / cpu.length;
      console.log(
        `${label.padEnd(22)} ${plain.body.length.toLocaleString("en").padStart(10)} B raw ${gzipped.body.length.toLocaleString("en").padStart(9)} B gzip` +
          `  server CPU mean ${cpuMean.toFixed(1).padStart(6)} ms  wall p50 ${percentile(times, 50).toFixed(1).padStart(6)} p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms (${runs} runs)`,
      );
    }
  } finally {
    await server.stop();
    await db.$disconnect();
    await database.remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
