// `pnpm bench`: runs every bench/*.bench.ts (or those named on the command line) and prints tables.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** One row of a benchmark table: a figure, its value, and the target it is held against. */
export interface BenchRow {
  figure: string;
  value: string;
  target?: string;
}

/** What a bench module's default export returns. */
export interface BenchReport {
  title: string;
  rows: BenchRow[];
  notes?: string[];
}

export type Bench = () => Promise<BenchReport>;

function printReport(report: BenchReport): void {
  const header: BenchRow = { figure: "figure", value: "value", target: "target" };
  const rows = [header, ...report.rows];
  const width = (key: keyof BenchRow) => Math.max(...rows.map((row) => (row[key] ?? "").length));
  const [figureWidth, valueWidth] = [width("figure"), width("value")];
  console.log(`\n## ${report.title}\n`);
  for (const [index, row] of rows.entries()) {
    console.log(
      `| ${row.figure.padEnd(figureWidth)} | ${row.value.padStart(valueWidth)} | ${row.target ?? ""} |`,
    );
    if (index === 0) console.log(`|${"-".repeat(figureWidth + 2)}|${"-".repeat(valueWidth + 2)}|---|`);
  }
  for (const note of report.notes ?? []) console.log(`\n${note}`);
}

const folder = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.includes(name)))
  .sort();
if (files.length === 0) console.log("No benchmarks matched.");
for (const file of files) {
  const module = (await import(pathToFileURL(join(folder, file)).href)) as { default: Bench };
  printReport(await module.default());
}
