import fs from "node:fs";
import path from "node:path";

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

/** A server action's id in this build, from .next/server/server-reference-manifest.json. */
export function findActionId(filename: string, exportedName: string): string {
  const manifestFile = path.join(".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { node: Record<string, ManifestEntry> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} from ${filename} in ${manifestFile}`);
  return found[0];
}

/** A URL segment as the router state names it: a literal, or a dynamic parameter's name and value. */
export type RouteSegment = string | [name: string, value: string];

/**
 * The Next-Router-State-Tree header a browser on this route sends with an action (as Next's
 * client builds it: one [segment, { children }] level per route segment, dynamic segments as
 * [name, value, "d", null]), so that the server re-renders what a browser would get back.
 */
export function encodeRouterState(segments: RouteSegment[]): string {
  let tree: unknown[] = ["__PAGE__", {}];
  for (const segment of [...segments].reverse()) {
    tree = [typeof segment === "string" ? segment : [segment[0], segment[1], "d", null], { children: tree }];
  }
  return encodeURIComponent(JSON.stringify(tree));
}

/** The request a browser's router makes to call a server action with one plain-object argument. */
export function describeActionRequest(input: { origin: string; cookie: string; actionId: string; routerState: string; argument: unknown }) {
  return {
    method: "POST",
    headers: {
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      "Next-Action": input.actionId,
      "Next-Router-State-Tree": input.routerState,
      Origin: input.origin,
      Cookie: input.cookie,
    },
    // React's encodeReply of plain JSON values is their JSON (no string here starts with "$").
    body: JSON.stringify([input.argument]),
  };
}

/**
 * The action's return value from a Flight response: row 0 is `{ a: "$@<row>", ... }` and the
 * value is that row's JSON (or `a` itself when it was inlined).
 */
export function readActionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match && !rows.has(match[1])) rows.set(match[1], match[2]);
  }
  const head = rows.get("0");
  if (!head) throw new Error(`not a Flight response: ${body.slice(0, 200)}`);
  const { a } = JSON.parse(head) as { a?: unknown };
  const reference = typeof a === "string" ? /^\$@([0-9a-f]+)$/.exec(a) : null;
  if (!reference) return a;
  const row = rows.get(reference[1]);
  if (row === undefined) throw new Error(`the action result row ${reference[1]} is missing`);
  return JSON.parse(row);
}
