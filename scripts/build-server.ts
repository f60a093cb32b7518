/**
 * Part of `npm run build`, after `next build`: compiles server.ts (the app's HTTP server, see its
 * header) and what it imports from lib/ into one JavaScript file beside the build, so that
 * `npm start` runs it on plain Node, with no TypeScript loader in the serving process.
 * Packages stay imports from node_modules.
 */
import { build } from "esbuild";
import { SERVER_BUNDLE } from "./lib/app-server";

await build({
  entryPoints: ["server.ts"],
  outfile: SERVER_BUNDLE,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  tsconfig: "tsconfig.json",
  logLevel: "warning",
});
console.log(`server.ts -> ${SERVER_BUNDLE}`);
