/**
 * FactDesk's HTTP server: `npm start` (the production build) and `npm run dev` (`--dev`).
 * Next.js as a custom server, for one reason: Next's own server trusts X-Forwarded-For as the
 * client sends it, so any client could choose the address that the sign-in limits count and the
 * audit log records. Here every request's forwarded headers are rewritten from the TCP peer and
 * TRUSTED_PROXIES before Next sees them (lib/http/forwarded-headers.ts). See
 * docs/decisions/0004-client-address.md.
 *
 * With SERVER_PROCESSES=N (N > 1, PostgreSQL only) this process supervises N copies of itself that
 * share the port (lib/http/server-processes.ts, docs/decisions/0015-several-app-processes.md).
 *
 *   node --import tsx server.ts [--dev] [-p PORT] [-H HOSTNAME]
 */
import http from "node:http";
import nextEnv from "@next/env";
import { databaseKind } from "./lib/config/database-url";
import { getEnv } from "./lib/env";
import { markForwardedHeadersResolved } from "./lib/http/client-address";
import { rewriteForwardedHeaders } from "./lib/http/forwarded-headers";
import { isServerWorker, superviseServerProcesses } from "./lib/http/server-processes";

const args = process.argv.slice(2);
const isDev = args.includes("--dev");
const readArg = (...names: string[]) => {
  const index = args.findIndex((arg) => names.includes(arg));
  return index === -1 ? undefined : args[index + 1];
};

// As `next start` and `next dev` do: the mode decides NODE_ENV, then the .env files are read.
(process.env as Record<string, string>).NODE_ENV ??= isDev ? "development" : "production";
nextEnv.loadEnvConfig(process.cwd(), isDev);
const env = getEnv();
const port = Number(readArg("-p", "--port") ?? env.PORT);
const hostname = readArg("-H", "--hostname");
const proxies = env.TRUSTED_PROXIES;

const processes = isDev ? 1 : env.SERVER_PROCESSES;
const trusted = proxies.entries.length ? proxies.entries.join(", ") : "none (forwarded headers ignored)";
const where = `http://${hostname ?? "localhost"}:${port}`;

if (processes > 1 && !isServerWorker()) {
  if (databaseKind(env.DATABASE_URL) === "sqlite") {
    console.error(`SERVER_PROCESSES=${processes} needs PostgreSQL: a SQLite file is served by one process (docs/operations.md). Set DATABASE_URL to a postgresql:// URL, or SERVER_PROCESSES=1.`);
    process.exit(1);
  }
  superviseServerProcesses({
    count: processes,
    describe: (pids) => `FactDesk production server on ${where}: ${pids.length} processes (${pids.join(", ")}); trusted proxies: ${trusted}`,
  });
} else {
  await serve();
}

async function serve() {
  const { default: next } = await import("next");
  markForwardedHeadersResolved();
  const server = http.createServer((request, response) => {
    rewriteForwardedHeaders(request, proxies);
    void handle(request, response);
  });
  const app = next({ dev: isDev, dir: process.cwd(), hostname, port, httpServer: server });
  const handle = app.getRequestHandler();
  await app.prepare();

  server.on("upgrade", (request) => rewriteForwardedHeaders(request, proxies));
  // Next logs uncaught exceptions and carries on, which would leave a process that listens nowhere.
  server.once("error", (error) => {
    console.error(`FactDesk cannot listen on ${where}: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, hostname, () => {
    // Under a supervisor, the supervisor says where the server listens once every process does.
    if (!isServerWorker()) console.log(`FactDesk ${isDev ? "development" : "production"} server on ${where}; trusted proxies: ${trusted}`);
  });

  let isClosing = false;
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.on(signal, () => {
      if (isClosing) return;
      isClosing = true;
      // Stop accepting connections and let requests in flight finish (10 s at most), then close Next.
      server.close(() => void app.close().finally(() => process.exit(code)));
      if (isDev) server.closeAllConnections();
      setTimeout(() => process.exit(code), 10_000).unref();
    });
  }
}
