import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

type ClientManifest = { entryJSFiles?: Record<string, string[]> };

/**
 * The JavaScript a first visit to an app route loads, from the build output: the root main files
 * every page loads (.next/build-manifest.json `rootMainFiles`) and the chunks of each entry on the
 * route's path (its layouts, page, loading and error boundaries: `entryJSFiles` in the route's
 * client reference manifest). The polyfill file is left out: it is a `nomodule` script, which a
 * current browser neither fetches nor runs. Returns the files and their total size gzipped
 * (level 9, each file on its own, as they are served).
 */
export function measureFirstLoadJs(route: string, nextDir = ".next") {
  const buildManifest = JSON.parse(fs.readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const manifestFile = path.join(nextDir, "server", "app", route, "page_client-reference-manifest.js");
  const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, ClientManifest> } };
  vm.runInNewContext(fs.readFileSync(manifestFile, "utf8"), sandbox);
  const manifest = sandbox.globalThis.__RSC_MANIFEST?.[`/${route}/page`];
  if (!manifest?.entryJSFiles) throw new Error(`no entryJSFiles for /${route}/page in ${manifestFile}`);
  const files = [...new Set([...buildManifest.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()])];
  const bytes = files.reduce((total, file) => total + zlib.gzipSync(fs.readFileSync(path.join(nextDir, file)), { level: 9 }).length, 0);
  return { files, gzipBytes: bytes };
}
