/**
 * `npm run corpus`: reads every layout of the corpus (test/fixtures/layouts)
 * and prints, per layout, its source, kind, how many hand-worked figures came
 * out right and the first difference, then `N of M layouts read completely right`.
 * Exits 0 whatever the count: it reports; the corpus test is what fails.
 * With `--xlsx DIR` it also writes each layout as DIR/<layout>.xlsx.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { LAYOUTS } from "../test/fixtures/layouts";
import { compareReading, figureCount, readLayout, type Difference } from "../test/fixtures/layouts/read";
import { writeLayoutXlsx } from "../test/fixtures/layouts/xlsx";

interface Row {
  layout: string;
  source: string;
  kind: string;
  figures: string;
  result: string;
}

function describe(differences: readonly Difference[], error: unknown): string {
  if (error !== undefined) return `✗ reading failed: ${error instanceof Error ? error.message : String(error)}`;
  if (differences.length === 0) return "✓";
  const [first] = differences;
  const more = differences.length > 1 ? ` (+${differences.length - 1} more)` : "";
  return `✗ ${first.what}: expected ${first.expected}, read ${first.read}${more}`;
}

async function writeAll(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  for (const layout of LAYOUTS) await writeLayoutXlsx(layout, path.join(dir, `${layout.id}.xlsx`));
  console.log(`${LAYOUTS.length} layouts written to ${dir}`);
}

function main(): void {
  const rows: Row[] = [];
  let right = 0;
  for (const layout of LAYOUTS) {
    let differences: Difference[] = [];
    let error: unknown;
    try {
      differences = compareReading(layout, readLayout(layout));
    } catch (caught) {
      error = caught;
    }
    if (error === undefined && differences.length === 0) right++;
    const total = figureCount(layout);
    const wrong = error === undefined ? new Set(differences.map((d) => d.figure)).size : total;
    rows.push({
      layout: layout.id,
      source: layout.source.title,
      kind: layout.kind,
      figures: `${total - wrong}/${total}`,
      result: describe(differences, error),
    });
  }
  printTable(rows);
  console.log(`${right} of ${LAYOUTS.length} layouts read completely right`);
}

function printTable(rows: readonly Row[]): void {
  const headers: Row = { layout: "layout", source: "source", kind: "kind", figures: "figures", result: "expected vs read" };
  const columns = Object.keys(headers) as Array<keyof Row>;
  const limit: Record<keyof Row, number> = { layout: 44, source: 48, kind: 8, figures: 7, result: 110 };
  const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
  const widths = columns.map((c) => {
    let w = headers[c].length;
    for (const row of rows) w = Math.max(w, Math.min(limit[c], row[c].length));
    return w;
  });
  const line = (row: Row) => columns.map((c, i) => cut(row[c], widths[i]).padEnd(widths[i])).join("  ").trimEnd();
  console.log(line(headers));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

main();
const xlsxFlag = process.argv.indexOf("--xlsx");
if (xlsxFlag >= 0) {
  const dir = process.argv[xlsxFlag + 1];
  if (!dir) {
    console.error("--xlsx needs a folder to write the layouts to");
    process.exitCode = 2;
  } else {
    writeAll(dir).catch((error: unknown) => {
      console.error(`could not write the layouts: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    });
  }
}
