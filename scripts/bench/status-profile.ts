/**
 * `npx tsx scripts/bench/status-profile.ts [--cpu-prof DIR] [--alone 30] [--each 15] [--db postgresql --processes 2]`:
 * the bench's status changes alone, for profiling the server under them. Seeds the bench's team
 * on a throwaway database, serves the production build (`npm run build` first; with `--cpu-prof`
 * the server writes a V8 CPU profile into DIR when it stops), signs in the 20 editors, warms up,
 * then one editor alone (`--alone` changes) and the 20 at once (`--each` changes each), as
 * `npm run bench` measures them. Prints the server's CPU per change (all its processes, from
 * /proc; Linux only) and p50/p95 for each phase, and the 20-editor phase's window on the monotonic
 * clock the profile uses, for `scripts/bench/cpu-profile-summary.ts --window-us`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "../../lib/config/prisma-client";
import { createThrowawayDatabase, readDatabaseKind, readProcessCount } from "../lib/throwaway-database";
import { runEditors } from "./load";
import { seedBench, type Editor } from "./seed";
import { BENCH_PASSWORD } from "./seed-team";
import { encodeRouterState, findActionId } from "./server-action";
import { isBuildStale, startServer, type Server } from "./server";
import { signIn } from "./session";
import { median, percentile, round } from "./stats";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const TICK_MS = 10; // USER_HZ: /proc counts CPU time in ticks of 10 ms

function readCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0; // the process ended
  }
}

/** The server's process and its workers (SERVER_PROCESSES > 1 forks them). */
function listProcesses(pid: number): number[] {
  let children: number[] = [];
  try {
    children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // no children
  }
  return [pid, ...children.flatMap(listProcesses)];
}

async function main() {
  if (isBuildStale()) console.warn("warning: the production build is missing or older than the sources (npm run build)");
  const profileDir = option("--cpu-prof") ? path.resolve(option("--cpu-prof")!) : undefined;
  const database = await createThrowawayDatabase(readDatabaseKind(args), { name: "factdesk_status_profile", serverUrl: process.env.BENCH_POSTGRES_URL, durable: true });
  const db = createPrismaClient(database.url);
  let server: Server | undefined;
  try {
    const data = await seedBench(db);
    server = await startServer(database.url, { nodeArgs: profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [], processes: readProcessCount(args) });
    const pid = server.process.pid!;
    const serverCpuMs = () => listProcesses(pid).reduce((sum, each) => sum + readCpuMs(each), 0);
    const cookies = new Map<string, string>();
    for (const editor of data.editors) cookies.set(editor.email, await signIn(server.baseUrl, editor.email, BENCH_PASSWORD));
    const actionId = findActionId("app/(app)/t/[team]/articles/[articleId]/verification-actions.ts", "setClaimStatusAction");
    const segments = ["", "(app)", "t", ["team", data.slug], "articles", ["articleId", data.heavyArticleId]] as const;
    const routerState = (claimId: string) => encodeRouterState([...segments, "claims", ["claimId", claimId]] as never);
    const reread = (claimId: string) => db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { revision: true, status: true } }) as Promise<Pick<Editor["claims"][number], "revision" | "status">>;
    const phase = async (label: string, editors: Editor[], changesEach: number) => {
      const cpuBefore = serverCpuMs();
      const startedUs = process.hrtime.bigint() / 1000n;
      const run = await runEditors({
        baseUrl: server!.baseUrl, slug: data.slug, articleId: data.heavyArticleId, actionId, routerState, changesEach, reread,
        editors: editors.map((editor) => ({ ...editor, cookie: cookies.get(editor.email)! })),
      });
      const endedUs = process.hrtime.bigint() / 1000n;
      if (run.failures.length > 0) throw new Error(`${label}: ${run.failures.length} changes failed: ${run.failures.slice(0, 3).join("; ")}`);
      const cpuMs = (serverCpuMs() - cpuBefore) / run.latencies.length;
      console.log(
        `${label}: ${run.latencies.length} changes, server CPU ${round(cpuMs)} ms a change, p50 ${round(median(run.latencies))} ms, ` +
          `p95 ${round(percentile(run.latencies, 95))} ms, ${(run.latencies.length / run.seconds).toFixed(1)}/s (load average ${os.loadavg()[0]!.toFixed(1)})`,
      );
      return `${startedUs},${endedUs}`;
    };
    await phase("warm-up (10 editors, 2 changes each)", data.editors.slice(10), 2);
    await phase("one editor", data.editors.slice(0, 1), Number(option("--alone")) || 30);
    const window = await phase(`${data.editors.length} editors at once`, data.editors, Number(option("--each")) || 15);
    if (profileDir) console.log(`profile in ${profileDir} once the server stops; the 20-editor phase: --window-us ${window}`);
  } finally {
    await server?.stop();
    await db.$disconnect();
    await database.remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
