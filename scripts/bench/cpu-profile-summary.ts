/**
 * `npx tsx scripts/bench/cpu-profile-summary.ts PROFILE [--window-us FROM,TO] [--changes N] [--top 30]`:
 * where a V8 CPU profile of the production server (`--cpu-prof`, e.g. from status-profile.ts)
 * spent its time: self and inclusive time by package (the bundled chunks mapped back to their
 * sources through the build's source maps in .next), by function, and our own functions. The
 * profiler samples wall time on the main thread, so on a loaded machine read the shares, not
 * the milliseconds. `--window-us` keeps the samples between two monotonic-clock times in
 * microseconds (status-profile.ts prints them); `--changes` divides by the changes made then.
 */
import fs from "node:fs";
import path from "node:path";
import { SourceMap } from "node:module";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };
type Frame = { key: string; category: string };

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const root = process.cwd();
type Section = { line: number; column: number; map: SourceMap };
const maps = new Map<string, Section[] | null>();

/** A chunk's source map as its sections (Turbopack writes index maps: one section per module). */
function readMap(url: string): Section[] | null {
  if (!maps.has(url)) {
    const file = `${url.replace(/^file:\/\//, "")}.map`;
    const payload = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null;
    const sections = payload?.sections as Array<{ offset: { line: number; column: number }; map: object }> | undefined;
    maps.set(url, !payload ? null : sections ? sections.map(({ offset, map }) => ({ ...offset, map: new SourceMap(map as never) })) : [{ line: 0, column: 0, map: new SourceMap(payload) }]);
  }
  return maps.get(url)!;
}

/** The original file and line of a generated position (0-based line and column). */
function findOriginal(sections: Section[], line: number, column: number): { source: string; line: number } | null {
  const section = sections.findLast((each) => each.line < line || (each.line === line && each.column <= column));
  if (!section) return null;
  const entry = section.map.findEntry(line - section.line, line === section.line ? column - section.column : column) as { originalSource?: string; originalLine?: number };
  return entry.originalSource ? { source: entry.originalSource, line: (entry.originalLine ?? 0) + 1 } : null;
}

/** A package's name, `next/compiled/<name>` for what Next bundles in, or "ours <folder>" for the app's code. */
function categorize(frame: CallFrame, source: string): string {
  if (!frame.url) return frame.functionName.startsWith("(") ? frame.functionName : "(V8 built-ins)";
  if (frame.url.startsWith("wasm://")) return "prisma query compiler (wasm)";
  if (frame.url.startsWith("node:")) return "node internals";
  if (source.startsWith("turbopack:///[turbopack]")) return "turbopack runtime";
  const at = source.lastIndexOf("node_modules/");
  if (at < 0) return source.includes(".next/") ? "(unmapped chunk)" : `ours ${source.split("/")[0]}`;
  const parts = source.slice(at + "node_modules/".length).replace(/%40/g, "@").split("/");
  const name = parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
  if (name === "next" && parts.includes("compiled")) return `next/compiled/${parts[parts.indexOf("compiled") + 1]}`;
  return name === "@prisma/client" && source.includes("query_compiler") ? "@prisma/client compiler glue" : name;
}

function describeFrame(frame: CallFrame): Frame {
  let source = frame.url;
  let line = frame.lineNumber + 1;
  const map = frame.url.includes("/.next/") && frame.lineNumber >= 0 ? readMap(frame.url) : null;
  if (map) {
    const original = findOriginal(map, frame.lineNumber, Math.max(frame.columnNumber, 0));
    if (original) [source, line] = [original.source, original.line];
  }
  source = source.replace(/^file:\/\//, "").replace(`${root}/`, "").replace(/^(\.\.\/)+/, "").replace(/^turbopack:\/\/\/\[project\]\//, "");
  return { key: `${frame.functionName || "(anonymous)"} ${source}:${line}`, category: categorize(frame, source) };
}

function add(map: Map<string, number>, key: string, ms: number) {
  map.set(key, (map.get(key) ?? 0) + ms);
}

function main() {
  const file = args.find((arg) => arg.endsWith(".cpuprofile"));
  if (!file) throw new Error("usage: cpu-profile-summary.ts PROFILE.cpuprofile [--window-us FROM,TO] [--changes N] [--top 30]");
  const profile = JSON.parse(fs.readFileSync(path.resolve(file), "utf8")) as Profile;
  const [from, to] = (option("--window-us") ?? `0,${Number.MAX_SAFE_INTEGER}`).split(",").map(Number) as [number, number];
  const changes = Number(option("--changes")) || 0;
  const top = Number(option("--top")) || 30;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const frames = new Map<number, Frame>();
  const frameOf = (id: number) => frames.get(id) ?? frames.set(id, describeFrame(nodes.get(id)!.callFrame)).get(id)!;
  const [selfByCategory, inclusiveByCategory, selfByFunction, inclusiveByFunction] = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  let busy = 0;
  let time = profile.startTime;
  for (const [index, sample] of profile.samples.entries()) {
    time += profile.timeDeltas[index]!;
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    if (time < from || time > to || nodes.get(sample)!.callFrame.functionName === "(idle)") continue;
    busy += ms;
    const leaf = frameOf(sample);
    add(selfByCategory, leaf.category, ms);
    add(selfByFunction, `${leaf.key}  [${leaf.category}]`, ms);
    const [functions, categories] = [new Set<string>(), new Set<string>()];
    for (let id: number | undefined = sample; id !== undefined; id = parents.get(id)) {
      const frame = frameOf(id);
      // A recursive or repeated frame counts once per sample.
      if (!functions.has(frame.key)) {
        functions.add(frame.key);
        add(inclusiveByFunction, frame.key, ms);
      }
      if (!categories.has(frame.category)) {
        categories.add(frame.category);
        add(inclusiveByCategory, frame.category, ms);
      }
    }
  }
  console.log(`main thread busy ${Math.round(busy)} ms${changes ? `, ${(busy / changes).toFixed(2)} ms per change` : ""}`);
  const show = (title: string, map: Map<string, number>, count: number, keep = (_key: string) => true) => {
    console.log(`\n${title} (share, ms${changes ? " per change" : ""})`);
    const rows = [...map].filter(([key]) => keep(key)).sort((a, b) => b[1] - a[1]).slice(0, count);
    for (const [key, ms] of rows) console.log(`${((100 * ms) / busy).toFixed(1).padStart(5)} % ${(changes ? ms / changes : ms).toFixed(2).padStart(8)}  ${key}`);
  };
  show("self time by package", selfByCategory, 30);
  show("inclusive time by package", inclusiveByCategory, 30);
  show("self time by function", selfByFunction, top);
  show("inclusive time, our functions", inclusiveByFunction, top, (key) => /\s(app|lib|components)\/.*\.tsx?:\d+$/.test(key) || /\sproxy\.ts:\d+$/.test(key));
}

main();
