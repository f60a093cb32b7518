import fs from "node:fs";
import path from "node:path";

/** One named result with its target, as written to bench/results.json. */
export type Figure = { value: number; unit: string; target: number; better: "lower" | "higher" };
export type Figures = Record<string, Figure>;

/** "met", or how far the figure is from its target, in percent of the target. */
export function judge({ value, target, better }: Figure): string {
  const isMet = better === "lower" ? value <= target : value >= target;
  if (isMet) return "met";
  const gap = better === "lower" ? (value - target) / target : (target - value) / target;
  return `missed by ${(gap * 100).toFixed(gap < 0.1 ? 1 : 0)}%`;
}

function formatNumber(value: number): string {
  if (Math.abs(value) >= 100) return String(Math.round(value));
  return String(Math.round(value * 100) / 100);
}

/** The figures as a plain-text table: name, value, unit, target, met or missed by how much. */
export function formatTable(figures: Figures): string {
  const rows = Object.entries(figures).map(([name, figure]) => [
    name,
    formatNumber(figure.value),
    figure.unit,
    `${figure.better === "lower" ? "≤" : "≥"} ${formatNumber(figure.target)}`,
    judge(figure),
  ]);
  const header = ["figure", "value", "unit", "target", "result"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 1 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join("  ").trimEnd();
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

/** Writes the figures as JSON, one object of named figures. */
export function writeResults(file: string, figures: Figures) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
}
