import fs from "node:fs";

/** server.ts compiled by `npm run build` (scripts/build-server.ts): what `npm start` runs. */
export const SERVER_BUNDLE = ".next/factdesk-server.mjs";

/**
 * How every script starts the production build: FactDesk's own server (server.ts, as
 * `npm start` runs it), never `next start`, which would believe any client's X-Forwarded-For.
 * Use it as `spawn(process.execPath, appServerArgs(...))`.
 */
export function appServerArgs(options: { port: number | string; hostname?: string; nodeArgs?: string[] }): string[] {
  if (!fs.existsSync(SERVER_BUNDLE)) throw new Error(`${SERVER_BUNDLE} is missing: run \`npm run build\` first.`);
  return [...(options.nodeArgs ?? []), SERVER_BUNDLE, "-p", String(options.port), ...(options.hostname ? ["-H", options.hostname] : [])];
}
